import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../../main/demo/emulator/index.js';
import { batchResponseSchema, graphCollectionSchema, graphErrorSchema } from '../../../main/demo/emulator/graph-types.js';
import { call } from './https-client.js';
import { fixtureTenant } from './fixture-tenant.js';

let emu: Emulator;
const tenant = fixtureTenant(30, 'p1');
beforeAll(async () => {
  emu = await startEmulator({ tenant, throttling: false });
});
afterAll(() => emu.close());

const post = (body: unknown, token = emu.issueToken()) => call(emu.caCertPem, `${emu.url}/v1.0/$batch`, { method: 'POST', token, body });

describe('JSON $batch', () => {
  it('answers each request with its own id, status, headers and body', async () => {
    const r = await post({
      requests: [
        { id: '1', method: 'GET', url: '/users?$select=id&$top=5' },
        { id: '2', method: 'GET', url: 'groups?$select=displayName' },
        { id: '3', method: 'GET', url: '/roleManagement/directory/roleEligibilitySchedules' },
        { id: '4', method: 'GET', url: '/nothing/here' },
        { id: '5', method: 'GET', url: '/users?$count=true&$top=1', headers: { ConsistencyLevel: 'eventual' } },
      ],
    });
    expect(r.status).toBe(200);
    const byId = new Map(batchResponseSchema.parse(r.json).responses.map((x) => [x.id, x]));
    expect(byId.get('1')?.status).toBe(200);
    expect(graphCollectionSchema.parse(byId.get('1')?.body).value).toHaveLength(5);
    expect(byId.get('1')?.headers?.['Content-Type']).toBe('application/json');
    expect(graphCollectionSchema.parse(byId.get('2')?.body).value).toHaveLength(3);
    expect(byId.get('3')?.status).toBe(403);
    expect(graphErrorSchema.parse(byId.get('3')?.body).error.code).toBe('AadPremiumLicenseRequired');
    expect(byId.get('4')?.status).toBe(404);
    expect(graphCollectionSchema.parse(byId.get('5')?.body)['@odata.count']).toBe(30);
  });

  it('checks permissions inside the batch with the caller token', async () => {
    const r = await post({ requests: [{ id: 'a', method: 'GET', url: '/users' }, { id: 'b', method: 'GET', url: '/groups' }] }, emu.issueToken({ roles: ['Group.Read.All'] }));
    const [a, b] = batchResponseSchema.parse(r.json).responses;
    expect([a.status, b.status]).toEqual([403, 200]);
  });

  it('takes 20 requests and refuses 21', async () => {
    const requests = (n: number) => Array.from({ length: n }, (_, k) => ({ id: String(k + 1), method: 'GET', url: '/organization' }));
    const ok = await post({ requests: requests(20) });
    expect(batchResponseSchema.parse(ok.json).responses).toHaveLength(20);
    const tooMany = await post({ requests: requests(21) });
    expect(tooMany.status).toBe(400);
    expect(graphErrorSchema.parse(tooMany.json).error.message).toMatch(/20/);
  });

  it('refuses a batch holding any write with 405', async () => {
    const r = await post({ requests: [{ id: '1', method: 'GET', url: '/users' }, { id: '2', method: 'PATCH', url: '/users/x', body: {} }] });
    expect(r.status).toBe(405);
    expect(graphErrorSchema.parse(r.json).error.code).toBeTruthy();
  });

  it('logs the batch and each inner request', async () => {
    const before = emu.accessLog.length;
    await post({ requests: [{ id: '1', method: 'GET', url: '/users?$top=1' }, { id: '2', method: 'GET', url: '/applications' }] });
    const entries = emu.accessLog.slice(before);
    expect(entries.map((e) => [e.path, e.inBatch ?? false, e.batchOf])).toEqual([
      ['/v1.0/users?$top=1', true, undefined],
      ['/v1.0/applications', true, undefined],
      ['/v1.0/$batch', false, 2],
    ]);
    expect(entries[1].cost).toBe(2);
  });
});
