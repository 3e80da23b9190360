/**
 * The GraphReader against the Graph emulator over real HTTPS: paging, $batch with inner throttling,
 * Retry-After, back-off without Retry-After, token renewal, network faults, typed refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../main/demo/emulator/index.js';
import { createGraphReader, explain, GraphError, ReadOnlyViolationError, type GraphReaderOptions } from '../../main/graph/index.js';
import type { TokenProvider } from '../../main/auth/token-provider.js';
import { tinyTenant } from './tiny-tenant.js';

const SCALE = 50; // emulator and reader both run Graph's clock 50x faster
const USERS = 2100;
let emu: Emulator;

beforeAll(async () => {
  emu = await startEmulator({ tenant: tinyTenant({ users: USERS, licence: 'free' }), timeScale: SCALE });
});
afterAll(async () => emu.close());

const fixedToken = (token: string): TokenProvider => ({ getToken: async () => token });

function reader(extra: Partial<GraphReaderOptions> = {}) {
  return createGraphReader({
    baseUrl: emu.url,
    caCertPem: emu.caCertPem,
    tokenProvider: fixedToken(emu.issueToken()),
    timeScale: SCALE,
    ...extra,
  });
}

async function allIds(r: ReturnType<typeof reader>, path: string, query?: Record<string, string>): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let pages = 0;
  for await (const page of r.pages(path, { bucket: 'identity', query })) {
    pages++;
    ids.push(...page.items.map((i) => i.id));
  }
  return { ids, pages };
}

describe('GraphReader against the emulator', () => {
  it('pages through every user at the largest page size, $select passed through', async () => {
    const r = reader();
    const start = emu.accessLog.length;
    const { ids, pages } = await allIds(r, '/users', { $select: 'id,displayName' });
    expect(new Set(ids).size).toBe(USERS);
    expect(pages).toBe(Math.ceil(USERS / 999));
    const first = emu.accessLog[start];
    expect(first.path).toContain('$top=999');
    expect(first.path).toContain('$select=id%2CdisplayName');
    expect(r.stats().identity.requests).toBe(pages);
    r.close();
  });

  it('uses pages of 120 when signInActivity is selected', async () => {
    const p1 = await startEmulator({ tenant: tinyTenant({ users: 300, licence: 'p1' }), timeScale: SCALE });
    const r = createGraphReader({ baseUrl: p1.url, caCertPem: p1.caCertPem, tokenProvider: fixedToken(p1.issueToken()), timeScale: SCALE });
    const start = p1.accessLog.length;
    const ids: string[] = [];
    for await (const p of r.pages('/users', { bucket: 'signInActivity', query: { $select: 'id,signInActivity' } })) {
      ids.push(...p.items.map((i) => i.id));
      if (ids.length >= 240) break;
    }
    expect(p1.accessLog[start].path).toContain('$top=120');
    expect(ids.length).toBe(240);
    r.close();
    await p1.close();
  });

  it('collects completely through the emulator’s own throttling, counting what Graph refused', async () => {
    const p1 = await startEmulator({ tenant: tinyTenant({ users: 2400, licence: 'p1' }), timeScale: SCALE });
    // Start faster than the emulator allows (5 requests / 10 s) so real 429s with Retry-After happen.
    const r = createGraphReader({
      baseUrl: p1.url,
      caCertPem: p1.caCertPem,
      tokenProvider: fixedToken(p1.issueToken()),
      timeScale: SCALE,
      limits: { signInActivity: { ratePerSec: 4, burst: 4, concurrency: 2 } },
    });
    const ids = new Set<string>();
    for await (const p of r.pages('/users', { bucket: 'signInActivity', query: { $select: 'id,signInActivity' } })) {
      for (const u of p.items) ids.add(u.id);
    }
    expect(ids.size).toBe(2400);
    const refusals = p1.accessLog.filter((e) => e.status === 429).length;
    expect(refusals).toBeGreaterThan(0);
    expect(r.stats().signInActivity).toMatchObject({ throttled: refusals, requests: 20 + refusals, retries: refusals });
    r.close();
    await p1.close();
  });

  it('retries $batch items that come back 429 inside the batch, honouring their Retry-After', async () => {
    const r = reader({ tokenProvider: fixedToken(emu.issueToken({ roles: ['UserAuthenticationMethod.Read.All'] })) });
    emu.injectFault({ kind: 'status', status: 429, retryAfterSec: 2, count: 5, pathPrefix: '/users/' });
    const items = Array.from({ length: 45 }, (_, i) => ({ id: `q${i}`, url: `/users/${String(1).padStart(8, '0')}-0000-4000-8000-${String(i).padStart(12, '0')}/authentication/methods` }));
    const start = emu.accessLog.length;
    const results = await r.batch(items, { bucket: 'identity' });
    expect(results.map((x) => x.id)).toEqual(items.map((i) => i.id));
    expect(results.filter((x) => x.status !== 200)).toEqual([]);
    expect((results[0].body as { value: unknown[] }).value).toHaveLength(1);
    const log = emu.accessLog.slice(start);
    expect(log.filter((e) => e.batchOf !== undefined).every((e) => e.batchOf! <= 20)).toBe(true);
    const refused = log.filter((e) => e.inBatch && e.status === 429);
    expect(refused).toHaveLength(5);
    // Each refused item was asked again, successfully, after at least Retry-After (2 Graph s = 40 ms here).
    for (const refusal of refused) {
      const again = log.find((e) => e.inBatch && e.path === refusal.path && e.time >= refusal.time && e.status === 200);
      expect(again, refusal.path).toBeDefined();
      expect(again!.time - refusal.time).toBeGreaterThanOrEqual((2 * 1000) / SCALE - 5);
    }
    const s = r.stats().identity;
    expect(s.throttled).toBe(5);
    expect(s.retries).toBeGreaterThanOrEqual(1);
    r.close();
  });

  it('batches a follow-up page given as its absolute nextLink; refuses a nextLink of another origin unsent', async () => {
    const r = reader();
    const [first] = await r.batch([{ id: 'p1', url: '/users?$select=id&$top=999' }], { bucket: 'identity' });
    const body1 = first.body as { value: { id: string }[]; '@odata.nextLink': string };
    expect(body1['@odata.nextLink'].startsWith(emu.url)).toBe(true);
    const start = emu.accessLog.length;
    const [second] = await r.batch([{ id: 'p2', url: body1['@odata.nextLink'] }], { bucket: 'identity' });
    const body2 = second.body as { value: { id: string }[] };
    expect(second.status).toBe(200);
    expect(body2.value).toHaveLength(999);
    expect(new Set([...body1.value, ...body2.value].map((u) => u.id)).size).toBe(1998);
    const inner = emu.accessLog.slice(start).filter((e) => e.inBatch);
    expect(inner).toHaveLength(1);
    expect(inner[0].path.startsWith('/v1.0/users?')).toBe(true);
    expect(inner[0].path).toContain('$skiptoken=');

    const foreign = body1['@odata.nextLink'].replace(emu.url, 'https://graph.example.net');
    const before = emu.accessLog.length;
    await expect(r.batch([{ id: 'x', url: foreign }], { bucket: 'identity' })).rejects.toMatchObject({ code: 'ForeignNextLink' });
    expect(emu.accessLog.length).toBe(before);
    r.close();
  });

  it('honours Retry-After on a throttled request', async () => {
    const r = reader();
    emu.injectFault({ kind: 'status', status: 429, retryAfterSec: 3, count: 1, pathPrefix: '/organization' });
    const start = emu.accessLog.length;
    const org = await r.get('/organization', { bucket: 'identity' });
    expect((org.value as unknown[]).length).toBe(1);
    const log = emu.accessLog.slice(start).filter((e) => e.path.startsWith('/v1.0/organization'));
    expect(log.map((e) => e.status)).toEqual([429, 200]);
    expect(log[1].time - log[0].time).toBeGreaterThanOrEqual((3 * 1000) / SCALE - 5);
    expect(r.stats().identity).toMatchObject({ throttled: 1, retries: 1 });
    expect(r.stats().identity.waitMs).toBeGreaterThan(0);
    r.close();
  });

  it('backs off exponentially on the conditional-access bucket, which sends no Retry-After', async () => {
    const r = reader();
    emu.injectFault({ kind: 'status', status: 429, count: 3, pathPrefix: '/identity/conditionalAccess/policies' });
    const start = emu.accessLog.length;
    const policies = await r.get('/identity/conditionalAccess/policies', { bucket: 'policy' });
    expect((policies.value as unknown[]).length).toBe(1);
    const log = emu.accessLog.slice(start).filter((e) => e.path.includes('conditionalAccess'));
    expect(log.map((e) => e.status)).toEqual([429, 429, 429, 200]);
    // Back-off base 2 s with jitter in [50%, 100%]: gaps of at least 1 s, 2 s, 4 s (Graph time).
    const gaps = log.slice(1).map((e, i) => e.time - log[i].time);
    gaps.forEach((g, i) => expect(g).toBeGreaterThanOrEqual((1000 * 2 ** i) / SCALE - 5));
    expect(r.stats().policy).toMatchObject({ throttled: 3, retries: 3 });
    expect(r.stats().identity.requests).toBe(0);
    r.close();
  });

  it('renews an expired token once on 401 and keeps its place in the paging', async () => {
    let current = emu.issueToken();
    let invalidations = 0;
    const provider: TokenProvider = {
      getToken: async () => current,
      invalidate: () => {
        invalidations++;
        current = emu.issueToken();
      },
    };
    const r = reader({ tokenProvider: provider });
    const ids: string[] = [];
    let page = 0;
    for await (const p of r.pages('/users', { bucket: 'identity', query: { $select: 'id' } })) {
      ids.push(...p.items.map((i) => i.id));
      if (++page === 1) current = emu.issueToken({ expiresInSec: -60 }); // expires mid-run
    }
    expect(new Set(ids).size).toBe(USERS);
    expect(invalidations).toBe(1);
    r.close();
  });

  it('retries a connection reset, a truncated body and a hung request, logging without the token', async () => {
    const lines: string[] = [];
    const token = emu.issueToken();
    const r = reader({ timeoutMs: 300, tokenProvider: fixedToken(token), logger: (l) => lines.push(l) });
    emu.injectFault({ kind: 'reset', count: 1, pathPrefix: '/domains' });
    emu.injectFault({ kind: 'truncate', count: 1, pathPrefix: '/domains' });
    emu.injectFault({ kind: 'slow', delayMs: 2_000, count: 1, pathPrefix: '/domains' });
    const domains = await r.get('/domains', { bucket: 'identity' });
    expect((domains.value as { id: string }[]).map((d) => d.id)).toEqual(['contoso.example']);
    expect(r.stats().identity.retries).toBe(3);
    expect(r.stats().identity.requests).toBe(4);
    expect(lines).toHaveLength(3);
    expect(lines.join('\n')).not.toContain(token);
    r.close();
  });

  it('cancels a request waiting out a long Retry-After', async () => {
    const r = reader();
    emu.injectFault({ kind: 'status', status: 429, retryAfterSec: 100_000, count: 1, pathPrefix: '/groups' });
    const ac = new AbortController();
    const pending = r.get('/groups', { bucket: 'identity', signal: ac.signal });
    setTimeout(() => ac.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    r.close();
  });

  it('gives up after maxRetries with a typed error', async () => {
    const r = reader({ maxRetries: 2 });
    emu.injectFault({ kind: 'status', status: 503, retryAfterSec: 1, count: 3, pathPrefix: '/devices' });
    const err = await r.get('/devices', { bucket: 'identity' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect(err).toMatchObject({ status: 503, path: '/devices' });
    expect((err as GraphError).requestId).toMatch(/.+/);
    expect(explain(err)).toMatch(/temporarily unavailable/);
    r.close();
  });

  it('turns a missing permission into Authorization_RequestDenied with an actionable explanation', async () => {
    const r = reader({ tokenProvider: fixedToken(emu.issueToken({ roles: ['Organization.Read.All'] })) });
    const err = await r.get('/users', { bucket: 'identity' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect(err).toMatchObject({ status: 403, code: 'Authorization_RequestDenied', path: '/users' });
    expect(explain(err, { tenant: 'contoso.example' })).toMatch(/Granted for contoso\.example/);
    r.close();
  });

  it('explains licence refusals: sign-in logs need P1, PIM needs P2', async () => {
    const r = reader();
    const signIns = await r.get('/auditLogs/signIns', { bucket: 'reports' }).catch((e: unknown) => e);
    expect(signIns).toMatchObject({ status: 403, code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant' });
    expect(explain(signIns)).toMatch(/P1 or P2.*7 days/);
    const pim = await r.get('/roleManagement/directory/roleEligibilitySchedules', { bucket: 'identity' }).catch((e: unknown) => e);
    expect(pim).toMatchObject({ status: 403, code: 'AadPremiumLicenseRequired' });
    expect(explain(pim)).toMatch(/P2/);
    r.close();
  });

  it('refuses a write or a non-dataset read before the emulator sees anything', async () => {
    const r = reader();
    const start = emu.accessLog.length;
    await expect(r.get('/users/x/messages', { bucket: 'identity' })).rejects.toBeInstanceOf(ReadOnlyViolationError);
    await expect(r.batch([{ id: '1', url: '/me/drive/root/children' }], { bucket: 'identity' })).rejects.toBeInstanceOf(
      ReadOnlyViolationError,
    );
    expect(emu.accessLog.length).toBe(start);
    r.close();
  });
});
