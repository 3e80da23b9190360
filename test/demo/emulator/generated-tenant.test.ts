import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../../main/demo/emulator/index.js';
import { graphCollectionSchema, graphEntityResponseSchema } from '../../../main/demo/emulator/graph-types.js';
import { generateTenant } from '../../../main/demo/generator/index.js';
import type { TenantData } from '../../../main/demo/tenant.js';
import { call } from './https-client.js';

// The emulator serving what the generator makes: every route answers, and lists come back whole.
let emu: Emulator;
let tenant: TenantData;
let token: string;
beforeAll(async () => {
  tenant = generateTenant({ users: 300, seed: 11, licence: 'p2' }).tenant;
  emu = await startEmulator({ tenant, throttling: false });
  token = emu.issueToken({ roles: ['Directory.Read.All', 'AuditLog.Read.All', 'Policy.Read.All', 'RoleEligibilitySchedule.Read.Directory', 'RoleAssignmentSchedule.Read.Directory', 'SecurityAlert.Read.All', 'IdentityRiskEvent.Read.All', 'IdentityRiskyUser.Read.All', 'UserAuthenticationMethod.Read.All', 'Organization.Read.All'] });
});
afterAll(() => emu?.close());

async function all(path: string, headers?: Record<string, string>): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  let next: string | undefined = `${emu.url}${path}`;
  while (next) {
    const r = await call(emu.caCertPem, next, { token, headers });
    expect(r.status, `${next}: ${r.text.slice(0, 200)}`).toBe(200);
    const page = graphCollectionSchema.parse(r.json);
    rows.push(...page.value);
    next = page['@odata.nextLink'];
  }
  return rows;
}

describe('emulator over a generated tenant', () => {
  it('pages every collection to the generator counts', async () => {
    expect((await all('/v1.0/users?$select=id,userPrincipalName,accountEnabled&$top=999')).length).toBe(tenant.users.length);
    expect((await all('/v1.0/users?$select=id,signInActivity')).length).toBe(tenant.users.length);
    expect((await all('/v1.0/groups?$select=id')).length).toBe(tenant.groups.length);
    expect((await all('/v1.0/servicePrincipals?$top=50')).length).toBe(tenant.servicePrincipals.length);
    expect((await all('/v1.0/applications?$expand=owners($select=id)')).length).toBe(tenant.applications.length);
    expect((await all('/v1.0/devices?$expand=registeredOwners($select=id)')).length).toBe(tenant.devices.length);
    expect((await all('/v1.0/directory/deletedItems/microsoft.graph.user')).length).toBe(tenant.deletedUsers.length);
    expect((await all('/v1.0/reports/authenticationMethods/userRegistrationDetails')).length).toBe(tenant.userRegistrationDetails.length);
    expect((await all('/v1.0/security/alerts_v2')).length).toBe(tenant.alerts.length);
    expect((await all('/v1.0/identityProtection/riskDetections?$top=500')).length).toBe(tenant.riskDetections.length);
    expect((await all('/v1.0/identityProtection/riskyUsers?$top=500')).length).toBe(tenant.riskyUsers.length);
  });

  it('serves the sign-in window by createdDateTime, matching the source count', async () => {
    const to = tenant.now;
    const from = new Date(Date.parse(to) - 3 * 24 * 3600_000).toISOString();
    const filter = encodeURIComponent(`createdDateTime ge ${from} and createdDateTime lt ${to}`);
    const rows = await all(`/v1.0/auditLogs/signIns?$filter=${filter}`);
    expect(rows.length).toBe(tenant.signIns.count(from, to));
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it('answers every other route', async () => {
    const user = tenant.users[0].id;
    const group = tenant.groups[0].id;
    const sp = tenant.servicePrincipals[0].id;
    for (const path of [
      '/v1.0/organization',
      '/v1.0/subscribedSkus',
      '/v1.0/domains',
      `/v1.0/users/${user}/authentication/methods`,
      `/v1.0/groups/${group}/members`,
      `/v1.0/groups/${group}/transitiveMembers`,
      '/v1.0/roleManagement/directory/roleDefinitions',
      '/v1.0/roleManagement/directory/roleAssignments',
      '/v1.0/roleManagement/directory/roleAssignmentSchedules',
      '/v1.0/roleManagement/directory/roleEligibilitySchedules',
      `/v1.0/servicePrincipals/${sp}/appRoleAssignedTo`,
      `/v1.0/servicePrincipals/${sp}/appRoleAssignments`,
      '/v1.0/identity/conditionalAccess/policies',
      '/v1.0/identity/conditionalAccess/namedLocations',
      '/v1.0/policies/authenticationStrengthPolicies',
    ]) {
      await all(path);
    }
    const r = await call(emu.caCertPem, `${emu.url}/v1.0/policies/identitySecurityDefaultsEnforcementPolicy`, { token });
    expect(graphEntityResponseSchema.parse(r.json).id).toBe(tenant.securityDefaults.id);
  });
});
