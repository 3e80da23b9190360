/**
 * Column contracts of the collected-evidence CSVs (the seed's artifact table): user directory,
 * MFA registration methods, conditional access policies, sign-in logs, group memberships,
 * enterprise applications and their assignments. Times are ISO 8601 UTC; lists are `;`-separated.
 */
import type {
  AppRoleAssignmentRow,
  ConditionalAccessPolicy,
  MfaRegistrationRow,
  ServicePrincipalRow,
  SignInRow,
  UserRow,
} from '../../../shared/snapshot.js';
import { isoUtc } from './csv-cell.js';
import { list, type CsvTable } from './csv-table.js';

export const USERS_TABLE: CsvTable<UserRow> = {
  file: 'user-directory.csv',
  title: 'User directory',
  doc: 'One row per user object in the directory.',
  columns: [
    { name: 'id', doc: 'Entra object id', value: (u) => u.id },
    { name: 'userPrincipalName', doc: 'sign-in name', value: (u) => u.userPrincipalName },
    { name: 'displayName', doc: 'display name', value: (u) => u.displayName },
    { name: 'mail', doc: 'primary SMTP address', value: (u) => u.mail },
    { name: 'givenName', doc: 'first name', value: (u) => u.givenName },
    { name: 'surname', doc: 'last name', value: (u) => u.surname },
    { name: 'department', doc: 'department', value: (u) => u.department },
    { name: 'jobTitle', doc: 'job title', value: (u) => u.jobTitle },
    { name: 'employeeId', doc: 'HR employee id', value: (u) => u.employeeId },
    { name: 'userType', doc: 'Member or Guest', value: (u) => u.userType },
    { name: 'accountEnabled', doc: 'true when the account can sign in', value: (u) => u.accountEnabled },
    { name: 'createdDateTime', doc: 'when the account was created', value: (u) => isoUtc(u.createdDateTime) },
    {
      name: 'onPremisesSyncEnabled',
      doc: 'true when synced from on-premises AD',
      value: (u) => u.onPremisesSyncEnabled,
    },
    { name: 'passwordPolicies', doc: 'e.g. DisablePasswordExpiration', value: (u) => u.passwordPolicies },
    {
      name: 'lastPasswordChangeDateTime',
      doc: 'last password change',
      value: (u) => isoUtc(u.lastPasswordChangeDateTime),
    },
    {
      name: 'lastSignInDateTime',
      doc: 'last interactive sign-in (empty: never, or not collected)',
      value: (u) => isoUtc(u.lastSignInDateTime),
    },
    {
      name: 'lastNonInteractiveSignInDateTime',
      doc: 'last non-interactive sign-in',
      value: (u) => isoUtc(u.lastNonInteractiveSignInDateTime),
    },
    { name: 'domain', doc: 'domain part of the UPN, lower-case', value: (u) => u.domain },
    { name: 'managerId', doc: "manager's object id", value: (u) => u.managerId },
  ],
};

export const MFA_TABLE: CsvTable<MfaRegistrationRow> = {
  file: 'mfa-registration-methods.csv',
  title: 'MFA registration methods',
  doc: "One row per user with the authentication methods registered (Graph's userRegistrationDetails names).",
  columns: [
    { name: 'userId', doc: 'Entra object id', value: (m) => m.userId },
    { name: 'userPrincipalName', doc: 'sign-in name', value: (m) => m.userPrincipalName },
    { name: 'isMfaRegistered', doc: 'Graph: at least one MFA method registered', value: (m) => m.isMfaRegistered },
    { name: 'isAdmin', doc: 'Graph: holds an admin role (empty: unknown)', value: (m) => m.isAdmin },
    { name: 'methods', doc: 'registered methods, `;`-separated', value: (m) => list(m.methods) },
    {
      name: 'source',
      doc: 'registrationReport (bulk report) or authenticationMethods (per user)',
      value: (m) => m.source,
    },
  ],
};

export const CA_TABLE: CsvTable<ConditionalAccessPolicy> = {
  file: 'conditional-access-policies.csv',
  title: 'Conditional access policies',
  doc: 'One row per policy; conditions and grant controls flattened, ids `;`-separated.',
  columns: [
    { name: 'id', doc: 'policy id', value: (p) => p.id },
    { name: 'displayName', doc: 'policy name', value: (p) => p.displayName },
    { name: 'state', doc: 'enabled, disabled or enabledForReportingButNotEnforced', value: (p) => p.state },
    { name: 'createdDateTime', doc: 'created', value: (p) => isoUtc(p.createdDateTime) },
    { name: 'modifiedDateTime', doc: 'last modified', value: (p) => isoUtc(p.modifiedDateTime) },
    {
      name: 'includeUsers',
      doc: 'user ids, All, None or GuestsOrExternalUsers',
      value: (p) => list(p.conditions.users?.includeUsers),
    },
    { name: 'excludeUsers', doc: 'excluded user ids', value: (p) => list(p.conditions.users?.excludeUsers) },
    { name: 'includeGroups', doc: 'group ids', value: (p) => list(p.conditions.users?.includeGroups) },
    { name: 'excludeGroups', doc: 'excluded group ids', value: (p) => list(p.conditions.users?.excludeGroups) },
    { name: 'includeRoles', doc: 'role template ids', value: (p) => list(p.conditions.users?.includeRoles) },
    { name: 'excludeRoles', doc: 'excluded role template ids', value: (p) => list(p.conditions.users?.excludeRoles) },
    {
      name: 'includeApplications',
      doc: 'app ids, All, Office365 ...',
      value: (p) => list(p.conditions.applications?.includeApplications),
    },
    {
      name: 'excludeApplications',
      doc: 'excluded app ids',
      value: (p) => list(p.conditions.applications?.excludeApplications),
    },
    {
      name: 'includeUserActions',
      doc: 'user actions',
      value: (p) => list(p.conditions.applications?.includeUserActions),
    },
    { name: 'clientAppTypes', doc: 'client app types', value: (p) => list(p.conditions.clientAppTypes) },
    { name: 'includePlatforms', doc: 'device platforms', value: (p) => list(p.conditions.platforms?.includePlatforms) },
    {
      name: 'excludePlatforms',
      doc: 'excluded device platforms',
      value: (p) => list(p.conditions.platforms?.excludePlatforms),
    },
    {
      name: 'includeLocations',
      doc: 'named location ids',
      value: (p) => list(p.conditions.locations?.includeLocations),
    },
    {
      name: 'excludeLocations',
      doc: 'excluded named location ids',
      value: (p) => list(p.conditions.locations?.excludeLocations),
    },
    { name: 'signInRiskLevels', doc: 'sign-in risk levels', value: (p) => list(p.conditions.signInRiskLevels) },
    { name: 'userRiskLevels', doc: 'user risk levels', value: (p) => list(p.conditions.userRiskLevels) },
    { name: 'grantOperator', doc: 'AND or OR', value: (p) => p.grantControls?.operator ?? null },
    {
      name: 'builtInControls',
      doc: 'mfa, block, compliantDevice ...',
      value: (p) => list(p.grantControls?.builtInControls),
    },
    {
      name: 'authenticationStrength',
      doc: 'authentication strength name (or id)',
      value: (p) =>
        p.grantControls?.authenticationStrength?.displayName ?? p.grantControls?.authenticationStrength?.id ?? null,
    },
    {
      name: 'sessionControls',
      doc: "Graph's sessionControls as JSON",
      value: (p) => (p.sessionControls ? JSON.stringify(p.sessionControls) : null),
    },
  ],
};

export const SIGN_INS_TABLE: CsvTable<SignInRow> = {
  file: 'sign-in-logs.csv',
  title: 'Sign-in logs',
  doc: 'One row per sign-in in the collected window, newest first.',
  columns: [
    { name: 'id', doc: 'sign-in id', value: (s) => s.id },
    { name: 'createdDateTime', doc: 'when', value: (s) => isoUtc(s.createdDateTime) },
    { name: 'userId', doc: 'Entra object id', value: (s) => s.userId },
    { name: 'userPrincipalName', doc: 'sign-in name', value: (s) => s.userPrincipalName },
    { name: 'appId', doc: 'client application id', value: (s) => s.appId },
    { name: 'appDisplayName', doc: 'client application', value: (s) => s.appDisplayName },
    { name: 'resourceDisplayName', doc: 'resource accessed', value: (s) => s.resourceDisplayName },
    { name: 'clientAppUsed', doc: 'browser, mobile app, or a legacy protocol', value: (s) => s.clientAppUsed },
    { name: 'ipAddress', doc: 'client IP', value: (s) => s.ipAddress },
    { name: 'city', doc: 'city', value: (s) => s.city },
    { name: 'countryOrRegion', doc: 'country code', value: (s) => s.countryOrRegion },
    { name: 'errorCode', doc: '0 = success', value: (s) => s.errorCode },
    { name: 'failureReason', doc: 'why it failed', value: (s) => s.failureReason },
    { name: 'conditionalAccessStatus', doc: 'success, failure, notApplied', value: (s) => s.conditionalAccessStatus },
    {
      name: 'authenticationRequirement',
      doc: 'singleFactorAuthentication or multiFactorAuthentication',
      value: (s) => s.authenticationRequirement,
    },
    { name: 'riskLevelDuringSignIn', doc: 'risk at sign-in', value: (s) => s.riskLevelDuringSignIn },
    { name: 'riskLevelAggregated', doc: 'aggregated risk', value: (s) => s.riskLevelAggregated },
    { name: 'riskState', doc: 'risk state', value: (s) => s.riskState },
    { name: 'isInteractive', doc: 'interactive sign-in', value: (s) => s.isInteractive },
    { name: 'deviceId', doc: 'device id', value: (s) => s.deviceId },
    { name: 'deviceIsCompliant', doc: 'device compliant', value: (s) => s.deviceIsCompliant },
    { name: 'deviceIsManaged', doc: 'device managed', value: (s) => s.deviceIsManaged },
    { name: 'deviceTrustType', doc: 'device trust type', value: (s) => s.deviceTrustType },
  ],
};

/** A transitive group membership with the names an auditor reads. */
export interface MembershipRow {
  groupId: string;
  groupName: string;
  memberId: string;
  memberType: string;
  memberName: string | null;
}

export const MEMBERSHIPS_TABLE: CsvTable<MembershipRow> = {
  file: 'group-memberships.csv',
  title: 'Group memberships',
  doc: 'One row per (group, transitive member).',
  columns: [
    { name: 'groupId', doc: 'group object id', value: (m) => m.groupId },
    { name: 'groupName', doc: 'group display name', value: (m) => m.groupName },
    { name: 'memberId', doc: 'member object id', value: (m) => m.memberId },
    { name: 'memberType', doc: 'user, group, device, servicePrincipal ...', value: (m) => m.memberType },
    { name: 'memberName', doc: 'UPN of a user, display name otherwise (empty: unknown)', value: (m) => m.memberName },
  ],
};

/** A service principal with its assignment counts. */
export interface EnterpriseAppRow extends ServicePrincipalRow {
  assignedUsers: number;
  assignedGroups: number;
}

export const APPS_TABLE: CsvTable<EnterpriseAppRow> = {
  file: 'enterprise-applications.csv',
  title: 'Enterprise applications',
  doc: 'One row per service principal.',
  columns: [
    { name: 'id', doc: 'service principal object id', value: (a) => a.id },
    { name: 'appId', doc: 'application (client) id', value: (a) => a.appId },
    { name: 'displayName', doc: 'name', value: (a) => a.displayName },
    { name: 'accountEnabled', doc: 'users can sign in to it', value: (a) => a.accountEnabled },
    { name: 'servicePrincipalType', doc: 'Application, ManagedIdentity ...', value: (a) => a.servicePrincipalType },
    {
      name: 'preferredSingleSignOnMode',
      doc: 'saml, oidc, password, notSupported or empty',
      value: (a) => a.preferredSingleSignOnMode,
    },
    {
      name: 'appRoleAssignmentRequired',
      doc: 'only assigned principals may sign in',
      value: (a) => a.appRoleAssignmentRequired,
    },
    { name: 'appOwnerOrganizationId', doc: 'tenant that owns the app', value: (a) => a.appOwnerOrganizationId },
    { name: 'tags', doc: 'tags, `;`-separated', value: (a) => list(a.tags) },
    { name: 'assignedUsers', doc: 'users assigned directly', value: (a) => a.assignedUsers },
    { name: 'assignedGroups', doc: 'groups assigned', value: (a) => a.assignedGroups },
  ],
};

export const APP_ASSIGNMENTS_TABLE: CsvTable<AppRoleAssignmentRow> = {
  file: 'enterprise-app-assignments.csv',
  title: 'Enterprise application assignments',
  doc: 'One row per user or group assigned to an enterprise application (appRoleAssignedTo).',
  columns: [
    { name: 'id', doc: 'assignment id', value: (a) => a.id },
    { name: 'resourceId', doc: 'service principal id of the app', value: (a) => a.resourceId },
    { name: 'resourceDisplayName', doc: 'app name', value: (a) => a.resourceDisplayName },
    { name: 'principalId', doc: 'assigned user/group/service principal id', value: (a) => a.principalId },
    { name: 'principalType', doc: 'User, Group or ServicePrincipal', value: (a) => a.principalType },
    { name: 'principalDisplayName', doc: 'assigned principal name', value: (a) => a.principalDisplayName },
    { name: 'appRoleId', doc: 'app role id (all zeros: default access)', value: (a) => a.appRoleId },
    { name: 'createdDateTime', doc: 'when assigned', value: (a) => isoUtc(a.createdDateTime) },
  ],
};
