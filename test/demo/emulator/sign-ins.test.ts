import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../../main/demo/emulator/index.js';
import { graphCollectionSchema } from '../../../main/demo/emulator/graph-types.js';
import { call } from './https-client.js';
import { fixtureTenant } from './fixture-tenant.js';

// 2,500 hourly sign-ins ending at 2026-11-01T12:00:00Z, newest first.
let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ tenant: fixtureTenant(10, 'p1', 2500), throttling: false });
});
afterAll(() => emu.close());

async function all(path: string): Promise<{ ids: string[]; pages: number; times: string[] }> {
  const token = emu.issueToken();
  const ids: string[] = [];
  const times: string[] = [];
  let pages = 0;
  let next: string | undefined = `${emu.url}${path}`;
  while (next) {
    const r = await call(emu.caCertPem, next, { token });
    expect(r.status).toBe(200);
    const page = graphCollectionSchema.parse(r.json);
    ids.push(...page.value.map((s) => String(s.id)));
    times.push(...page.value.map((s) => String(s.createdDateTime)));
    next = page['@odata.nextLink'];
    pages++;
  }
  return { ids, pages, times };
}

describe('sign-ins', () => {
  it('pages 1,000 at a time by default, newest first, each sign-in once', async () => {
    const { ids, pages, times } = await all('/v1.0/auditLogs/signIns');
    expect(pages).toBe(3);
    expect(ids).toHaveLength(2500);
    expect(new Set(ids).size).toBe(2500);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('filters by createdDateTime range (ge/lt), and keeps the filter across pages', async () => {
    const filter = encodeURIComponent('createdDateTime ge 2026-10-31T00:00:00Z and createdDateTime lt 2026-11-01T00:00:00Z');
    const { ids, times, pages } = await all(`/v1.0/auditLogs/signIns?$filter=${filter}&$top=5`);
    expect(ids).toHaveLength(24);
    expect(pages).toBe(5);
    expect(times[0]).toBe('2026-10-31T23:00:00Z');
    expect(times.at(-1)).toBe('2026-10-31T00:00:00Z');
  });

  it('treats le and gt as inclusive and exclusive ends', async () => {
    const filter = encodeURIComponent('createdDateTime gt 2026-10-31T00:00:00Z and createdDateTime le 2026-10-31T03:00:00Z');
    const { times } = await all(`/v1.0/auditLogs/signIns?$filter=${filter}`);
    expect(times).toEqual(['2026-10-31T03:00:00Z', '2026-10-31T02:00:00Z', '2026-10-31T01:00:00Z']);
  });

  it('refuses $top above 1,000 and filters it cannot serve', async () => {
    const token = emu.issueToken();
    expect((await call(emu.caCertPem, `${emu.url}/v1.0/auditLogs/signIns?$top=1001`, { token })).status).toBe(400);
    const bad = encodeURIComponent("userId eq 'x'");
    expect((await call(emu.caCertPem, `${emu.url}/v1.0/auditLogs/signIns?$filter=${bad}`, { token })).status).toBe(400);
  });
});

describe('streaming', () => {
  it('asks the sign-in source for one page at a time and never counts unless $count asks', async () => {
    const tenant = fixtureTenant(10, 'p1', 50_000);
    const source = tenant.signIns;
    const calls = { count: 0, maxLimit: 0, pages: 0 };
    tenant.signIns = {
      count: (from, to) => (calls.count++, source.count(from, to)),
      page: (from, to, offset, limit) => {
        calls.pages++;
        calls.maxLimit = Math.max(calls.maxLimit, limit);
        return source.page(from, to, offset, limit);
      },
    };
    const e = await startEmulator({ tenant, throttling: false });
    try {
      const token = e.issueToken();
      let next: string | undefined = `${e.url}/v1.0/auditLogs/signIns?$top=1000&$select=id`;
      let rows = 0;
      while (next) {
        const r = await call(e.caCertPem, next, { token });
        rows += r.json.value.length;
        next = r.json['@odata.nextLink'];
      }
      expect(rows).toBe(50_000);
      expect(calls).toEqual({ count: 0, maxLimit: 1001, pages: 50 });
    } finally {
      await e.close();
    }
  });
});
