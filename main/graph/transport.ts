/**
 * The one function in the product that sends bytes to Graph. The read-only guard runs first, before a
 * socket is opened. Node's https with a keep-alive agent (our CA added to the system roots when given;
 * NODE_EXTRA_CA_CERTS works too); plain http only to loopback (tests). Each response is buffered whole
 * (one page, gzip accepted) and a hung request is cut off after timeoutMs of silence.
 */
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { gunzipSync } from 'node:zlib';
import { assertReadOnly } from './guard.js';

export interface TransportRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

export interface TransportResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A network failure (no complete response): reset, refused, DNS, timeout, cut-off body. */
export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(
    message: string,
    readonly reason: 'network' | 'timeout' | 'truncated' | 'aborted',
  ) {
    super(message);
  }
}

export interface Transport {
  send(req: TransportRequest): Promise<TransportResponse>;
  close(): void;
}

export interface TransportOptions {
  /** Origin every request must go to, e.g. https://graph.microsoft.com. */
  origin: string;
  caCertPem?: string;
  timeoutMs: number;
  maxSockets?: number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Creates the transport bound to one origin. */
export function createTransport(opts: TransportOptions): Transport {
  const origin = new URL(opts.origin);
  const secure = origin.protocol === 'https:';
  if (!secure && !(origin.protocol === 'http:' && LOOPBACK.has(origin.hostname))) {
    throw new Error(`Graph base URL must be https (plain http only on loopback): ${opts.origin}`);
  }
  const agentOpts = { keepAlive: true, maxSockets: opts.maxSockets ?? 32 };
  const agent = secure
    ? new https.Agent({ ...agentOpts, ...(opts.caCertPem ? { ca: [...tls.rootCertificates, opts.caCertPem] } : {}) })
    : new http.Agent(agentOpts);
  const lib = secure ? https : http;

  async function send(req: TransportRequest): Promise<TransportResponse> {
    // The guard runs here, before any socket exists; a refusal rejects the returned promise.
    assertReadOnly(req.method, req.url, origin.origin, req.body);
    if (req.signal?.aborted) throw new TransportError('aborted', 'aborted');
    const url = new URL(req.url);
    return new Promise<TransportResponse>((resolve, reject) => {
      let settled = false;
      let gotResponse = false;
      const fail = (e: TransportError): void => {
        if (settled) return;
        settled = true;
        cleanup();
        r.destroy();
        reject(e);
      };
      const onAbort = (): void => fail(new TransportError('aborted', 'aborted'));
      const cleanup = (): void => req.signal?.removeEventListener('abort', onAbort);
      const headers: Record<string, string> = { 'accept-encoding': 'gzip', ...req.headers };
      if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
      const r = lib.request(
        { agent, method: req.method, host: url.hostname, port: url.port || undefined, path: url.pathname + url.search, headers },
        (res) => {
          gotResponse = true;
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('aborted', () => fail(new TransportError(`response cut off: ${req.method} ${url.pathname}`, 'truncated')));
          res.on('error', (e) => fail(new TransportError(`response failed: ${e.message}`, 'truncated')));
          res.on('end', () => {
            if (settled) return;
            if (!res.complete) return fail(new TransportError(`response cut off: ${url.pathname}`, 'truncated'));
            let raw = Buffer.concat(chunks);
            if (res.headers['content-encoding'] === 'gzip') {
              try {
                raw = gunzipSync(raw);
              } catch {
                return fail(new TransportError(`compressed response cut off: ${url.pathname}`, 'truncated'));
              }
            }
            settled = true;
            cleanup();
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: raw.toString('utf8') });
          });
        },
      );
      r.setTimeout(opts.timeoutMs, () =>
        fail(new TransportError(`no answer from Graph in ${opts.timeoutMs} ms: ${req.method} ${url.pathname}`, 'timeout')),
      );
      r.on('error', (e: NodeJS.ErrnoException) =>
        fail(new TransportError(`${e.code ?? 'network error'}: ${e.message}`, gotResponse ? 'truncated' : 'network')),
      );
      req.signal?.addEventListener('abort', onAbort, { once: true });
      r.end(req.body);
    });
  }

  return { send, close: () => agent.destroy() };
}
