import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../../main/demo/emulator/index.js';
import type { LicenceTier } from '../../../shared/datasets.js';
import { call } from './https-client.js';
import { fixtureTenant } from './fixture-tenant.js';

const emus: Partial<Record<LicenceTier, Emulator>> = {};
beforeAll(async () => {
  for (const tier of ['free', 'p1', 'p2'] as const) emus[tier] = await startEmulator({ tenant: fixtureTenant(20, tier, 10), throttling: false });
});
afterAll(() => Promise.all(Object.values(emus).map((e) => e.close())));

async function get(tier: LicenceTier, path: string, token?: string) {
  const emu = emus[tier] as Emulator;
  return call(emu.caCertPem, `${emu.url}${path}`, { token: token ?? emu.issueToken() });
}

const NON_PREMIUM = { code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant', message: "Neither tenant is B2C or tenant doesn't have premium license" };

describe('licence refusals', () => {
  it('refuses sign-ins, signInActivity and registration details on a free tenant as Graph does', async () => {
    for (const path of ['/v1.0/auditLogs/signIns', '/v1.0/users?$select=id,signInActivity', '/v1.0/reports/authenticationMethods/userRegistrationDetails']) {
      const r = await get('free', path);
      expect(r.status, path).toBe(403);
      expect(r.json.error).toMatchObject(NON_PREMIUM);
    }
    for (const path of ['/v1.0/auditLogs/signIns', '/v1.0/users?$select=id,signInActivity']) expect((await get('p1', path)).status).toBe(200);
  });

  it('refuses PIM schedules below P2 with AadPremiumLicenseRequired', async () => {
    for (const kind of ['roleEligibilitySchedules', 'roleAssignmentSchedules']) {
      for (const tier of ['free', 'p1'] as const) {
        const r = await get(tier, `/v1.0/roleManagement/directory/${kind}`);
        expect(r.status).toBe(403);
        expect(r.json.error.code).toBe('AadPremiumLicenseRequired');
      }
      expect((await get('p2', `/v1.0/roleManagement/directory/${kind}`)).json.value).toHaveLength(1);
    }
  });

  it('gives risk detections from P1 with hidden risk detail, full detail on P2, risky users on P2 only', async () => {
    expect((await get('free', '/v1.0/identityProtection/riskDetections')).status).toBe(403);
    const p1 = await get('p1', '/v1.0/identityProtection/riskDetections');
    expect(p1.json.value[0]).toMatchObject({ riskLevel: 'hidden', riskDetail: 'hidden' });
    const p2 = await get('p2', '/v1.0/identityProtection/riskDetections');
    expect(p2.json.value[0].riskEventType).toBe('unfamiliarFeatures');
    expect(p2.json.value[0].riskLevel).toBeUndefined();
    expect((await get('p1', '/v1.0/identityProtection/riskyUsers')).json.error.code).toBe('AadPremiumLicenseRequired');
    expect((await get('p2', '/v1.0/identityProtection/riskyUsers')).json.value).toHaveLength(1);
  });

  it('returns signInActivity only when $select asks for it', async () => {
    const plain = await get('p2', '/v1.0/users?$select=id,displayName&$top=2');
    expect(plain.json.value[0].signInActivity).toBeUndefined();
    const asked = await get('p2', '/v1.0/users?$select=id,signInActivity&$top=2');
    expect(asked.json.value[0].signInActivity.lastSignInDateTime).toBe('2026-10-30T08:00:00Z');
  });
});

describe('permission refusals', () => {
  it('answers 403 Authorization_RequestDenied when the token lacks every permission the endpoint accepts', async () => {
    const emu = emus.p2 as Emulator;
    const groupsOnly = emu.issueToken({ roles: ['GroupMember.Read.All'] });
    const r = await get('p2', '/v1.0/users', groupsOnly);
    expect(r.status).toBe(403);
    expect(r.json.error).toMatchObject({ code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' });
    expect((await get('p2', '/v1.0/groups', groupsOnly)).status).toBe(200);
  });

  it('accepts Directory.Read.All where Graph does, but not for sign-in logs or policies', async () => {
    const dir = (emus.p2 as Emulator).issueToken({ roles: ['Directory.Read.All'] });
    for (const path of ['/v1.0/users', '/v1.0/groups', '/v1.0/devices', '/v1.0/applications', '/v1.0/roleManagement/directory/roleAssignments']) {
      expect((await get('p2', path, dir)).status, path).toBe(200);
    }
    for (const path of ['/v1.0/auditLogs/signIns', '/v1.0/identity/conditionalAccess/policies']) expect((await get('p2', path, dir)).status, path).toBe(403);
  });

  it('needs AuditLog.Read.All for signInActivity even with User.Read.All', async () => {
    const users = (emus.p2 as Emulator).issueToken({ roles: ['User.Read.All'] });
    expect((await get('p2', '/v1.0/users?$select=id', users)).status).toBe(200);
    expect((await get('p2', '/v1.0/users?$select=id,signInActivity', users)).json.error.code).toBe('Authorization_RequestDenied');
  });

  it('reads delegated scopes from scp', async () => {
    const emu = emus.p2 as Emulator;
    expect((await get('p2', '/v1.0/users', emu.issueToken({ kind: 'delegated', scp: ['User.Read.All'] }))).status).toBe(200);
    expect((await get('p2', '/v1.0/users', emu.issueToken({ kind: 'delegated', scp: ['Group.Read.All'] }))).status).toBe(403);
  });
});
