/**
 * The read-only guard. It runs inside the one function that sends bytes (transport.ts), before any socket
 * is opened: only GET to an allow-listed dataset path, or POST to /v1.0/$batch whose every inner request is
 * an allow-listed GET, may leave the process, and only to the origin the reader was created for.
 */
import { BATCH_PATH, isAllowedReadPath } from './allowlist.js';

/** Thrown when a request would write, leave our origin, or read something outside our datasets. */
export class ReadOnlyViolationError extends Error {
  override readonly name = 'ReadOnlyViolationError';
  constructor(
    readonly method: string,
    readonly url: string,
    readonly reason: string,
  ) {
    super(`refused ${method} ${url}: ${reason} (this tool only reads audit datasets from Microsoft Graph)`);
  }
}

/** The path of an absolute URL relative to /v1.0, or null when it is not under /v1.0. */
export function versionRelativePath(url: URL): string | null {
  const p = url.pathname;
  return p.startsWith('/v1.0/') ? p.slice('/v1.0'.length) : null;
}

/** Throws ReadOnlyViolationError unless the request is a permitted read. */
export function assertReadOnly(method: string, rawUrl: string, origin: string, body?: string): void {
  const m = method.toUpperCase();
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new ReadOnlyViolationError(m, rawUrl, 'not an absolute URL');
  }
  if (url.origin !== origin) throw new ReadOnlyViolationError(m, rawUrl, `origin is not ${origin}`);
  if (url.username || url.password) throw new ReadOnlyViolationError(m, rawUrl, 'credentials in URL');
  const rel = versionRelativePath(url);
  if (rel === null) throw new ReadOnlyViolationError(m, rawUrl, 'not a Graph v1.0 path');
  if (m === 'GET') {
    if (body !== undefined && body !== '') throw new ReadOnlyViolationError(m, rawUrl, 'a GET carries no body');
    if (!isAllowedReadPath(rel)) throw new ReadOnlyViolationError(m, rawUrl, `path ${rel} is not an audit dataset`);
    return;
  }
  if (m === 'POST' && rel === BATCH_PATH) {
    if (url.search) throw new ReadOnlyViolationError(m, rawUrl, '$batch takes no query');
    assertBatchReadOnly(rawUrl, body ?? '');
    return;
  }
  throw new ReadOnlyViolationError(m, rawUrl, `method ${m} is never sent`);
}

function assertBatchReadOnly(rawUrl: string, body: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new ReadOnlyViolationError('POST', rawUrl, '$batch body is not JSON');
  }
  const requests = parsed !== null && typeof parsed === 'object' ? (parsed as { requests?: unknown }).requests : undefined;
  if (!Array.isArray(requests) || requests.length === 0 || requests.length > 20) {
    throw new ReadOnlyViolationError('POST', rawUrl, '$batch needs 1 to 20 requests');
  }
  for (const r of requests as ({ method?: unknown; url?: unknown; body?: unknown } | null)[]) {
    if (r === null || typeof r !== 'object') throw new ReadOnlyViolationError('POST', rawUrl, '$batch request is not an object');
    const method = typeof r.method === 'string' ? r.method.toUpperCase() : String(r.method);
    if (method !== 'GET') throw new ReadOnlyViolationError('POST', rawUrl, `$batch contains a ${method} request`);
    if (r.body !== undefined) throw new ReadOnlyViolationError('POST', rawUrl, '$batch GET with a body');
    if (typeof r.url !== 'string' || !r.url.startsWith('/')) {
      throw new ReadOnlyViolationError('POST', rawUrl, '$batch inner URL must be relative, starting with /');
    }
    const path = r.url.split(/[?#]/)[0];
    if (!isAllowedReadPath(path)) {
      throw new ReadOnlyViolationError('POST', rawUrl, `$batch inner path ${path} is not an audit dataset`);
    }
  }
}
