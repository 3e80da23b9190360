import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../../main/demo/emulator/index.js';
import { call } from './https-client.js';
import { fixtureTenant } from './fixture-tenant.js';

let emu: Emulator | undefined;
afterEach(() => emu?.close());

async function burst(e: Emulator, path: string, n: number) {
  const token = e.issueToken();
  return Promise.all(Array.from({ length: n }, () => call(e.caCertPem, `${e.url}${path}`, { token })));
}

describe('throttling', () => {
  it('spends identity resource units and answers 429 with Retry-After once the budget is gone', async () => {
    // 20 users: a small tenant, 3,500 RU per 10 s. transitiveMembers costs 5 RU: 700 fit.
    // The window is stretched (scale 0.0001) so nothing refills during the test; 36 batches of 20 send 720 requests.
    emu = await startEmulator({ tenant: fixtureTenant(20), timeScale: 0.0001 });
    const token = emu.issueToken();
    const g0 = fixtureTenant(1).groups[0].id;
    const statuses: number[] = [];
    const headers: Record<string, string>[] = [];
    for (let b = 0; b < 36; b++) {
      const requests = Array.from({ length: 20 }, (_, k) => ({ id: String(k), method: 'GET', url: `/groups/${g0}/transitiveMembers` }));
      const r = await call(emu.caCertPem, `${emu.url}/v1.0/$batch`, { method: 'POST', token, body: { requests } });
      for (const item of r.json.responses) {
        statuses.push(item.status);
        headers.push(item.headers);
      }
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(700);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    expect(headers.some((h, k) => statuses[k] === 200 && h['x-ms-throttle-limit-percentage'] !== undefined)).toBe(true);
    expect(headers[0]['x-ms-resource-unit']).toBe('5');

    const direct = await call(emu.caCertPem, `${emu.url}/v1.0/users`, { token });
    expect(direct.status).toBe(429);
    expect(Number(direct.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(direct.headers['x-ms-throttle-information']).toBe('ResourceUnitLimitExceeded');
    expect(direct.json.error.code).toBe('TooManyRequests');
    expect(emu.accessLog.filter((e) => e.throttled)).toHaveLength(21);
  });

  it('refills the budget after the scaled window, and the scaled Retry-After is enough', async () => {
    // At scale 10 the reports window (5 requests per 10 s) is 1 s.
    emu = await startEmulator({ tenant: fixtureTenant(20), timeScale: 10 });
    const first = await burst(emu, '/v1.0/auditLogs/signIns?$top=1', 10);
    const refused = first.find((r) => r.status === 429);
    expect(refused).toBeDefined();
    // Retry-After is in Graph seconds; a client at scale 10 waits a tenth of it.
    const waitMs = (Number(refused?.headers['retry-after']) * 1000) / 10;
    await new Promise((r) => setTimeout(r, waitMs));
    const again = await burst(emu, '/v1.0/auditLogs/signIns?$top=1', 1);
    expect(again[0].status).toBe(200);
  });

  it('limits conditional access to about one request per second per tenant, with no Retry-After', async () => {
    emu = await startEmulator({ tenant: fixtureTenant(20), timeScale: 0.001 });
    const replies = await burst(emu, '/v1.0/identity/conditionalAccess/policies', 3);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 429, 429]);
    const refused = replies.find((r) => r.status === 429);
    expect(refused?.headers['retry-after']).toBeUndefined();
    // identity protection shares the same tenant-wide budget
    const risk = await burst(emu, '/v1.0/identityProtection/riskyUsers', 1);
    expect(risk[0].status).toBe(429);
    // and another app gets no separate budget: the limit is per tenant for all apps
    const other = emu.issueToken({ appId: '00000000-0000-0000-0000-0000000000aa' });
    expect((await call(emu.caCertPem, `${emu.url}/v1.0/identity/conditionalAccess/namedLocations`, { token: other })).status).toBe(429);
  });

  it('keeps a separate reports budget per app', async () => {
    emu = await startEmulator({ tenant: fixtureTenant(20), timeScale: 0.001 });
    await burst(emu, '/v1.0/auditLogs/signIns?$top=1', 5);
    expect((await burst(emu, '/v1.0/auditLogs/signIns?$top=1', 1))[0].status).toBe(429);
    const other = emu.issueToken({ appId: '00000000-0000-0000-0000-0000000000bb' });
    expect((await call(emu.caCertPem, `${emu.url}/v1.0/auditLogs/signIns?$top=1`, { token: other })).status).toBe(200);
  });

  it('can be switched off', async () => {
    emu = await startEmulator({ tenant: fixtureTenant(20), throttling: false });
    const replies = await burst(emu, '/v1.0/identity/conditionalAccess/policies', 10);
    expect(replies.every((r) => r.status === 200)).toBe(true);
  });
});
