import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../../main/demo/emulator/index.js';
import { graphCollectionSchema, graphErrorSchema } from '../../../main/demo/emulator/graph-types.js';
import { call } from './https-client.js';
import { fixtureTenant } from './fixture-tenant.js';

let emu: Emulator;
let token: string;
const get = (path: string, headers?: Record<string, string>) => call(emu.caCertPem, `${emu.url}${path}`, { token, headers });

beforeAll(async () => {
  emu = await startEmulator({ tenant: fixtureTenant(250), throttling: false });
  token = emu.issueToken();
});
afterAll(() => emu.close());

describe('TLS and identity', () => {
  it('serves https on 127.0.0.1 with a certificate for 127.0.0.1 and localhost, also written to a .pem file', () => {
    expect(emu.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(readFileSync(emu.caCertPath, 'utf8')).toBe(emu.caCertPem);
    expect(emu.caCertPath).toMatch(/^\S+\.pem$/);
    const cert = new X509Certificate(emu.caCertPem);
    expect(cert.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(cert.subjectAltName).toContain('DNS:localhost');
  });

  it('is refused by a client that does not trust its certificate', async () => {
    await expect(call(undefined as unknown as string, `${emu.url}/v1.0/users`, { token })).rejects.toThrow(/self[- ]signed/i);
  });

  it('issues JWT-shaped tokens with Graph audience, tenant and roles', () => {
    const [, payload] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    expect(claims.aud).toBe('https://graph.microsoft.com');
    expect(claims.tid).toBe(fixtureTenant(1).tenantId);
    expect(claims.roles).toContain('User.Read.All');
    expect(claims.exp).toBeGreaterThan(Date.now() / 1000);
    const delegated = JSON.parse(Buffer.from(emu.issueToken({ kind: 'delegated', scp: ['User.Read.All', 'Group.Read.All'] }).split('.')[1], 'base64url').toString());
    expect(delegated.scp).toBe('User.Read.All Group.Read.All');
    expect(delegated.upn).toBe('admin@contoso.example');
    expect(delegated.roles).toBeUndefined();
  });
});

describe('refusals', () => {
  it('answers 401 InvalidAuthenticationToken with WWW-Authenticate for a missing, expired or forged token', async () => {
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    for (const t of [undefined, emu.issueToken({ expiresInSec: -10 }), forged]) {
      const r = await call(emu.caCertPem, `${emu.url}/v1.0/users`, { token: t });
      expect(r.status).toBe(401);
      expect(r.json.error.code).toBe('InvalidAuthenticationToken');
      expect(r.headers['www-authenticate']).toMatch(/^Bearer /);
      expect(graphErrorSchema.parse(r.json).error.innerError?.['request-id']).toBe(r.headers['request-id']);
    }
  });

  it('answers 405 to every write, with a Graph error body', async () => {
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE']) {
      const r = await call(emu.caCertPem, `${emu.url}/v1.0/users`, { token, method, body: { displayName: 'x' } });
      expect(r.status).toBe(405);
      expect(graphErrorSchema.parse(r.json).error.message).toMatch(/not allowed/);
    }
  });

  it('answers 404 Request_ResourceNotFound naming the unknown segment', async () => {
    const r = await get('/v1.0/usersx');
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe('Request_ResourceNotFound');
    expect(r.json.error.message).toBe("Resource not found for the segment 'usersx'.");
    expect((await get('/v1.0/users/nobody@contoso.example')).status).toBe(404);
  });

  it('echoes client-request-id and sets request-id', async () => {
    const r = await get('/v1.0/organization', { 'client-request-id': 'abc-123' });
    expect(r.status).toBe(200);
    expect(r.headers['client-request-id']).toBe('abc-123');
    expect(r.headers['request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('paging and OData', () => {
  it('pages through every user exactly once with opaque nextLinks on its own origin', async () => {
    const seen: string[] = [];
    let next: string | undefined = `${emu.url}/v1.0/users?$select=id,displayName&$top=37`;
    let pages = 0;
    while (next) {
      expect(next.startsWith(`${emu.url}/v1.0/users?`)).toBe(true);
      const r = await call(emu.caCertPem, next, { token });
      expect(r.status).toBe(200);
      const page = graphCollectionSchema.parse(r.json);
      expect(page['@odata.context']).toBe('https://graph.microsoft.com/v1.0/$metadata#users(id,displayName)');
      expect(page.value.length).toBeLessThanOrEqual(37);
      seen.push(...page.value.map((u) => String(u.id)));
      next = page['@odata.nextLink'];
      pages++;
    }
    expect(pages).toBe(Math.ceil(250 / 37));
    expect(new Set(seen).size).toBe(250);
    expect(seen).toEqual(fixtureTenant(250).users.map((u) => u.id));
  });

  it('uses Graph default page size (100 for users) and its default property set', async () => {
    const r = await get('/v1.0/users');
    expect(r.json.value).toHaveLength(100);
    expect(Object.keys(r.json.value[0]).sort()).toEqual(
      ['businessPhones', 'displayName', 'givenName', 'id', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName'],
    );
    expect(r.json['@odata.nextLink']).toContain('$skiptoken=');
  });

  it('$select returns only the listed fields plus id', async () => {
    const r = await get('/v1.0/users?$select=accountEnabled,userType&$top=3');
    expect(r.json.value).toHaveLength(3);
    for (const u of r.json.value) expect(Object.keys(u).sort()).toEqual(['accountEnabled', 'id', 'userType']);
  });

  it('refuses $top above the endpoint maximum as Graph does', async () => {
    const r = await get('/v1.0/users?$top=1000');
    expect(r.status).toBe(400);
    expect(r.json.error.message).toBe("Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.");
    expect((await get('/v1.0/users?$top=999')).json.value).toHaveLength(250);
  });

  it('$count on directory objects needs ConsistencyLevel: eventual, as Graph documents', async () => {
    // ?$count=true without the header is silently ignored; the /$count segment is refused.
    const without = await get('/v1.0/users?$count=true&$top=1');
    expect(without.status).toBe(200);
    expect(without.json['@odata.count']).toBeUndefined();
    const withHeader = await get('/v1.0/users?$count=true&$top=1', { ConsistencyLevel: 'eventual' });
    expect(withHeader.json['@odata.count']).toBe(250);
    const segment = await get('/v1.0/users/$count');
    expect(segment.status).toBe(400);
    expect(segment.json.error).toMatchObject({ code: 'Request_BadRequest', message: '$count is not currently supported.' });
    const counted = await get('/v1.0/users/$count', { ConsistencyLevel: 'eventual' });
    expect(counted.headers['content-type']).toBe('text/plain');
    expect(counted.text).toBe('250');
  });

  it('filters with eq and refuses a tampered skip token', async () => {
    const guests = await get(`/v1.0/users?$filter=${encodeURIComponent("userType eq 'Guest'")}&$select=userType&$top=999`);
    expect(guests.json.value).toHaveLength(25);
    const page = await get('/v1.0/users?$top=5');
    const link = (page.json['@odata.nextLink'] as string).replace('$top=5', '$top=6');
    expect((await call(emu.caCertPem, link, { token })).status).toBe(400);
  });

  it('lists group members and transitive members with @odata.type', async () => {
    const g0 = fixtureTenant(1).groups[0].id;
    const direct = await get(`/v1.0/groups/${g0}/members?$select=id`);
    expect(direct.json.value).toHaveLength(4);
    expect(direct.json.value[0]['@odata.type']).toBe('#microsoft.graph.group');
    const all = await get(`/v1.0/groups/${g0}/transitiveMembers?$select=id`);
    // group 1, users 0-4 and the device: 7 distinct objects.
    expect(all.json.value).toHaveLength(7);
  });

  it('expands application owners', async () => {
    const r = await get('/v1.0/applications?$select=id,displayName&$expand=owners($select=id)');
    expect(r.json.value[0].owners).toEqual([{ '@odata.type': '#microsoft.graph.user', id: fixtureTenant(1).users[0].id }]);
  });

  it('serves managers ($expand and /manager) and device owners ($expand and /registeredOwners)', async () => {
    const t = fixtureTenant(3);
    const [boss, report] = t.users.map((u) => u.id);
    const expanded = await get(`/v1.0/users?$select=id&$top=2&$expand=${encodeURIComponent('manager($select=id,displayName)')}`);
    expect(expanded.json.value[0].manager).toBeUndefined();
    expect(expanded.json.value[1].manager).toEqual({ '@odata.type': '#microsoft.graph.user', id: boss, displayName: 'User 0' });
    expect((await get(`/v1.0/users/${report}/manager?$select=id`)).json).toMatchObject({ id: boss });
    // An expanded user never carries signInActivity unless it is selected at the top.
    const whole = await get(`/v1.0/users/${report}?$expand=manager`);
    expect(whole.json.manager.id).toBe(boss);
    expect(whole.json.manager.signInActivity).toBeUndefined();
    expect((await get(`/v1.0/users/${boss}/manager`)).status).toBe(404);
    const devices = await get('/v1.0/devices?$select=id&$expand=registeredOwners($select=id)');
    expect(devices.json.value.map((d: { registeredOwners: unknown[] }) => d.registeredOwners.length)).toEqual([1, 0]);
    const owners = await get(`/v1.0/devices/${t.devices[0].id}/registeredOwners?$select=id,userPrincipalName`);
    expect(owners.json.value).toEqual([{ '@odata.type': '#microsoft.graph.user', id: report, userPrincipalName: 'user1@contoso.example' }]);
  });

  it('logs every request with its bucket and resource-unit cost', async () => {
    const before = emu.accessLog.length;
    const r = await get('/v1.0/users?$select=id&$top=10');
    const entry = emu.accessLog[before];
    expect(entry).toMatchObject({ method: 'GET', path: '/v1.0/users?$select=id&$top=10', status: 200, bucket: 'identity', throttled: false });
    // users costs 2, $select -1, $top under 20 -1, never below 1.
    expect(entry.cost).toBe(1);
    expect(r.headers['x-ms-resource-unit']).toBe('1');
  });
});

describe('access log bound', () => {
  it('keeps the newest entries up to accessLogLimit', async () => {
    const small = await startEmulator({ tenant: fixtureTenant(10), throttling: false, accessLogLimit: 3 });
    try {
      const t = small.issueToken();
      for (const p of ['organization', 'domains', 'groups', 'devices', 'applications']) await call(small.caCertPem, `${small.url}/v1.0/${p}`, { token: t });
      expect(small.accessLog.map((e) => e.path)).toEqual(['/v1.0/groups', '/v1.0/devices', '/v1.0/applications']);
    } finally {
      await small.close();
    }
  });
});
