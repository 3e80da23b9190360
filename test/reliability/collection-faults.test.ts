/**
 * Faults during a real collection: a generated tenant served by the Graph emulator over HTTPS, the real
 * GraphReader and collectors writing a real SQLite snapshot. Each run meets one kind of fault (injected
 * by the emulator) and must end with exactly the content of an undisturbed run: same content hash,
 * nothing incomplete. Faults the reader does not retry (500, 502) leave the run incomplete, and
 * --resume semantics (resumeSnapshot) bring it to the same hash.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_PERMISSIONS } from '../../main/auth/permissions.js';
import { createAppTokenProvider } from '../../main/auth/app-registration.js';
import { decodeTokenClaims } from '../../main/auth/claims.js';
import type { TokenProvider } from '../../main/auth/token-provider.js';
import type { FaultSpec } from '../../main/demo/emulator/index.js';
import { createGraphReader, type ClosableGraphReader } from '../../main/graph/reader.js';
import { openSnapshot } from '../../main/store/snapshot-reader.js';
import { collectInto, serveTenant, TIME_SCALE, type Served } from '../collect/harness.js';
import { startLocalIdp, type LocalIdp } from '../auth/local-idp.js';
import { tempDir } from './harness.js';

let served: Served;
let dir: string;
let cleanup: () => void;
let reference: string;
let run = 0;

function reader(tokenProvider?: TokenProvider, extra: { timeoutMs?: number } = {}): ClosableGraphReader {
  const token = served.emulator.issueToken({ roles: [...SIGN_IN_PERMISSIONS] });
  return createGraphReader({
    baseUrl: served.emulator.url,
    caCertPem: served.emulator.caCertPem,
    tokenProvider: tokenProvider ?? { getToken: async () => token },
    timeScale: TIME_SCALE,
    timeoutMs: extra.timeoutMs ?? 60_000,
  });
}

/** Retries the reader made, over every bucket. */
function retries(graph: ClosableGraphReader): number {
  return Object.values(graph.stats()).reduce((n, s) => n + s.retries, 0);
}

/** The paths most collections touch, one per throttling bucket and the $batch endpoint. */
const PATHS = [
  '/users',
  '/groups',
  '/auditLogs/signIns',
  '/identity/conditionalAccess/policies',
  '/reports/authenticationMethods',
  '/$batch',
  '/devices',
  '/servicePrincipals',
];

async function collectWith(faults: FaultSpec[], opts: { timeoutMs?: number; tokenProvider?: TokenProvider } = {}) {
  for (const f of faults) served.emulator.injectFault(f);
  const graph = reader(opts.tokenProvider, opts);
  const path = join(dir, `run-${++run}.sqlite`);
  const result = await collectInto(served, graph, path, { days: 3 });
  return { ...result, graph, path };
}

beforeAll(async () => {
  served = await serveTenant({ users: 60, licence: 'p2', seed: 11 });
  ({ dir, cleanup } = tempDir());
  const graph = reader();
  const first = await collectInto(served, graph, join(dir, 'reference.sqlite'), { days: 3 });
  graph.close();
  expect(first.report.incomplete).toEqual([]);
  reference = first.hash;
}, 60_000);

afterAll(async () => {
  await served?.close();
  cleanup?.();
});

describe('a collection meeting faults ends with the content of an undisturbed run', () => {
  it('throttling storm: 429 with Retry-After on every bucket and inside $batch', async () => {
    const faults = PATHS.map((p, i): FaultSpec => ({
      kind: 'status',
      status: 429,
      retryAfterSec: 1 + (i % 3),
      count: 6,
      pathPrefix: p,
    }));
    const r = await collectWith(faults);
    expect(r.report.incomplete).toEqual([]);
    expect(r.hash).toBe(reference);
    const stats = Object.values(r.graph.stats());
    expect(stats.reduce((n, s) => n + s.throttled, 0)).toBeGreaterThanOrEqual(6 * 4);
    r.graph.close();
  }, 60_000);

  it('throttling storm without Retry-After (the reader backs off on its own)', async () => {
    const faults = PATHS.map((p): FaultSpec => ({ kind: 'status', status: 429, count: 5, pathPrefix: p }));
    const r = await collectWith(faults);
    expect(r.report.incomplete).toEqual([]);
    expect(r.hash).toBe(reference);
    expect(retries(r.graph)).toBeGreaterThanOrEqual(5 * 4);
    r.graph.close();
  }, 60_000);

  it('bursts of 503 and 504', async () => {
    const faults = PATHS.flatMap((p): FaultSpec[] => [
      { kind: 'status', status: 503, count: 3, pathPrefix: p },
      { kind: 'status', status: 504, retryAfterSec: 1, count: 3, pathPrefix: p },
    ]);
    const r = await collectWith(faults);
    expect(r.report.incomplete).toEqual([]);
    expect(r.hash).toBe(reference);
    expect(retries(r.graph)).toBeGreaterThanOrEqual(6 * 4);
    r.graph.close();
  }, 60_000);

  it('connection resets mid-page and truncated JSON bodies', async () => {
    const faults = PATHS.flatMap((p): FaultSpec[] => [
      { kind: 'reset', count: 2, pathPrefix: p },
      { kind: 'truncate', count: 2, pathPrefix: p },
    ]);
    const r = await collectWith(faults);
    expect(r.report.incomplete).toEqual([]);
    expect(r.hash).toBe(reference);
    expect(retries(r.graph)).toBeGreaterThanOrEqual(4 * 4);
    r.graph.close();
  }, 60_000);

  it('answers slower than the reader’s timeout are abandoned and asked again', async () => {
    const faults = ['/users', '/auditLogs/signIns', '/groups', '/$batch'].map((p): FaultSpec => ({
      kind: 'slow',
      delayMs: 4_000,
      count: 2,
      pathPrefix: p,
    }));
    const r = await collectWith(faults, { timeoutMs: 400 });
    expect(r.report.incomplete).toEqual([]);
    expect(r.hash).toBe(reference);
    expect(retries(r.graph)).toBeGreaterThanOrEqual(2 * 4);
    r.graph.close();
  }, 60_000);

  it('a token that expires mid-run is renewed by the sign-in (client secret through a token service), nothing lost', async () => {
    const tenant = served.generated.tenant.tenantId;
    const clientId = '11111111-2222-4333-8444-555555555555';
    const issued: string[] = [];
    // The token service says an hour (as Entra does) but Graph stops accepting each token after 2-3 s:
    // a token revoked or expired early, which only a 401 reveals.
    const idp: LocalIdp = await startLocalIdp({
      tenant,
      clientId,
      upn: 'auditor@example.test',
      clientSecret: 'reliability-secret',
      accessToken: () => {
        const t = served.emulator.issueToken({ roles: [...SIGN_IN_PERMISSIONS], appId: clientId, expiresInSec: 3 });
        issued.push(t);
        return t;
      },
    });
    try {
      const provider = createAppTokenProvider({
        tenant,
        clientId,
        clientSecret: 'reliability-secret',
        authority: `${idp.origin}/${tenant}`,
        knownAuthorities: [idp.host],
        caCertPem: idp.caCertPem,
      });
      // Slow the emulator down so the run outlives several token lifetimes.
      const faults = PATHS.map((p): FaultSpec => ({ kind: 'slow', delayMs: 1_500, count: 2, pathPrefix: p }));
      const r = await collectWith(faults, { tokenProvider: provider });
      expect(r.report.incomplete).toEqual([]);
      expect(r.hash).toBe(reference);
      expect(issued.length).toBeGreaterThan(1);
      expect(idp.tokenRequests.every((q) => q.grant === 'client_credentials')).toBe(true);
      const expired401 = served.emulator.accessLog.filter((e) => e.status === 401);
      expect(expired401.length).toBeGreaterThan(0);
      expect(decodeTokenClaims(issued[0]).appid).toBe(clientId);
      r.graph.close();
    } finally {
      await idp.close();
    }
  }, 60_000);

  it('a 500 or 502 (not retried) leaves the run incomplete with the reason; resuming completes it to the same content', async () => {
    const faults: FaultSpec[] = [
      { kind: 'status', status: 500, count: 9, pathPrefix: '/groups' },
      { kind: 'status', status: 502, count: 9, pathPrefix: '/devices' },
    ];
    const r = await collectWith(faults);
    const failed = r.report.incomplete.map((c) => c.dataset);
    expect(failed.length).toBeGreaterThan(0);
    for (const c of r.report.incomplete) expect(c.reason ?? '').not.toBe('');
    // Whatever faults are still queued are gone before the resume (a fault answers `count` requests).
    const drain = reader();
    for (let i = 0; i < 18; i++) await drain.get('/groups', { bucket: 'identity' }).catch(() => undefined);
    for (let i = 0; i < 18; i++) await drain.get('/devices', { bucket: 'identity' }).catch(() => undefined);
    drain.close();
    const resumed = await collectInto(served, r.graph, r.path, { days: 3, resume: true });
    expect(resumed.report.incomplete).toEqual([]);
    expect(resumed.hash).toBe(reference);
    const snap = openSnapshot(r.path);
    expect(snap.integrityCheck()).toBe('ok');
    snap.close();
    r.graph.close();
  }, 60_000);
});
