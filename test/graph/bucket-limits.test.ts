/**
 * The default pace of the tight buckets against the emulator, which enforces Graph's limits (5 requests
 * per 10 s for reports and signInActivity, 1 per second for conditional access): reading well past
 * each bucket's capacity, Graph never has to refuse a request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../main/demo/emulator/index.js';
import { generateTenant } from '../../main/demo/generator/index.js';
import { createGraphReader } from '../../main/graph/index.js';

const SCALE = 20;
let emu: Emulator;

beforeAll(async () => {
  const { tenant } = generateTenant({ users: 2400, licence: 'p2', seed: 4 });
  emu = await startEmulator({ tenant, timeScale: SCALE });
});
afterAll(async () => emu?.close());

describe('default bucket limits', () => {
  it('meet the signInActivity, reports and conditional-access limits without a 429', async () => {
    const token = emu.issueToken();
    const r = createGraphReader({
      baseUrl: emu.url,
      caCertPem: emu.caCertPem,
      tokenProvider: { getToken: async () => token },
      timeScale: SCALE,
    });
    const pagesOf = async (
      path: string,
      bucket: 'signInActivity' | 'reports',
      query: Record<string, string>,
      max: number,
    ) => {
      let n = 0;
      for await (const page of r.pages(path, { bucket, query })) {
        expect(page.items.length).toBeGreaterThan(0);
        if (++n === max) break;
      }
      return n;
    };
    const policies = async () => {
      for (let i = 0; i < 12; i++) await r.get('/identity/conditionalAccess/policies', { bucket: 'policy' });
    };
    const [activity, reports] = await Promise.all([
      pagesOf('/users', 'signInActivity', { $select: 'id,signInActivity' }, 16),
      pagesOf('/auditLogs/signIns', 'reports', { $top: '50' }, 16),
      policies(),
    ]);
    expect([activity, reports]).toEqual([16, 16]);
    const s = r.stats();
    expect(s.signInActivity).toMatchObject({ requests: 16, throttled: 0 });
    expect(s.reports).toMatchObject({ requests: 16, throttled: 0 });
    expect(s.policy).toMatchObject({ requests: 12, throttled: 0 });
    expect(emu.accessLog.filter((e) => e.status === 429)).toEqual([]);
    r.close();
  }, 30_000);
});
