/** A small tenant for review tests: a group with a nested group, a role held directly and through a group, an app assigned to a user and a group. */
import type { ViewData } from '../diff/memory-view.js';
import { assignment, group, mfa, roleDef, sp, user } from '../diff/memory-view.js';

export function reviewTenant(): ViewData {
  return {
    users: [
      user('u1', 'alice@contoso.com', { displayName: 'Alice', department: 'Finance', managerId: 'u5' }),
      user('u2', 'bob@contoso.com', { displayName: '=HYPERLINK("http://evil","Bob")', department: '+Ops', lastSignInDateTime: null }),
      user('u3', 'carol@contoso.com', { displayName: 'Carol', accountEnabled: false }),
      user('u4', 'dave@contoso.com', { displayName: 'Dave', department: null }),
      user('u5', 'erin@contoso.com', { displayName: 'Erin' }),
    ],
    groups: [group('g1', 'Finance Team'), group('g3', 'Finance Contractors'), group('g2', 'Tier0', { isAssignableToRole: true })],
    members: [
      { groupId: 'g1', memberId: 'u1', memberType: 'user' }, { groupId: 'g1', memberId: 'g3', memberType: 'group' },
      { groupId: 'g1', memberId: 'u2', memberType: 'user' }, { groupId: 'g3', memberId: 'u2', memberType: 'user' },
      { groupId: 'g2', memberId: 'u3', memberType: 'user' },
    ],
    roleDefinitions: [roleDef('ga', 'Global Administrator', true)],
    roleAssignments: [assignment('a1', 'u1', 'ga'), assignment('a2', 'g2', 'ga', 'eligible'), assignment('a3', 's9', 'ga')],
    servicePrincipals: [sp('s1', 'app-1', 'Salesforce'), sp('s9', 'app-9', 'Automation')],
    appAssignments: [
      { id: 'x1', resourceId: 's1', resourceDisplayName: 'Salesforce', principalId: 'u4', principalType: 'User', principalDisplayName: 'Dave', appRoleId: 'r', createdDateTime: null },
      { id: 'x2', resourceId: 's1', resourceDisplayName: 'Salesforce', principalId: 'g1', principalType: 'Group', principalDisplayName: 'Finance Team', appRoleId: 'r', createdDateTime: null },
      { id: 'x3', resourceId: 's1', resourceDisplayName: 'Salesforce', principalId: 'u1', principalType: 'User', principalDisplayName: 'Alice', appRoleId: 'r', createdDateTime: null },
    ],
    mfa: [mfa('u1', 'alice@contoso.com', ['microsoftAuthenticatorPush', 'email']), mfa('u2', 'bob@contoso.com', ['email'])],
  };
}
