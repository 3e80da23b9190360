/**
 * A small hand-built TenantData for the reader's tests: enough objects of each kind to page, batch and
 * be refused, without depending on the synthetic generator.
 */
import type { LicenceTier } from '../../shared/datasets.js';
import type { GraphObject, TenantData } from '../../main/demo/tenant.js';

const uuid = (n: number, prefix = 0): string => `${String(prefix).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function tinyTenant(opts: { users: number; licence: LicenceTier; federated?: boolean }): TenantData {
  const tenantId = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
  const users: GraphObject[] = Array.from({ length: opts.users }, (_, i) => ({
    id: uuid(i, 1),
    displayName: `User ${i}`,
    userPrincipalName: `user${i}@contoso.example`,
    accountEnabled: true,
    signInActivity: { lastSignInDateTime: '2026-11-01T10:00:00Z' },
  }));
  const methods = new Map<string, GraphObject[]>(
    users.map((u) => [u.id, [{ id: `pw-${u.id}`, '@odata.type': '#microsoft.graph.passwordAuthenticationMethod' }]]),
  );
  const plans: Record<LicenceTier, string[]> = { free: [], p1: ['AAD_PREMIUM'], p2: ['AAD_PREMIUM', 'AAD_PREMIUM_P2'] };
  return {
    tenantId,
    displayName: 'Contoso Test',
    primaryDomain: 'contoso.example',
    licence: opts.licence,
    now: '2026-11-27T00:00:00Z',
    seed: 1,
    organization: [{ id: tenantId, displayName: 'Contoso Test' }],
    subscribedSkus: [
      {
        id: `${tenantId}_sku`,
        skuPartNumber: opts.licence === 'free' ? 'O365_BUSINESS' : opts.licence === 'p1' ? 'AAD_PREMIUM' : 'AAD_PREMIUM_P2',
        capabilityStatus: 'Enabled',
        servicePlans: plans[opts.licence].map((n, i) => ({ servicePlanId: uuid(i, 9), servicePlanName: n, provisioningStatus: 'Success', appliesTo: 'User' })),
      },
    ],
    domains: [
      { id: 'contoso.example', authenticationType: 'Managed', isDefault: true, isVerified: true },
      ...(opts.federated ? [{ id: 'fed.contoso.example', authenticationType: 'Federated', isDefault: false, isVerified: true }] : []),
    ],
    users,
    userManagers: new Map(),
    deletedUsers: [],
    authenticationMethods: methods,
    userRegistrationDetails: [],
    groups: [],
    groupMembers: new Map(),
    roleDefinitions: [],
    roleAssignments: [],
    roleEligibilitySchedules: [],
    roleAssignmentSchedules: [],
    servicePrincipals: [],
    appRoleAssignedTo: new Map(),
    appRoleAssignments: new Map(),
    applications: [],
    applicationOwners: new Map(),
    devices: [],
    deviceOwners: new Map(),
    conditionalAccessPolicies: [{ id: uuid(1, 7), displayName: 'Require MFA', state: 'enabled' }],
    namedLocations: [],
    authenticationStrengthPolicies: [],
    securityDefaults: { id: '00000000-0000-0000-0000-000000000005', isEnabled: false },
    signIns: { count: () => 0, page: () => [] },
    alerts: [],
    riskDetections: [],
    riskyUsers: [],
  };
}
