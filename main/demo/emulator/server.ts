/**
 * The HTTP side of the emulator: authentication, methods, JSON $batch, fault injection, latency,
 * the access log, and writing answers with Graph's headers. What a GET returns is GraphHandler's job.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphHttpError, errorBody, methodNotAllowed, unauthenticated, badRequest } from './errors.js';
import { FaultQueue, faultError, type FaultSpec } from './faults.js';
import type { GraphHandler, GraphResult, RequestIds } from './graph-handler.js';
import { batchRequestSchema, type BatchResponse, type BatchResponseItem } from './graph-types.js';
import type { TokenAuthority, TokenClaims, TokenProblem } from './token.js';

/** One access-log line (public as AccessLogEntry in index.ts). */
export interface LogEntry {
  time: number;
  method: string;
  path: string;
  status: number;
  bucket: string;
  cost: number;
  throttled: boolean;
  /** On the $batch request itself: how many requests it carried. */
  batchOf?: number;
  /** On a request that arrived inside a $batch. */
  inBatch?: boolean;
}

/** Graph's JSON batching limit (json-batching.md: "currently limited to 20"). */
export const MAX_BATCH = 20;
const MAX_BODY_BYTES = 4 * 1024 * 1024;
const JSON_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

const TOKEN_MESSAGES: Record<TokenProblem, string> = {
  missing: 'Access token is empty.',
  malformed: 'Invalid JWT token. The token is malformed.',
  signature: 'Access token validation failure. Invalid signature.',
  expired: 'Lifetime validation failed, the token is expired.',
  audience: 'Access token validation failure. Invalid audience.',
  tenant: 'Access token validation failure. Invalid tenant.',
};

export interface ServerDeps {
  handler: GraphHandler;
  tokens: TokenAuthority;
  faults: FaultQueue;
  log: LogEntry[];
  logLimit: number;
  latencyMs: number;
  tenantId: string;
  /** Timers of slow responses still pending, cleared on close. */
  timers: Set<NodeJS.Timeout>;
}

function sleep(deps: ServerDeps, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(() => {
      deps.timers.delete(t);
      resolve();
    }, ms);
    deps.timers.add(t);
  });
}

function record(deps: ServerDeps, entry: LogEntry): void {
  deps.log.push(entry);
  // The log is for tests and benchmarks; keep it bounded so a long-running emulator does not grow.
  if (deps.log.length > deps.logLimit) deps.log.splice(0, deps.log.length - deps.logLimit);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) reject(badRequest('The request body is too large.', 'BadRequest'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function authenticate(deps: ServerDeps, req: IncomingMessage): TokenClaims {
  const auth = req.headers.authorization;
  const m = auth ? /^Bearer\s+(\S+)$/i.exec(auth) : null;
  const verdict = deps.tokens.verify(m?.[1]);
  if (typeof verdict === 'string') throw unauthenticated(TOKEN_MESSAGES[verdict], deps.tenantId);
  return verdict;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Write an answer, honouring a reset or truncate fault. */
function send(res: ServerResponse, status: number, headers: Record<string, string>, body: unknown, fault?: FaultSpec): void {
  const text = JSON.stringify(body);
  const buf = Buffer.from(text, 'utf8');
  // A /$count answer is a bare number in text/plain.
  const type = typeof body === 'number' ? 'text/plain' : JSON_TYPE;
  if (fault?.kind === 'truncate') {
    // A valid status, half of the body, then a clean end: the client gets broken JSON.
    res.writeHead(status, { ...headers, 'Content-Type': type });
    res.end(buf.subarray(0, Math.floor(buf.length / 2)));
    return;
  }
  res.writeHead(status, { ...headers, 'Content-Type': type, 'Content-Length': String(buf.length) });
  if (fault?.kind === 'reset') {
    // Part of the body, then the connection drops.
    res.write(buf.subarray(0, Math.floor(buf.length / 2)), () => res.socket?.destroy());
    return;
  }
  res.end(buf);
}

function normaliseInnerUrl(url: string): string {
  let u = url.trim();
  const abs = /^https?:\/\/[^/]+/i.exec(u);
  if (abs) u = u.slice(abs[0].length);
  if (!u.startsWith('/')) u = '/' + u;
  if (!u.toLowerCase().startsWith('/v1.0/')) u = '/v1.0' + u;
  return u;
}

function resultHeaders(r: GraphResult): Record<string, string> {
  return { 'Content-Type': 'application/json', ...r.headers };
}

async function batch(deps: ServerDeps, req: IncomingMessage, claims: TokenClaims, ids: RequestIds): Promise<{ body: BatchResponse; count: number }> {
  const raw = await readBody(req);
  let parsed;
  try {
    parsed = batchRequestSchema.safeParse(JSON.parse(raw));
  } catch {
    throw badRequest('Invalid batch payload format.', 'BadRequest');
  }
  if (!parsed.success) throw badRequest('Invalid batch payload format.', 'BadRequest');
  const { requests } = parsed.data;
  if (requests.length === 0) throw badRequest('Invalid batch payload format: no requests.', 'BadRequest');
  if (requests.length > MAX_BATCH) throw badRequest(`The number of requests in the batch exceeds the limit of ${MAX_BATCH}.`, 'BadRequest');
  if (new Set(requests.map((r) => r.id)).size !== requests.length) throw badRequest('Batch request ids must be unique.', 'BadRequest');
  if (requests.some((r) => r.method.toUpperCase() !== 'GET')) throw methodNotAllowed();

  const responses: BatchResponseItem[] = [];
  for (const item of requests) {
    const url = normaliseInnerUrl(item.url);
    const innerIds = { requestId: randomUUID(), clientRequestId: ids.clientRequestId };
    const fault = deps.faults.take(url, true);
    let result: GraphResult;
    if (fault) {
      const e = faultError(fault.status as number);
      const h: Record<string, string> = fault.retryAfterSec !== undefined ? { 'Retry-After': String(fault.retryAfterSec) } : {};
      result = { status: fault.status as number, headers: h, body: errorBody(e.code, e.message, innerIds.requestId, innerIds.clientRequestId), bucket: 'none', cost: 0, throttled: fault.status === 429 };
    } else {
      const consistencyLevel = Object.entries(item.headers ?? {}).find(([k]) => k.toLowerCase() === 'consistencylevel')?.[1];
      result = deps.handler.get(url, { consistencyLevel }, claims, innerIds);
    }
    record(deps, { time: Date.now(), method: 'GET', path: url, status: result.status, bucket: result.bucket, cost: result.cost, throttled: result.throttled, inBatch: true });
    responses.push({ id: item.id, status: result.status, headers: resultHeaders(result), body: result.body });
  }
  return { body: { responses }, count: requests.length };
}

/** Handle one HTTP request end to end. */
export async function handleRequest(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = randomUUID();
  const ids: RequestIds = { requestId, clientRequestId: header(req, 'client-request-id') ?? requestId };
  const base = { 'request-id': ids.requestId, 'client-request-id': ids.clientRequestId, 'OData-Version': '4.0' };
  const method = (req.method ?? 'GET').toUpperCase();
  const path = req.url ?? '/';
  if (deps.latencyMs > 0) await sleep(deps, deps.latencyMs);

  const fault = deps.faults.take(path);
  if (fault?.kind === 'slow') await sleep(deps, fault.delayMs ?? 30_000);
  if (res.destroyed) return;
  if (fault?.kind === 'status') {
    const status = fault.status as number;
    const e = faultError(status);
    const h: Record<string, string> = { ...base };
    if (fault.retryAfterSec !== undefined) h['Retry-After'] = String(fault.retryAfterSec);
    record(deps, { time: Date.now(), method, path, status, bucket: 'fault', cost: 0, throttled: status === 429 });
    send(res, status, h, errorBody(e.code, e.message, ids.requestId, ids.clientRequestId));
    return;
  }

  let status = 500;
  let entry: LogEntry = { time: Date.now(), method, path, status, bucket: 'none', cost: 0, throttled: false };
  try {
    const claims = authenticate(deps, req);
    const pathname = path.split('?')[0];
    if (method === 'POST' && pathname.toLowerCase() === '/v1.0/$batch') {
      const out = await batch(deps, req, claims, ids);
      status = 200;
      entry = { ...entry, status, bucket: 'batch', batchOf: out.count };
      send(res, status, base, out.body, fault);
    } else if (method !== 'GET') {
      throw methodNotAllowed();
    } else {
      const r = deps.handler.get(path, { consistencyLevel: header(req, 'consistencylevel') }, claims, ids);
      status = r.status;
      entry = { ...entry, status, bucket: r.bucket, cost: r.cost, throttled: r.throttled };
      send(res, status, { ...base, ...r.headers }, r.body, fault);
    }
  } catch (err) {
    const e = err instanceof GraphHttpError ? err : new GraphHttpError(500, 'generalException', 'An unexpected error occurred.');
    if (!(err instanceof GraphHttpError)) console.error('graph emulator: unexpected error', err);
    status = e.status;
    entry = { ...entry, status };
    send(res, status, { ...base, ...e.headers }, errorBody(e.code, e.message, ids.requestId, ids.clientRequestId), fault);
  }
  record(deps, entry);
}
