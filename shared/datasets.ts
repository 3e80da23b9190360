/**
 * The datasets a snapshot holds, with what each needs from the tenant.
 * One table drives the preflight, the collectors' coverage rows, the UI and the
 * "Data access" statement in the PDF, so a permission is declared exactly once.
 */

/** Graph throttling buckets that run side by side (see ARCHITECTURE.md, "Why these choices"). */
export type ThrottleBucket = 'identity' | 'reports' | 'signInActivity' | 'policy' | 'security';

export type LicenceTier = 'free' | 'p1' | 'p2';

export type DatasetId =
  | 'organization'
  | 'subscribedSkus'
  | 'domains'
  | 'users'
  | 'signInActivity'
  | 'deletedUsers'
  | 'mfaRegistration'
  | 'conditionalAccess'
  | 'signIns'
  | 'groups'
  | 'roles'
  | 'pimEligibility'
  | 'applications'
  | 'devices'
  | 'alerts'
  | 'riskDetections'
  | 'riskyUsers';

export interface DatasetSpec {
  id: DatasetId;
  title: string;
  /** What the auditor gets from it, in one sentence. */
  purpose: string;
  /** Any one of these read permissions suffices (least privileged first). */
  permissions: string[];
  /** Lowest Entra ID licence that lets Graph return it. */
  licence: LicenceTier;
  /** Graph v1.0 paths read for this dataset (templates use {id}). */
  endpoints: string[];
  bucket: ThrottleBucket;
}

export const DATASETS: readonly DatasetSpec[] = [
  {
    id: 'organization',
    title: 'Organization',
    purpose: 'Tenant name, id, verified domains and directory sync state.',
    permissions: ['Organization.Read.All', 'Directory.Read.All'],
    licence: 'free',
    endpoints: ['/organization'],
    bucket: 'identity',
  },
  {
    id: 'subscribedSkus',
    title: 'Licences',
    purpose: 'Subscribed SKUs, which decide the Entra ID tier (Free, P1, P2).',
    permissions: ['Organization.Read.All', 'Directory.Read.All'],
    licence: 'free',
    endpoints: ['/subscribedSkus'],
    bucket: 'identity',
  },
  {
    id: 'domains',
    title: 'Domains',
    purpose: 'Verified and federated domains (MFA of federated users happens at another IdP).',
    permissions: ['Domain.Read.All', 'Directory.Read.All'],
    licence: 'free',
    endpoints: ['/domains'],
    bucket: 'identity',
  },
  {
    id: 'users',
    title: 'User directory',
    purpose: 'Every user: name, mail, department, job title, status, created date, on-premises sync.',
    permissions: ['User.Read.All', 'Directory.Read.All'],
    licence: 'free',
    endpoints: ['/users', '/users/{id}/manager'],
    bucket: 'identity',
  },
  {
    id: 'signInActivity',
    title: 'Last sign-in',
    purpose: 'Last interactive and non-interactive sign-in of every user.',
    permissions: ['AuditLog.Read.All'],
    licence: 'p1',
    endpoints: ['/users?$select=signInActivity'],
    bucket: 'signInActivity',
  },
  {
    id: 'deletedUsers',
    title: 'Deleted users',
    purpose: 'Soft-deleted accounts (30-day recycle bin), evidence that leavers were removed.',
    permissions: ['User.Read.All', 'Directory.Read.All'],
    licence: 'free',
    endpoints: ['/directory/deletedItems/microsoft.graph.user'],
    bucket: 'identity',
  },
  {
    id: 'mfaRegistration',
    title: 'MFA registration methods',
    purpose: 'Authentication methods each user has registered.',
    permissions: ['AuditLog.Read.All', 'UserAuthenticationMethod.Read.All'],
    licence: 'free',
    endpoints: ['/reports/authenticationMethods/userRegistrationDetails', '/users/{id}/authentication/methods'],
    bucket: 'reports',
  },
  {
    id: 'conditionalAccess',
    title: 'Conditional access policies',
    purpose: 'Policies, named locations, authentication strengths and security defaults.',
    permissions: ['Policy.Read.All'],
    licence: 'free',
    endpoints: [
      '/identity/conditionalAccess/policies',
      '/identity/conditionalAccess/namedLocations',
      '/policies/authenticationStrengthPolicies',
      '/policies/identitySecurityDefaultsEnforcementPolicy',
    ],
    bucket: 'policy',
  },
  {
    id: 'signIns',
    title: 'Sign-in logs',
    purpose: 'Interactive sign-ins over the retention window: result, app, client, location, device, risk.',
    permissions: ['AuditLog.Read.All'],
    licence: 'p1',
    endpoints: ['/auditLogs/signIns'],
    bucket: 'reports',
  },
  {
    id: 'groups',
    title: 'Groups and memberships',
    purpose: 'Security and Microsoft 365 groups with their transitive members.',
    permissions: ['GroupMember.Read.All', 'Group.Read.All', 'Directory.Read.All'],
    licence: 'free',
    endpoints: ['/groups', '/groups/{id}/members', '/groups/{id}/transitiveMembers'],
    bucket: 'identity',
  },
  {
    id: 'roles',
    title: 'Directory roles',
    purpose: 'Role definitions and active (permanent or time-bound) role assignments.',
    permissions: ['RoleManagement.Read.Directory', 'Directory.Read.All'],
    licence: 'free',
    endpoints: [
      '/roleManagement/directory/roleDefinitions',
      '/roleManagement/directory/roleAssignments',
      '/roleManagement/directory/roleAssignmentSchedules',
    ],
    bucket: 'identity',
  },
  {
    id: 'pimEligibility',
    title: 'PIM-eligible role assignments',
    purpose: 'Privileged Identity Management eligible assignments (just-in-time admins).',
    permissions: ['RoleEligibilitySchedule.Read.Directory', 'RoleManagement.Read.Directory'],
    licence: 'p2',
    endpoints: ['/roleManagement/directory/roleEligibilitySchedules'],
    bucket: 'identity',
  },
  {
    id: 'applications',
    title: 'Enterprise applications',
    purpose: 'Service principals, their user and group assignments, app registrations and credentials.',
    permissions: ['Application.Read.All', 'Directory.Read.All'],
    licence: 'free',
    endpoints: [
      '/servicePrincipals',
      '/servicePrincipals/{id}/appRoleAssignedTo',
      '/servicePrincipals/{id}/appRoleAssignments',
      '/applications',
      '/applications/{id}/owners',
    ],
    bucket: 'identity',
  },
  {
    id: 'devices',
    title: 'Devices',
    purpose: 'Registered and joined devices with compliance and management state.',
    permissions: ['Device.Read.All', 'Directory.Read.All'],
    licence: 'free',
    endpoints: ['/devices', '/devices/{id}/registeredOwners'],
    bucket: 'identity',
  },
  {
    id: 'alerts',
    title: 'Security alerts',
    purpose: 'Microsoft 365 Defender alerts (alerts_v2) about identities.',
    permissions: ['SecurityAlert.Read.All'],
    licence: 'free',
    endpoints: ['/security/alerts_v2'],
    bucket: 'security',
  },
  {
    id: 'riskDetections',
    title: 'Risk detections',
    purpose: 'Identity Protection risk detections (leaked credentials, atypical travel, ...).',
    permissions: ['IdentityRiskEvent.Read.All'],
    licence: 'p2',
    endpoints: ['/identityProtection/riskDetections'],
    bucket: 'policy',
  },
  {
    id: 'riskyUsers',
    title: 'Risky users',
    purpose: 'Users Identity Protection flags as at risk, and whether the risk was remediated.',
    permissions: ['IdentityRiskyUser.Read.All'],
    licence: 'p2',
    endpoints: ['/identityProtection/riskyUsers'],
    bucket: 'policy',
  },
];

/**
 * The least-privileged read-only permission set that covers every dataset (first choice of each), plus
 * UserAuthenticationMethod.Read.All: the per-user methods fallback when the registration report is refused.
 */
export const REQUIRED_PERMISSIONS: readonly string[] = [
  ...new Set([...DATASETS.map((d) => d.permissions[0]), 'UserAuthenticationMethod.Read.All']),
].sort();

/** The seed's data-access statement: what we read and what we never touch. Shown in the app and the PDF. */
export const DATA_ACCESS: readonly { dataType: string; access: 'Read' | 'No access' }[] = [
  { dataType: 'User profiles and account status', access: 'Read' },
  { dataType: 'MFA registration methods', access: 'Read' },
  { dataType: 'Group and role memberships', access: 'Read' },
  { dataType: 'Conditional access policies', access: 'Read' },
  { dataType: 'Sign-in and audit logs', access: 'Read' },
  { dataType: 'Enterprise application assignments', access: 'Read' },
  { dataType: 'Devices, security alerts and risk detections', access: 'Read' },
  { dataType: 'Email contents (Exchange)', access: 'No access' },
  { dataType: 'OneDrive / SharePoint files', access: 'No access' },
  { dataType: 'Teams messages', access: 'No access' },
  { dataType: 'User passwords or secrets', access: 'No access' },
];

export function datasetSpec(id: DatasetId): DatasetSpec {
  const spec = DATASETS.find((d) => d.id === id);
  if (!spec) throw new Error(`unknown dataset ${id}`);
  return spec;
}
