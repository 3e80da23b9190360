/**
 * A small hand-built tenant exercising every catalogue check: break-glass accounts, admins of each
 * kind, users with each MFA profile, guests, policies in each state, apps, credentials, devices,
 * sign-ins, risk and alerts. Each check's test names the entities and the outcome it expects.
 */
import type { ConditionalAccessPolicy } from '../../../shared/ca-types.js';
import type { AppCredentialRow, AppRoleAssignmentRow, DeviceRow, GroupRow, MfaRegistrationRow, ServicePrincipalRow, SignInRow } from '../../../shared/snapshot.js';
import { assignment, member, policy, roleDef, user, GA, USER_ADMIN } from '../conditional-access/fixtures.js';
import type { Rows } from '../snapshot-builder.js';

export const NOW = '2026-06-01T00:00:00.000Z';
export const daysAgo = (d: number): string => new Date(Date.parse(NOW) - d * 86_400_000).toISOString();
export const inDays = (d: number): string => new Date(Date.parse(NOW) + d * 86_400_000).toISOString();

export const SECURITY_ADMIN = '194ae4cb-b126-40b2-bd5b-6091b380977d';
export const SECURITY_READER = '5d6b6bb7-de71-4623-b4af-96380a352509';
const GRAPH_SP = 'sp-graph';

function group(id: string): GroupRow {
  return { id, displayName: id, mail: null, securityEnabled: true, mailEnabled: false, groupTypes: [], isAssignableToRole: false, onPremisesSyncEnabled: false };
}
function reg(userId: string, methods: string[]): MfaRegistrationRow {
  return { userId, userPrincipalName: `${userId}@contoso.example`, methods, isMfaRegistered: methods.length > 0, isAdmin: null, source: 'registrationReport' };
}
function signIn(id: string, userId: string, extra: Partial<SignInRow> = {}): SignInRow {
  return {
    id, createdDateTime: daysAgo(1), userId, userPrincipalName: `${userId}@contoso.example`, appId: 'app', appDisplayName: 'Office', resourceDisplayName: null,
    clientAppUsed: 'Browser', ipAddress: '203.0.113.1', city: null, countryOrRegion: null, errorCode: 0, failureReason: null, conditionalAccessStatus: 'success',
    authenticationRequirement: 'multiFactorAuthentication', riskLevelDuringSignIn: 'none', riskLevelAggregated: 'none', riskState: 'none', isInteractive: true,
    deviceId: 'dev-1', deviceIsCompliant: true, deviceIsManaged: true, deviceTrustType: 'AzureAD', ...extra,
  };
}
function sp(id: string, appId: string, displayName: string, extra: Partial<ServicePrincipalRow> = {}): ServicePrincipalRow {
  return { id, appId, displayName, accountEnabled: true, servicePrincipalType: 'Application', preferredSingleSignOnMode: null, appRoleAssignmentRequired: false, appOwnerOrganizationId: null, tags: [], ...extra };
}
function grantTo(id: string, resourceId: string, principalId: string, principalType: AppRoleAssignmentRow['principalType'], appRoleId = 'default'): AppRoleAssignmentRow {
  return { id, resourceId, resourceDisplayName: resourceId === GRAPH_SP ? 'Microsoft Graph' : resourceId, principalId, principalType, principalDisplayName: principalId, appRoleId, createdDateTime: null };
}
function cred(keyId: string, kind: AppCredentialRow['kind'], start: string, end: string): AppCredentialRow {
  return { appObjectId: 'app-1', appId: 'appid-1', appDisplayName: 'Payroll Sync', keyId, kind, displayName: null, startDateTime: start, endDateTime: end };
}
function device(id: string, extra: Partial<DeviceRow>): DeviceRow {
  return { id, deviceId: id, displayName: id, operatingSystem: 'Windows', operatingSystemVersion: '10', accountEnabled: true, isCompliant: true, isManaged: true, trustType: 'AzureAd', approximateLastSignInDateTime: daysAgo(2), registeredOwnerIds: [], ...extra };
}

const ALL_BUT_BREAKGLASS = { excludeGroups: ['g-breakglass'] };

export const POLICIES: ConditionalAccessPolicy[] = [
  policy('Require MFA for all users', { users: { excludeGroups: ['g-breakglass', 'g-excluded'] } }),
  policy('Block legacy authentication', { users: ALL_BUT_BREAKGLASS, conditions: { clientAppTypes: ['exchangeActiveSync', 'other'] }, grant: { operator: 'OR', builtInControls: ['block'] } }),
  policy('Phishing-resistant MFA for Global Administrators', { users: { includeUsers: [], includeRoles: [GA], ...ALL_BUT_BREAKGLASS }, grant: { operator: 'OR', builtInControls: [], authenticationStrength: { id: '00000000-0000-0000-0000-000000000004' } } }),
  policy('Block high user risk', { state: 'enabledForReportingButNotEnforced', users: ALL_BUT_BREAKGLASS, conditions: { userRiskLevels: ['high'] }, grant: { operator: 'OR', builtInControls: ['block'] } }),
  policy('Block high sign-in risk', { users: ALL_BUT_BREAKGLASS, conditions: { signInRiskLevels: ['high'] }, grant: { operator: 'OR', builtInControls: ['block'] } }),
  policy('Protect security info registration', { state: 'disabled', users: ALL_BUT_BREAKGLASS, apps: { includeApplications: [], includeUserActions: ['urn:user:registersecurityinfo'] }, grant: { operator: 'OR', builtInControls: ['compliantDevice'] } }),
  policy('MFA for the fallback group', { users: { includeUsers: [], includeGroups: ['g-fallback'], ...ALL_BUT_BREAKGLASS } }),
];

export function tenantRows(): Rows {
  return {
    users: [
      user('bg1', { createdDateTime: daysAgo(900) }),
      user('bg2', { createdDateTime: daysAgo(900) }),
      user('admin1', { lastSignInDateTime: daysAgo(1) }),
      user('admin2', { onPremisesSyncEnabled: true, lastSignInDateTime: daysAgo(200) }),
      user('pimadmin', { lastSignInDateTime: daysAgo(5) }),
      user('alice', { lastSignInDateTime: daysAgo(1) }),
      user('bob', { passwordPolicies: 'DisablePasswordExpiration', lastSignInDateTime: daysAgo(3) }),
      user('carol', { lastSignInDateTime: daysAgo(1) }),
      user('dave', { accountEnabled: false }),
      user('erin', { lastSignInDateTime: daysAgo(2) }),
      user('guest1', { userType: 'Guest', userPrincipalName: 'guest1_fabrikam.example#EXT#@contoso.example', lastSignInDateTime: daysAgo(4) }),
      user('guest2', { userType: 'Guest', userPrincipalName: 'guest2_fabrikam.example#EXT#@contoso.example', lastSignInDateTime: daysAgo(200) }),
      user('guest3', { userType: 'Guest', userPrincipalName: 'guest3_fabrikam.example#EXT#@contoso.example', createdDateTime: daysAgo(10) }),
      user('guest4', { userType: 'Guest', userPrincipalName: 'guest4_fabrikam.example#EXT#@contoso.example', accountEnabled: false }),
    ],
    domains: [{ id: 'contoso.example', authenticationType: 'Managed', isVerified: true, isDefault: true }],
    mfa_registrations: [
      reg('bg1', ['fido2SecurityKey']), reg('bg2', ['fido2SecurityKey']), reg('admin1', ['microsoftAuthenticatorPush', 'fido2SecurityKey']),
      reg('admin2', ['sms']), reg('alice', ['microsoftAuthenticatorPush']), reg('bob', ['password']), reg('carol', ['mobilePhone', 'sms']),
      reg('dave', []), reg('erin', ['softwareOneTimePasscode']),
    ],
    groups: ['g-breakglass', 'g-excluded', 'g-fallback', 'g-github', 'g-nobody'].map(group),
    group_members: [
      member('g-breakglass', 'bg1'), member('g-breakglass', 'bg2'),
      member('g-excluded', 'bob'), member('g-excluded', 'admin2'), member('g-excluded', 'guest2'), member('g-excluded', 'erin'),
      member('g-fallback', 'erin'), member('g-github', 'alice'), member('g-nobody', 'dave'),
    ],
    role_definitions: [roleDef(GA, 'Global Administrator'), roleDef(USER_ADMIN, 'User Administrator'), roleDef(SECURITY_ADMIN, 'Security Administrator'),
      roleDef(SECURITY_READER, 'Security Reader'), roleDef('29232cdf-9323-42fd-ade2-1d097af3e4de', 'Exchange Administrator', false)],
    role_assignments: [
      assignment('bg1', GA), assignment('bg2', GA), assignment('admin1', GA),
      assignment('admin2', USER_ADMIN, { endDateTime: inDays(30), startDateTime: daysAgo(30) }),
      assignment('pimadmin', GA, { kind: 'eligible' }), assignment('dave', SECURITY_ADMIN), assignment('guest1', SECURITY_READER),
    ],
    ca_policies: POLICIES,
    security_defaults: [{ id: 'securityDefaults', isEnabled: false }],
    sign_ins: [
      signIn('s1', 'alice'),
      signIn('s2', 'carol', { clientAppUsed: 'IMAP4', authenticationRequirement: 'singleFactorAuthentication', deviceId: null, deviceIsCompliant: null, deviceIsManaged: null, riskLevelDuringSignIn: 'high' }),
      signIn('s3', 'bob', { errorCode: 50126 }),
    ],
    risky_users: [
      { id: 'carol', userPrincipalName: 'carol@contoso.example', riskLevel: 'high', riskState: 'atRisk', riskLastUpdatedDateTime: daysAgo(2) },
      { id: 'alice', userPrincipalName: 'alice@contoso.example', riskLevel: 'none', riskState: 'remediated', riskLastUpdatedDateTime: daysAgo(20) },
    ],
    alerts: [
      { id: 'al1', title: 'Impossible travel', severity: 'high', status: 'new', category: 'InitialAccess', serviceSource: 'microsoftDefenderForCloudApps', createdDateTime: daysAgo(1), userIds: ['carol'] },
      { id: 'al2', title: 'Suspicious inbox rule', severity: 'medium', status: 'resolved', category: null, serviceSource: null, createdDateTime: daysAgo(30), userIds: ['alice'] },
    ],
    service_principals: [
      sp(GRAPH_SP, '00000003-0000-0000-c000-000000000000', 'Microsoft Graph'),
      sp('sp-prov', 'appid-prov', 'Provisioning Engine'),
      sp('sp-report', 'appid-report', 'Reporting Dashboard'),
      sp('sp-github', 'appid-github', 'GitHub Enterprise Cloud', { preferredSingleSignOnMode: 'saml', appRoleAssignmentRequired: true }),
      sp('sp-slack', 'appid-slack', 'Slack', { preferredSingleSignOnMode: 'saml' }),
      sp('sp-miro', 'appid-miro', 'Miro', { preferredSingleSignOnMode: 'oidc', appRoleAssignmentRequired: true }),
      sp('sp-zoom', 'appid-zoom', 'Zoom', { preferredSingleSignOnMode: 'saml', appRoleAssignmentRequired: true }),
    ],
    app_permission_grants: [
      grantTo('pg1', GRAPH_SP, 'sp-prov', 'ServicePrincipal', '9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8'),
      grantTo('pg2', GRAPH_SP, 'sp-report', 'ServicePrincipal', '7ab1d382-f21e-4acd-a863-ba3e13f7da61'),
    ],
    app_assignments: [
      grantTo('aa1', 'sp-github', 'g-github', 'Group'),
      grantTo('aa2', 'sp-miro', 'bob', 'User'),
      grantTo('aa3', 'sp-zoom', 'g-nobody', 'Group'),
    ],
    applications: [
      { id: 'app-1', appId: 'appid-1', displayName: 'Payroll Sync', signInAudience: 'AzureADMyOrg', createdDateTime: daysAgo(400), ownerIds: ['admin1'] },
      { id: 'app-2', appId: 'appid-2', displayName: 'Legacy Intranet', signInAudience: 'AzureADMyOrg', createdDateTime: daysAgo(800), ownerIds: [] },
    ],
    app_credentials: [
      cred('k-expired', 'secret', daysAgo(400), daysAgo(35)),
      cred('k-expiring', 'secret', daysAgo(80), inDays(10)),
      cred('k-longsecret', 'secret', daysAgo(30), inDays(700)),
      cred('k-shortsecret', 'secret', daysAgo(30), inDays(60)),
      cred('k-longcert', 'certificate', daysAgo(100), inDays(1000)),
      cred('k-cert', 'certificate', daysAgo(100), inDays(200)),
    ],
    devices: [
      device('d-compliant', {}),
      device('d-noncompliant', { isCompliant: false, approximateLastSignInDateTime: daysAgo(200) }),
      device('d-unmanaged', { isCompliant: null, isManaged: false }),
      device('d-disabled', { accountEnabled: false }),
      device('d-nodate', { approximateLastSignInDateTime: null }),
    ],
  };
}
