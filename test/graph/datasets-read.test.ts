/**
 * Every list endpoint of the dataset catalogue, read through the GraphReader from the emulator serving a
 * generated P2 tenant: the allowlist lets each through, each page size is one the service accepts, and
 * paging returns exactly the generator's rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../main/demo/emulator/index.js';
import { generateTenant } from '../../main/demo/generator/index.js';
import type { TenantData } from '../../main/demo/tenant.js';
import { createGraphReader, type ClosableGraphReader } from '../../main/graph/index.js';
import { DATASETS } from '../../shared/datasets.js';

const SCALE = 100;
let emu: Emulator;
let tenant: TenantData;
let reader: ClosableGraphReader;

beforeAll(async () => {
  tenant = generateTenant({ users: 1200, seed: 7, licence: 'p2' }).tenant;
  emu = await startEmulator({ tenant, timeScale: SCALE });
  const token = emu.issueToken();
  reader = createGraphReader({ baseUrl: emu.url, caCertPem: emu.caCertPem, tokenProvider: { getToken: async () => token }, timeScale: SCALE });
});
afterAll(async () => {
  reader.close();
  await emu.close();
});

const DAY = 86_400_000;

function expected(path: string): number {
  const t = tenant;
  const table: Record<string, number> = {
    '/organization': t.organization.length,
    '/subscribedSkus': t.subscribedSkus.length,
    '/domains': t.domains.length,
    '/users': t.users.length,
    '/directory/deletedItems/microsoft.graph.user': t.deletedUsers.length,
    '/reports/authenticationMethods/userRegistrationDetails': t.userRegistrationDetails.length,
    '/identity/conditionalAccess/policies': t.conditionalAccessPolicies.length,
    '/identity/conditionalAccess/namedLocations': t.namedLocations.length,
    '/policies/authenticationStrengthPolicies': t.authenticationStrengthPolicies.length,
    '/groups': t.groups.length,
    '/roleManagement/directory/roleDefinitions': t.roleDefinitions.length,
    '/roleManagement/directory/roleAssignments': t.roleAssignments.length,
    '/roleManagement/directory/roleAssignmentSchedules': t.roleAssignmentSchedules.length,
    '/roleManagement/directory/roleEligibilitySchedules': t.roleEligibilitySchedules.length,
    '/servicePrincipals': t.servicePrincipals.length,
    '/applications': t.applications.length,
    '/devices': t.devices.length,
    '/security/alerts_v2': t.alerts.length,
    '/identityProtection/riskDetections': t.riskDetections.length,
    '/identityProtection/riskyUsers': t.riskyUsers.length,
  };
  return table[path];
}

describe('every catalogue endpoint through the reader', () => {
  for (const d of DATASETS) {
    for (const endpoint of d.endpoints.filter((e) => !e.includes('{id}'))) {
      const [path, qs] = endpoint.split('?');
      if (path === '/policies/identitySecurityDefaultsEnforcementPolicy' || path === '/auditLogs/signIns') continue;
      it(`${d.id}: ${endpoint}`, async () => {
        const query = Object.fromEntries(new URLSearchParams(qs ?? ''));
        const ids = new Set<string>();
        for await (const page of reader.pages(path, { bucket: d.bucket, query })) for (const o of page.items) ids.add(o.id);
        expect(ids.size).toBe(expected(path));
      });
    }
  }

  it('signIns: one day of sign-ins, every page', async () => {
    const to = new Date(Date.parse(tenant.now)).toISOString();
    const from = new Date(Date.parse(tenant.now) - DAY).toISOString();
    const filter = `createdDateTime ge ${from} and createdDateTime lt ${to}`;
    let n = 0;
    for await (const page of reader.pages('/auditLogs/signIns', { bucket: 'reports', query: { $filter: filter } })) n += page.items.length;
    expect(n).toBe(tenant.signIns.count(from, to));
    expect(n).toBeGreaterThan(1000);
  });

  it('security defaults: a single entity', async () => {
    const body = await reader.get('/policies/identitySecurityDefaultsEnforcementPolicy', { bucket: 'policy' });
    expect(body.id).toBe(tenant.securityDefaults.id);
  });

  it('per-entity endpoints through $batch: transitive members and app assignments', async () => {
    const groups = tenant.groups.slice(0, 25);
    const results = await reader.batch(
      groups.map((g) => ({ id: g.id, url: `/groups/${g.id}/transitiveMembers?$select=id` })),
      { bucket: 'identity' },
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const sps = tenant.servicePrincipals.slice(0, 10);
    const assigned = await reader.batch(
      sps.map((s) => ({ id: s.id, url: `/servicePrincipals/${s.id}/appRoleAssignedTo` })),
      { bucket: 'identity' },
    );
    assigned.forEach((r, i) =>
      expect((r.body as { value: unknown[] }).value.length).toBe(tenant.appRoleAssignedTo.get(sps[i].id)?.length ?? 0),
    );
  });
});
