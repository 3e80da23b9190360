/**
 * A small hand-built tenant for the emulator's own tests: enough of every collection to exercise
 * routes, paging, filters and refusals, without depending on the generator.
 */
import type { LicenceTier } from '../../../shared/datasets.js';
import type { GraphObject, SignInSource, TenantData } from '../../../main/demo/tenant.js';

const NOW = Date.parse('2026-11-01T12:00:00Z');
const id = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Sign-ins: one per hour going back from NOW, newest first, computed on demand. */
function hourlySignIns(total: number, userIds: string[]): SignInSource {
  const at = (k: number) => NOW - k * 3600_000; // k = 0 is newest
  // Graph times carry 100-ns ticks (7 fractional digits): keep the digits past the millisecond.
  // (Subtract them after the big difference: added to an epoch value they would round away.)
  const before = (iso: string) => NOW - Date.parse(iso) - Number(((/\.\d{3}(\d+)/.exec(iso)?.[1] ?? '') + '0000').slice(0, 4)) / 10_000;
  const range = (from?: string, to?: string) => {
    // indices k with from <= at(k) < to
    const lo = to === undefined ? 0 : Math.max(0, Math.floor(before(to) / 3600_000) + 1);
    const hi = from === undefined ? total - 1 : Math.min(total - 1, Math.floor(before(from) / 3600_000));
    return { lo, hi };
  };
  return {
    count(from, to) {
      const { lo, hi } = range(from, to);
      return Math.max(0, hi - lo + 1);
    },
    page(from, to, offset, limit) {
      const { lo, hi } = range(from, to);
      const out: GraphObject[] = [];
      for (let k = lo + offset; k <= hi && out.length < limit; k++) {
        out.push({
          id: id('51590000', k),
          createdDateTime: new Date(at(k)).toISOString().replace('.000Z', 'Z'),
          userId: userIds[k % userIds.length],
          appDisplayName: 'Graph Explorer',
          status: { errorCode: k % 5 === 0 ? 50126 : 0, failureReason: null, additionalDetails: null },
        });
      }
      return out;
    },
  };
}

/** A tenant with `users` users (some guests), a few groups (one nested), apps, devices and policies. */
export function fixtureTenant(users = 25, licence: LicenceTier = 'p2', signIns = 100): TenantData {
  const userRows: GraphObject[] = Array.from({ length: users }, (_, n) => ({
    id: id('aaaaaaaa', n),
    displayName: `User ${n}`,
    givenName: 'User',
    surname: String(n),
    userPrincipalName: n % 10 === 9 ? `guest${n}_example.com#EXT#@contoso.example` : `user${n}@contoso.example`,
    mail: `user${n}@contoso.example`,
    jobTitle: null,
    businessPhones: [],
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: 'en-US',
    accountEnabled: n % 7 !== 3,
    userType: n % 10 === 9 ? 'Guest' : 'Member',
    department: n % 2 ? 'Sales' : 'Engineering',
    createdDateTime: '2025-01-01T00:00:00Z',
    signInActivity: { lastSignInDateTime: '2026-10-30T08:00:00Z', lastSignInRequestId: id('5a5a5a5a', n) },
  }));
  const userIds = userRows.map((u) => u.id);
  const groups: GraphObject[] = [0, 1, 2].map((n) => ({ id: id('bbbbbbbb', n), displayName: `Group ${n}`, securityEnabled: true, mailEnabled: false, groupTypes: [] }));
  const devices: GraphObject[] = [0, 1].map((n) => ({ id: id('dddddddd', n), deviceId: id('dddd0000', n), displayName: `Laptop ${n}`, isCompliant: n === 0, isManaged: true, operatingSystem: 'Windows' }));
  const sp: GraphObject = { id: id('cccccccc', 0), appId: id('cccc0000', 0), displayName: 'Salesforce', servicePrincipalType: 'Application', preferredSingleSignOnMode: 'saml' };
  const app: GraphObject = { id: id('eeeeeeee', 0), appId: id('cccc0000', 0), displayName: 'Salesforce', passwordCredentials: [], keyCredentials: [] };
  return {
    tenantId: '11111111-2222-4333-8444-555555555555',
    displayName: 'Contoso (fixture)',
    primaryDomain: 'contoso.example',
    licence,
    now: new Date(NOW).toISOString(),
    seed: 1,
    organization: [{ id: '11111111-2222-4333-8444-555555555555', displayName: 'Contoso (fixture)', verifiedDomains: [] }],
    subscribedSkus: [{ id: 'sku-1', skuPartNumber: licence === 'p2' ? 'AAD_PREMIUM_P2' : 'AAD_PREMIUM', capabilityStatus: 'Enabled' }],
    domains: [{ id: 'contoso.example', authenticationType: 'Managed', isVerified: true, isDefault: true }],
    users: userRows,
    // Everyone but user 0 reports to user 0.
    userManagers: new Map(userIds.slice(1).map((u) => [u, userIds[0]])),
    deletedUsers: [{ id: id('aaaadead', 0), displayName: 'Leaver', deletedDateTime: '2026-10-15T00:00:00Z' }],
    authenticationMethods: new Map(userIds.map((u) => [u, [{ '@odata.type': '#microsoft.graph.passwordAuthenticationMethod', id: '28c10230-6103-485e-b985-444c60001490' }]])),
    userRegistrationDetails: userRows.map((u, n) => ({ id: u.id, userPrincipalName: u.userPrincipalName, isMfaRegistered: n % 3 !== 0, methodsRegistered: n % 3 ? ['microsoftAuthenticatorPush'] : [] })),
    groups,
    // Group 0 holds group 1 (nested) and users 0-2; group 1 holds users 2-4 and a device; group 2 is empty.
    groupMembers: new Map([
      [groups[0].id, [groups[1].id, userIds[0], userIds[1], userIds[2]]],
      [groups[1].id, [userIds[2], userIds[3], userIds[4], devices[0].id]],
    ]),
    roleDefinitions: [{ id: '62e90394-69f5-4237-9190-012177145e10', displayName: 'Global Administrator', isBuiltIn: true }],
    roleAssignments: [{ id: 'ra-1', principalId: userIds[0], roleDefinitionId: '62e90394-69f5-4237-9190-012177145e10', directoryScopeId: '/' }],
    roleAssignmentSchedules: licence === 'p2' ? [{ id: 'as-1', principalId: userIds[0], roleDefinitionId: '62e90394-69f5-4237-9190-012177145e10', scheduleInfo: { expiration: { type: 'noExpiration' } } }] : [],
    roleEligibilitySchedules: [{ id: 'es-1', principalId: userIds[1], roleDefinitionId: '62e90394-69f5-4237-9190-012177145e10', directoryScopeId: '/' }],
    servicePrincipals: [sp],
    appRoleAssignedTo: new Map([[sp.id, [{ id: 'ara-1', principalId: groups[0].id, principalType: 'Group', resourceId: sp.id, appRoleId: '00000000-0000-0000-0000-000000000000' }]]]),
    appRoleAssignments: new Map([[sp.id, []]]),
    applications: [app],
    applicationOwners: new Map([[app.id, [userIds[0]]]]),
    devices,
    deviceOwners: new Map([[devices[0].id, [userIds[1]]]]),
    conditionalAccessPolicies: [{ id: 'ca-1', displayName: 'Require MFA', state: 'enabled' }],
    namedLocations: [{ '@odata.type': '#microsoft.graph.ipNamedLocation', id: 'nl-1', displayName: 'HQ' }],
    authenticationStrengthPolicies: [{ id: '00000000-0000-0000-0000-000000000002', displayName: 'Multifactor authentication' }],
    securityDefaults: { id: '00000000-0000-0000-0000-000000000005', displayName: 'Security Defaults', isEnabled: false },
    signIns: hourlySignIns(signIns, userIds),
    alerts: [{ id: 'alert-1', title: 'Suspicious sign-in', severity: 'medium' }],
    riskDetections: [{ id: 'rd-1', riskEventType: 'unfamiliarFeatures', userId: userIds[0] }],
    riskyUsers: [{ id: userIds[0], riskLevel: 'medium', riskState: 'atRisk' }],
  };
}
