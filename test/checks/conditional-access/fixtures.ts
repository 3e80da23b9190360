/** Hand-built directory rows and policies for the conditional access tests. */
import type { ConditionalAccessPolicy } from '../../../shared/ca-types.js';
import type { GroupMemberRow, RoleAssignmentRow, RoleDefinitionRow, UserRow } from '../../../shared/snapshot.js';

export const NOW = '2026-06-01T00:00:00Z';
export const GA = '62e90394-69f5-4237-9190-012177145e10';
export const USER_ADMIN = 'fe930be7-5e62-47db-91af-98c3a49a38b1';
export const EXCHANGE_ONLINE = '00000002-0000-0ff1-ce00-000000000000';
export const GITHUB_APP = '11111111-0000-0000-0000-00000000a001';

export function user(id: string, extra: Partial<UserRow> = {}): UserRow {
  const upn = extra.userPrincipalName ?? `${id}@contoso.example`;
  return {
    id, userPrincipalName: upn, displayName: id, mail: upn, givenName: null, surname: null, department: null,
    jobTitle: null, employeeId: null, userType: 'Member', accountEnabled: true, createdDateTime: '2024-01-01T00:00:00Z',
    onPremisesSyncEnabled: false, passwordPolicies: null, lastPasswordChangeDateTime: null, lastSignInDateTime: null,
    lastNonInteractiveSignInDateTime: null, domain: upn.split('@')[1].toLowerCase(), managerId: null, ...extra,
  };
}

export function member(groupId: string, memberId: string, memberType = 'user'): GroupMemberRow {
  return { groupId, memberId, memberType };
}

export function roleDef(id: string, displayName: string, isPrivileged = true): RoleDefinitionRow {
  return { id, templateId: id, displayName, isBuiltIn: true, isPrivileged };
}

let n = 0;
export function assignment(principalId: string, roleDefinitionId: string, extra: Partial<RoleAssignmentRow> = {}): RoleAssignmentRow {
  return { id: `ra-${++n}`, principalId, roleDefinitionId, directoryScopeId: '/', kind: 'active', startDateTime: null, endDateTime: null, ...extra };
}

type Users = NonNullable<ConditionalAccessPolicy['conditions']['users']>;

/** An enabled "all users, all apps, require MFA" policy, adjusted by `patch`. */
export function policy(id: string, patch: {
  state?: ConditionalAccessPolicy['state'];
  users?: Partial<Users>;
  apps?: NonNullable<ConditionalAccessPolicy['conditions']['applications']>;
  conditions?: Partial<ConditionalAccessPolicy['conditions']> & Record<string, unknown>;
  grant?: ConditionalAccessPolicy['grantControls'];
} = {}): ConditionalAccessPolicy {
  return {
    id,
    displayName: id,
    state: patch.state ?? 'enabled',
    conditions: {
      users: { includeUsers: ['All'], excludeUsers: [], includeGroups: [], excludeGroups: [], includeRoles: [], excludeRoles: [], ...patch.users },
      applications: patch.apps ?? { includeApplications: ['All'], excludeApplications: [] },
      clientAppTypes: ['all'],
      ...patch.conditions,
    },
    grantControls: patch.grant === undefined ? { operator: 'OR', builtInControls: ['mfa'] } : patch.grant,
  };
}
