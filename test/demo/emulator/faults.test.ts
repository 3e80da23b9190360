import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../../main/demo/emulator/index.js';
import { graphErrorSchema } from '../../../main/demo/emulator/graph-types.js';
import { call } from './https-client.js';
import { fixtureTenant } from './fixture-tenant.js';

let emu: Emulator;
let token: string;
beforeAll(async () => {
  emu = await startEmulator({ tenant: fixtureTenant(40), throttling: false });
  token = emu.issueToken();
});
afterAll(() => emu.close());

const get = (path: string, timeoutMs?: number) => call(emu.caCertPem, `${emu.url}${path}`, { token, timeoutMs });

describe('fault injection', () => {
  it('resets the connection mid-body', async () => {
    emu.injectFault({ kind: 'reset', count: 1, pathPrefix: '/users' });
    await expect(get('/v1.0/users?$select=id,displayName')).rejects.toThrow();
    expect((await get('/v1.0/users?$select=id')).status).toBe(200);
  });

  it('truncates the JSON body after a valid status', async () => {
    emu.injectFault({ kind: 'truncate', count: 1 });
    const r = await get('/v1.0/groups');
    expect(r.status).toBe(200);
    expect(r.text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(r.text)).toThrow();
    expect(JSON.parse((await get('/v1.0/groups')).text).value).toHaveLength(3);
  });

  it('answers slower than the client timeout', async () => {
    emu.injectFault({ kind: 'slow', delayMs: 2_000, count: 1, pathPrefix: '/v1.0/devices' });
    await expect(get('/v1.0/devices', 200)).rejects.toThrow(/timeout/);
    expect((await get('/v1.0/devices')).status).toBe(200);
  });

  it('sends a burst of 429 with Retry-After, then 503 and 504, counting down only matching paths', async () => {
    emu.injectFault({ kind: 'status', status: 429, retryAfterSec: 3, count: 2, pathPrefix: '/applications' });
    emu.injectFault({ kind: 'status', status: 503, count: 1, pathPrefix: '/applications' });
    emu.injectFault({ kind: 'status', status: 504, count: 1, pathPrefix: '/applications' });
    expect((await get('/v1.0/users?$top=1')).status).toBe(200);
    const replies = [];
    for (let k = 0; k < 5; k++) replies.push(await get('/v1.0/applications'));
    expect(replies.map((r) => r.status)).toEqual([429, 429, 503, 504, 200]);
    expect(replies[0].headers['retry-after']).toBe('3');
    expect(graphErrorSchema.parse(replies[0].json).error.code).toBe('TooManyRequests');
    expect(graphErrorSchema.parse(replies[2].json).error.code).toBe('serviceNotAvailable');
    expect(emu.accessLog.filter((e) => e.bucket === 'fault').map((e) => e.status)).toEqual([429, 429, 503, 504]);
  });

  it('answers status faults inside a $batch per item', async () => {
    emu.injectFault({ kind: 'status', status: 429, retryAfterSec: 1, count: 1, pathPrefix: '/groups' });
    const r = await call(emu.caCertPem, `${emu.url}/v1.0/$batch`, {
      method: 'POST',
      token,
      body: { requests: [{ id: '1', method: 'GET', url: '/users?$top=1' }, { id: '2', method: 'GET', url: '/groups' }] },
    });
    expect(r.status).toBe(200);
    expect(r.json.responses.map((x: { status: number }) => x.status)).toEqual([200, 429]);
    expect(r.json.responses[1].headers['Retry-After']).toBe('1');
  });
});
