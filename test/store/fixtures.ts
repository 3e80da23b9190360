/** Sample rows of every table and helpers to make snapshots in temp dirs, for the store tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TableName, TableRows } from '../../main/store/tables.js';
import type { NewSnapshotMeta } from '../../main/store/snapshot-writer.js';

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ead-store-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const META: NewSnapshotMeta = {
  snapshotId: 'snap-1',
  appVersion: '0.1.0',
  tenantId: '11111111-2222-3333-4444-555555555555',
  tenantName: 'Contoso Ünïcode Ltd',
  primaryDomain: 'contoso.example',
  cloud: 'global',
  graphBaseUrl: 'https://graph.microsoft.com',
  authMode: 'demo',
  collectedBy: 'app:abc',
  clientAppId: 'abc',
  grantedPermissions: ['User.Read.All', 'Policy.Read.All'],
  licence: 'p2',
  collectionStartedAt: '2026-11-27T00:00:00.000Z',
  signInDays: 30,
};

/** One row of every table, with a raw object that differs from the columns (to prove raw is kept). */
export const SAMPLES: { [T in TableName]: TableRows[T] } = {
  organization: { id: 'org1', displayName: 'Contoso' },
  skus: { skuId: 'sku1', skuPartNumber: 'AAD_PREMIUM_P2', capabilityStatus: 'Enabled', enabledUnits: 100, consumedUnits: 42, servicePlanNames: ['AAD_PREMIUM', 'AAD_PREMIUM_P2'] },
  domains: { id: 'contoso.example', authenticationType: 'Federated', isVerified: true, isDefault: false },
  users: {
    id: 'u1', userPrincipalName: 'Ada@contoso.example', displayName: 'Ada Łovelace', mail: null, givenName: 'Ada', surname: null,
    department: 'R&D', jobTitle: null, employeeId: 'E1', userType: 'Member', accountEnabled: true, createdDateTime: '2020-01-01T00:00:00Z',
    onPremisesSyncEnabled: false, passwordPolicies: 'DisablePasswordExpiration', lastPasswordChangeDateTime: null,
    lastSignInDateTime: '2026-11-01T10:00:00Z', lastNonInteractiveSignInDateTime: null, domain: 'contoso.example', managerId: null,
  },
  deleted_users: { id: 'd1', userPrincipalName: 'gone@contoso.example', displayName: 'Gone', mail: null, employeeId: null, deletedDateTime: '2026-11-20T00:00:00Z' },
  mfa_registrations: { userId: 'u1', userPrincipalName: 'Ada@contoso.example', methods: ['microsoftAuthenticatorPush', 'fido2SecurityKey'], isMfaRegistered: true, isAdmin: null, source: 'authenticationMethods' },
  ca_policies: {
    id: 'p1', displayName: 'Require MFA', state: 'enabled',
    conditions: { users: { includeUsers: ['All'] }, applications: { includeApplications: ['All'] }, clientAppTypes: ['all'] },
    grantControls: { operator: 'OR', builtInControls: ['mfa'] },
  },
  named_locations: { id: 'nl1', displayName: 'HQ', '@odata.type': '#microsoft.graph.ipNamedLocation', isTrusted: true, ipRanges: [{ cidrAddress: '10.0.0.0/8' }] },
  auth_strengths: { id: '00000000-0000-0000-0000-000000000002', displayName: 'Multifactor authentication', policyType: 'builtIn', allowedCombinations: ['password,sms'] },
  security_defaults: { id: '00000000-0000-0000-0000-000000000005', isEnabled: false },
  sign_ins: {
    id: 's1', createdDateTime: '2026-11-26T08:00:00Z', userId: 'u1', userPrincipalName: 'Ada@contoso.example', appId: 'app', appDisplayName: 'Teams',
    resourceDisplayName: null, clientAppUsed: 'Browser', ipAddress: '203.0.113.1', city: 'Zürich', countryOrRegion: 'CH', errorCode: 0,
    failureReason: null, conditionalAccessStatus: 'success', authenticationRequirement: 'multiFactorAuthentication',
    riskLevelDuringSignIn: 'none', riskLevelAggregated: 'none', riskState: 'none', isInteractive: true, deviceId: null,
    deviceIsCompliant: false, deviceIsManaged: null, deviceTrustType: null,
  },
  groups: { id: 'g1', displayName: 'Admins', mail: null, securityEnabled: true, mailEnabled: false, groupTypes: [], isAssignableToRole: true, onPremisesSyncEnabled: false },
  group_members: { groupId: 'g1', memberId: 'u1', memberType: 'user' },
  role_definitions: { id: 'r1', templateId: 'r1', displayName: 'Global Administrator', isBuiltIn: true, isPrivileged: true },
  role_assignments: { id: 'ra1', principalId: 'u1', roleDefinitionId: 'r1', directoryScopeId: '/', kind: 'eligible', startDateTime: null, endDateTime: '2027-01-01T00:00:00Z' },
  service_principals: { id: 'sp1', appId: 'app', displayName: 'Teams', accountEnabled: true, servicePrincipalType: 'Application', preferredSingleSignOnMode: null, appRoleAssignmentRequired: false, appOwnerOrganizationId: null, tags: ['WindowsAzureActiveDirectoryIntegratedApp'] },
  app_assignments: { id: 'aa1', resourceId: 'sp1', resourceDisplayName: 'Teams', principalId: 'u1', principalType: 'User', principalDisplayName: 'Ada', appRoleId: '00000000-0000-0000-0000-000000000000', createdDateTime: null },
  app_permission_grants: { id: 'ag1', resourceId: 'sp-graph', resourceDisplayName: 'Microsoft Graph', principalId: 'sp1', principalType: 'ServicePrincipal', principalDisplayName: 'Teams', appRoleId: 'role', createdDateTime: '2025-01-01T00:00:00Z' },
  applications: { id: 'a1', appId: 'app', displayName: 'Teams', signInAudience: 'AzureADMyOrg', createdDateTime: null, ownerIds: ['u1'] },
  app_credentials: { appObjectId: 'a1', appId: 'app', appDisplayName: 'Teams', keyId: 'k1', kind: 'secret', displayName: null, startDateTime: null, endDateTime: '2026-12-01T00:00:00Z' },
  devices: { id: 'dev1', deviceId: 'dd1', displayName: 'LAPTOP', operatingSystem: 'Windows', operatingSystemVersion: null, accountEnabled: true, isCompliant: null, isManaged: true, trustType: 'AzureAd', approximateLastSignInDateTime: null, registeredOwnerIds: ['u1'] },
  alerts: { id: 'al1', title: 'Suspicious', severity: 'high', status: 'new', category: null, serviceSource: 'microsoftDefenderForIdentity', createdDateTime: null, userIds: ['u1'] },
  risk_detections: { id: 'rd1', userId: 'u1', userPrincipalName: null, riskEventType: 'leakedCredentials', riskLevel: 'high', riskState: 'atRisk', detectedDateTime: null },
  risky_users: { id: 'u1', userPrincipalName: 'Ada@contoso.example', riskLevel: 'high', riskState: 'atRisk', riskLastUpdatedDateTime: null },
};

/** A raw object for a sample: the row plus a field no column holds, proving raw is stored verbatim. */
export function rawOf(row: object): Record<string, unknown> {
  return { ...row, '@odata.etag': 'W/"x"', extra: { nested: [1, 'ü'] } };
}
