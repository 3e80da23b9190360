/**
 * Test fixture: a SnapshotView over plain arrays (the same rows a SnapshotReader returns), for
 * exercising the diff, reviews and sampling before and beside real SQLite snapshots.
 */
import type { DatasetId } from '../../shared/datasets.js';
import type { ConditionalAccessPolicy, NamedLocation } from '../../shared/ca-types.js';
import type { AppCredentialRow, ApplicationRow, AppRoleAssignmentRow, DatasetCoverage, DeletedUserRow, DeviceRow, GroupMemberRow,
  GroupRow, MfaRegistrationRow, RoleAssignmentRow, RoleDefinitionRow, ServicePrincipalRow, SignInRow, SnapshotMeta, UserRow } from '../../shared/snapshot.js';
import type { SnapshotView } from '../../main/diff/snapshot-view.js';

export interface ViewData {
  meta?: Partial<SnapshotMeta>;
  notComplete?: Partial<Record<DatasetId, DatasetCoverage['status']>>;
  users?: UserRow[];
  deletedUsers?: DeletedUserRow[];
  mfa?: MfaRegistrationRow[];
  groups?: GroupRow[];
  members?: GroupMemberRow[];
  roleDefinitions?: RoleDefinitionRow[];
  roleAssignments?: RoleAssignmentRow[];
  servicePrincipals?: ServicePrincipalRow[];
  appAssignments?: AppRoleAssignmentRow[];
  applications?: ApplicationRow[];
  credentials?: AppCredentialRow[];
  policies?: ConditionalAccessPolicy[];
  locations?: NamedLocation[];
  devices?: DeviceRow[];
  signIns?: SignInRow[];
}

export const TENANT_ID = '11111111-2222-3333-4444-555555555555';

/** A view over `data`; every dataset is complete unless `notComplete` says otherwise. */
export function memoryView(data: ViewData): SnapshotView {
  const meta: SnapshotMeta = {
    snapshotId: 'snap-1', schemaVersion: 1, appVersion: '0.1.0', tenantId: TENANT_ID, tenantName: 'Contoso',
    primaryDomain: 'contoso.com', cloud: 'global', graphBaseUrl: 'https://graph.microsoft.com', authMode: 'demo',
    collectedBy: 'auditor@contoso.com', clientAppId: null, grantedPermissions: [], licence: 'p2',
    collectionStartedAt: '2026-06-01T10:00:00Z', collectionFinishedAt: '2026-06-01T10:05:00Z', signInDays: 30,
    contentHash: 'abc', ...data.meta,
  };
  return {
    meta: () => meta,
    coverageOf: (dataset) => ({ dataset, status: data.notComplete?.[dataset] ?? 'complete', code: null,
      reason: data.notComplete?.[dataset] ? 'not licensed' : null, rows: 0, requests: 0, throttleWaits: 0, startedAt: null, finishedAt: null }),
    users: () => data.users ?? [],
    deletedUsers: () => data.deletedUsers ?? [],
    mfaRegistrations: () => data.mfa ?? [],
    groups: () => data.groups ?? [],
    groupMembers: () => data.members ?? [],
    roleDefinitions: () => data.roleDefinitions ?? [],
    roleAssignments: () => data.roleAssignments ?? [],
    servicePrincipals: () => data.servicePrincipals ?? [],
    appAssignments: () => data.appAssignments ?? [],
    applications: () => data.applications ?? [],
    appCredentials: () => data.credentials ?? [],
    conditionalAccessPolicies: () => data.policies ?? [],
    namedLocations: () => data.locations ?? [],
    devices: () => data.devices ?? [],
    signIns: () => (data.signIns ?? [])[Symbol.iterator](),
  };
}

/** A user row with sensible defaults. */
export function user(id: string, upn: string, extra: Partial<UserRow> = {}): UserRow {
  return {
    id, userPrincipalName: upn, displayName: upn.split('@')[0], mail: upn, givenName: null, surname: null, department: 'Sales',
    jobTitle: null, employeeId: null, userType: 'Member', accountEnabled: true, createdDateTime: '2025-01-01T00:00:00Z',
    onPremisesSyncEnabled: false, passwordPolicies: null, lastPasswordChangeDateTime: null, lastSignInDateTime: '2026-05-30T08:00:00Z',
    lastNonInteractiveSignInDateTime: null, domain: upn.split('@')[1], managerId: null, ...extra,
  };
}

export function group(id: string, displayName: string, extra: Partial<GroupRow> = {}): GroupRow {
  return { id, displayName, mail: null, securityEnabled: true, mailEnabled: false, groupTypes: [], isAssignableToRole: false,
    onPremisesSyncEnabled: false, ...extra };
}

export function roleDef(id: string, displayName: string, isPrivileged: boolean): RoleDefinitionRow {
  return { id, templateId: id, displayName, isBuiltIn: true, isPrivileged };
}

export function assignment(id: string, principalId: string, roleDefinitionId: string, kind: 'active' | 'eligible' = 'active'): RoleAssignmentRow {
  return { id, principalId, roleDefinitionId, directoryScopeId: '/', kind, startDateTime: null, endDateTime: null };
}

export function mfa(userId: string, upn: string, methods: string[]): MfaRegistrationRow {
  return { userId, userPrincipalName: upn, methods, isMfaRegistered: methods.length > 0, isAdmin: null, source: 'registrationReport' };
}

export function sp(id: string, appId: string, displayName: string): ServicePrincipalRow {
  return { id, appId, displayName, accountEnabled: true, servicePrincipalType: 'Application', preferredSingleSignOnMode: 'saml',
    appRoleAssignmentRequired: true, appOwnerOrganizationId: TENANT_ID, tags: [] };
}

export function policy(id: string, displayName: string, extra: Partial<ConditionalAccessPolicy> = {}): ConditionalAccessPolicy {
  return {
    id, displayName, state: 'enabled',
    conditions: { users: { includeUsers: ['All'], excludeUsers: [], includeGroups: [], excludeGroups: [], includeRoles: [], excludeRoles: [] },
      applications: { includeApplications: ['All'], excludeApplications: [] }, clientAppTypes: ['all'] },
    grantControls: { operator: 'OR', builtInControls: ['mfa'] }, sessionControls: null, ...extra,
  };
}
