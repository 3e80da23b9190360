/**
 * The GraphReader: paging by @odata.nextLink at each endpoint's largest page, JSON $batch in chunks of
 * 20 with inner 429/503/504 retried (an item may be a nextLink, so follow-up pages batch too), one scheduler per throttling bucket, retries with a cap, token
 * renewal on 401, and typed errors. Every byte goes through transport.ts and its read-only guard.
 */
import type { ThrottleBucket } from '../../shared/datasets.js';
import type { TokenProvider } from '../auth/token-provider.js';
import { DEFAULT_BUCKET_LIMITS, type BucketLimit } from './bucket-limits.js';
import { GraphError, graphErrorFromResponse, parseRetryAfter } from './errors.js';
import { pageSizeFor } from './page-sizes.js';
import { BucketScheduler } from './scheduler.js';
import { abortError, sleep } from './sleep.js';
import { createTransport, TransportError, type TransportResponse } from './transport.js';
import type { BatchItem, BatchResult, BucketStats, GraphObject, GraphPage, GraphReader, ListOptions } from './types.js';

export interface GraphReaderOptions {
  /** Graph root without version, e.g. https://graph.microsoft.com or the emulator's https://127.0.0.1:port. */
  baseUrl: string;
  tokenProvider: TokenProvider;
  /** PEM of an extra CA to trust (the emulator's); added to the system roots. */
  caCertPem?: string;
  userAgent?: string;
  /** A request silent for this long is abandoned and retried. Default 60 s. */
  timeoutMs?: number;
  /** Retries per request (throttling, 5xx, network). Default 8. */
  maxRetries?: number;
  /**
   * Speed-up of Graph's clock, as the emulator's timeScale: every wait (Retry-After, back-off, pacing) is
   * divided by it. 1 (default) for Graph; the emulator's value when talking to a fast emulator.
   */
  timeScale?: number;
  /** Per-bucket overrides of the published limits. */
  limits?: Partial<Record<ThrottleBucket, Partial<BucketLimit>>>;
  /** One line per retry or renewal; never receives tokens. */
  logger?: (line: string) => void;
}

/** A GraphReader plus close() for its keep-alive sockets. */
export interface ClosableGraphReader extends GraphReader {
  close(): void;
}

const RETRY_STATUS = new Set([429, 503, 504]);
const BUCKETS: ThrottleBucket[] = ['identity', 'reports', 'signInActivity', 'policy', 'security'];
const BATCH_SIZE = 20;

/** Creates the one way to Graph. */
export function createGraphReader(opts: GraphReaderOptions): ClosableGraphReader {
  const base = new URL(opts.baseUrl.replace(/\/+$/, '') + '/v1.0');
  const root = base.href;
  const timeScale = opts.timeScale ?? 1;
  if (!(timeScale > 0)) throw new Error('timeScale must be greater than 0');
  const maxRetries = opts.maxRetries ?? 8;
  const log = opts.logger ?? (() => {});
  const transport = createTransport({ origin: base.origin, caCertPem: opts.caCertPem, timeoutMs: opts.timeoutMs ?? 60_000 });
  const schedulers = {} as Record<ThrottleBucket, BucketScheduler>;
  const counters = {} as Record<ThrottleBucket, BucketStats>;
  for (const b of BUCKETS) {
    schedulers[b] = new BucketScheduler({ ...DEFAULT_BUCKET_LIMITS[b], ...opts.limits?.[b] }, 1 / timeScale);
    counters[b] = { requests: 0, throttled: 0, retries: 0, waitMs: 0 };
  }

  /** Sends one request with pacing, retries and token renewal; returns the parsed 2xx JSON body. */
  async function execute(
    bucket: ThrottleBucket,
    method: 'GET' | 'POST',
    url: string,
    extra: { headers?: Record<string, string>; body?: string; signal?: AbortSignal },
  ): Promise<Record<string, unknown>> {
    const sched = schedulers[bucket];
    const stats = counters[bucket];
    const path = new URL(url).pathname.replace(/^\/v1\.0/, '');
    let renewed = false;
    for (let attempt = 0; ; attempt++) {
      const token = await opts.tokenProvider.getToken();
      await sched.acquire(extra.signal);
      let res: TransportResponse | undefined;
      let failure: TransportError | undefined;
      try {
        stats.requests++;
        res = await transport.send({
          method,
          url,
          body: extra.body,
          signal: extra.signal,
          headers: {
            accept: 'application/json',
            authorization: `Bearer ${token}`,
            'user-agent': opts.userAgent ?? 'EntraAuditDesktop',
            ...(extra.body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...extra.headers,
          },
        });
      } catch (e) {
        if (!(e instanceof TransportError)) throw e; // the guard: never retried
        failure = e;
      } finally {
        sched.release();
      }
      if (failure) {
        if (failure.reason === 'aborted' && extra.signal) throw abortError(extra.signal);
        if (attempt >= maxRetries) throw networkGraphError(failure, path);
        await retryWait(bucket, sched.waitFor(undefined, attempt), `${failure.reason} on ${path}`, extra.signal);
        continue;
      }
      const r = res!;
      if (r.status === 429) stats.throttled++;
      if (r.status >= 200 && r.status < 300) {
        const pct = Number(header(r, 'x-ms-throttle-limit-percentage'));
        sched.succeeded(Number.isFinite(pct) && pct > 0 ? pct : undefined);
        try {
          return r.body === '' ? {} : (JSON.parse(r.body) as Record<string, unknown>);
        } catch {
          if (attempt >= maxRetries) throw networkGraphError(new TransportError('incomplete JSON', 'truncated'), path);
          await retryWait(bucket, sched.waitFor(undefined, attempt), `truncated JSON on ${path}`, extra.signal);
          continue;
        }
      }
      if (r.status === 401 && !renewed) {
        renewed = true;
        log(`401 on ${path}: renewing the access token`);
        opts.tokenProvider.invalidate?.();
        attempt--; // a renewal is not a retry of the same failure
        stats.retries++;
        continue;
      }
      if (RETRY_STATUS.has(r.status) && attempt < maxRetries) {
        const retryAfter = parseRetryAfter(header(r, 'retry-after'));
        let wait: number;
        if (r.status === 429) {
          wait = sched.throttled(retryAfter, attempt);
        } else {
          wait = sched.waitFor(retryAfter, attempt);
        }
        await retryWait(bucket, wait, `${r.status} on ${path}${retryAfter !== undefined ? ` (Retry-After ${retryAfter}s)` : ''}`, extra.signal);
        continue;
      }
      throw graphErrorFromResponse(r.status, r.body, r.headers, path);
    }
  }

  async function retryWait(bucket: ThrottleBucket, ms: number, why: string, signal?: AbortSignal): Promise<void> {
    counters[bucket].retries++;
    log(`[${bucket}] ${why}: retrying in ${Math.round(ms)} ms`);
    const t0 = Date.now();
    await sleep(ms, signal);
    counters[bucket].waitMs += Date.now() - t0;
  }

  function buildUrl(path: string, query: Record<string, string> | undefined): string {
    if (!path.startsWith('/')) throw new Error(`Graph path must start with /: ${path}`);
    const url = new URL(root + path);
    const q: Record<string, string> = Object.fromEntries(url.searchParams);
    Object.assign(q, query);
    const rel = url.pathname.replace(/^\/v1\.0/, '');
    const top = pageSizeFor(rel, q.$select);
    if (top !== null && q.$top === undefined) q.$top = String(top);
    // Keys stay literal ($select), values percent-encoded (a space as %20, never +).
    const search = Object.entries(q)
      .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
      .join('&');
    return `${url.origin}${url.pathname}${search ? `?${search}` : ''}`;
  }

  function checkNextLink(link: string): string {
    const u = new URL(link);
    if (u.origin !== base.origin) throw new GraphError({ kind: 'http', status: 0, code: 'ForeignNextLink', message: `nextLink leaves ${base.origin}: ${u.origin}`, path: u.pathname });
    return u.href;
  }

  /** A $batch item's URL as Graph takes it (relative to /v1.0); an absolute nextLink of this Graph is made so. */
  function batchUrl(url: string): string {
    if (url.startsWith('/')) return url;
    const u = new URL(checkNextLink(url));
    const prefix = base.pathname + '/';
    if (!u.pathname.startsWith(prefix)) throw new GraphError({ kind: 'http', status: 0, code: 'ForeignNextLink', message: `nextLink is not under ${base.pathname}`, path: u.pathname });
    return u.pathname.slice(base.pathname.length) + u.search;
  }

  async function* pages(path: string, options: ListOptions): AsyncIterable<GraphPage> {
    let url: string | null = options.resumeFrom ? checkNextLink(options.resumeFrom) : buildUrl(path, options.query);
    while (url) {
      const body = await execute(options.bucket, 'GET', url, { headers: options.headers, signal: options.signal });
      const items = Array.isArray(body.value) ? (body.value as GraphObject[]) : [];
      const next = typeof body['@odata.nextLink'] === 'string' ? checkNextLink(body['@odata.nextLink']) : null;
      const count = typeof body['@odata.count'] === 'number' ? body['@odata.count'] : undefined;
      yield count === undefined ? { items, nextLink: next } : { items, nextLink: next, count };
      url = next;
    }
  }

  async function get(path: string, options: ListOptions): Promise<Record<string, unknown>> {
    const url = options.resumeFrom ? checkNextLink(options.resumeFrom) : buildUrl(path, options.query);
    return execute(options.bucket, 'GET', url, { headers: options.headers, signal: options.signal });
  }

  async function batchChunk(chunk: BatchItem[], bucket: ThrottleBucket, signal?: AbortSignal): Promise<BatchResult[]> {
    const final = new Map<string, BatchResult>();
    let pending = chunk;
    for (let attempt = 0; pending.length > 0; attempt++) {
      const body = JSON.stringify({ requests: pending.map((i) => ({ id: i.id, method: 'GET', url: i.url })) });
      const res = await execute(bucket, 'POST', root + '/$batch', { body, signal });
      const responses = Array.isArray(res.responses) ? (res.responses as { id: string; status: number; headers?: Record<string, string>; body?: unknown }[]) : [];
      const byId = new Map(responses.map((r) => [String(r.id), r]));
      const retry: BatchItem[] = [];
      let waitSec: number | undefined;
      let throttled = false;
      for (const item of pending) {
        const r = byId.get(item.id);
        const status = r?.status ?? 500;
        if ((r === undefined || RETRY_STATUS.has(status)) && attempt < maxRetries) {
          retry.push(item);
          if (status === 429) throttled = true;
          const ra = parseRetryAfter(innerHeader(r?.headers, 'retry-after'));
          if (ra !== undefined) waitSec = Math.max(waitSec ?? 0, ra);
          continue;
        }
        final.set(item.id, { id: item.id, status, body: r?.body ?? null });
      }
      if (retry.length > 0) {
        const sched = schedulers[bucket];
        if (throttled) counters[bucket].throttled += retry.filter((i) => byId.get(i.id)?.status === 429).length;
        const wait = throttled ? sched.throttled(waitSec, attempt) : sched.waitFor(waitSec, attempt);
        await retryWait(bucket, wait, `${retry.length} of ${pending.length} $batch items refused`, signal);
      }
      pending = retry;
    }
    return chunk.map((i) => final.get(i.id)!);
  }

  async function batch(items: BatchItem[], options: { bucket: ThrottleBucket; signal?: AbortSignal }): Promise<BatchResult[]> {
    const ids = new Set(items.map((i) => i.id));
    if (ids.size !== items.length) throw new Error('$batch item ids must be unique');
    const relative = items.map((i) => ({ id: i.id, url: batchUrl(i.url) }));
    const chunks: BatchItem[][] = [];
    for (let i = 0; i < relative.length; i += BATCH_SIZE) chunks.push(relative.slice(i, i + BATCH_SIZE));
    const results = await Promise.all(chunks.map((c) => batchChunk(c, options.bucket, options.signal)));
    return results.flat();
  }

  function stats(): Record<ThrottleBucket, BucketStats> {
    const out = {} as Record<ThrottleBucket, BucketStats>;
    for (const b of BUCKETS) out[b] = { ...counters[b] };
    return out;
  }

  return { pages, get, batch, stats, close: () => transport.close() };
}

function header(r: TransportResponse, name: string): string | undefined {
  const v = r.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function innerHeader(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key ? String(headers[key]) : undefined;
}

function networkGraphError(e: TransportError, path: string): GraphError {
  const code = e.reason === 'timeout' ? 'Timeout' : e.reason === 'truncated' ? 'TruncatedResponse' : 'NetworkError';
  return new GraphError({ kind: e.reason === 'aborted' ? 'network' : e.reason, status: 0, code, message: e.message, path });
}
