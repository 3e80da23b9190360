import { describe, expect, it } from 'vitest';
import { offboardedUserAccessRemoved } from '../../../main/checks/catalogue/offboarded-user-access-removed.js';
import type { TerminationRecord } from '../../../main/checks/types.js';
import type { AppRoleAssignmentRow } from '../../../shared/snapshot.js';
import { assignment, GA, member, roleDef, user, USER_ADMIN } from '../conditional-access/fixtures.js';
import { run } from '../run.js';
import { snapshot, type Rows } from '../snapshot-builder.js';

const NOW = '2026-06-01T00:00:00.000Z';
const daysAgo = (d: number) => new Date(Date.parse(NOW) - d * 86_400_000).toISOString();

let line = 1;
function leaver(upn: string | null, terminationDate: string, extra: Partial<TerminationRecord> = {}): TerminationRecord {
  return { line: ++line, userPrincipalName: upn, mail: null, employeeId: null, terminationDate, ...extra };
}

function appAssignment(principalId: string): AppRoleAssignmentRow {
  return { id: `aa-${principalId}`, resourceId: 'sp-github', resourceDisplayName: 'GitHub Enterprise', principalId, principalType: 'User',
    principalDisplayName: principalId, appRoleId: 'r', createdDateTime: null };
}

const rows: Rows = {
  users: [
    user('clean', { accountEnabled: false, lastSignInDateTime: daysAgo(85) }),
    user('enabled', { lastSignInDateTime: daysAgo(2) }),
    user('ingroup', { accountEnabled: false }),
    user('withrole', { accountEnabled: false }),
    user('withapp', { accountEnabled: false }),
    user('late', { accountEnabled: false, lastSignInDateTime: daysAgo(20) }),
    user('byemployeeid', { accountEnabled: false, employeeId: 'E42' }),
    user('bymail', { accountEnabled: false, mail: 'Someone.Else@contoso.example' }),
    user('notdue', { lastSignInDateTime: daysAgo(1) }),
    user('twin1', { employeeId: 'E7' }),
    user('twin2', { employeeId: 'E7' }),
    user('disabledadmin', { accountEnabled: false }),
    user('admin'),
  ],
  deleted_users: [{ id: 'gone', userPrincipalName: '0f0e0d0c0b0a09080706050403020100gone@contoso.example', displayName: 'Gone', mail: null, employeeId: null, deletedDateTime: daysAgo(40) }],
  groups: [{ id: 'g1', displayName: 'Sales', mail: null, securityEnabled: true, mailEnabled: false, groupTypes: [], isAssignableToRole: false, onPremisesSyncEnabled: false }],
  group_members: [member('g1', 'ingroup')],
  role_definitions: [roleDef(GA, 'Global Administrator'), roleDef(USER_ADMIN, 'User Administrator')],
  role_assignments: [assignment('withrole', USER_ADMIN), assignment('disabledadmin', GA), assignment('admin', GA)],
  app_assignments: [appAssignment('withapp')],
};

const list: TerminationRecord[] = [
  leaver('clean@contoso.example', daysAgo(70).slice(0, 10)),
  leaver('ENABLED@contoso.example', daysAgo(30).slice(0, 10)),
  leaver('ingroup@contoso.example', daysAgo(30).slice(0, 10)),
  leaver('withrole@contoso.example', daysAgo(30).slice(0, 10)),
  leaver('withapp@contoso.example', daysAgo(30).slice(0, 10)),
  leaver('late@contoso.example', daysAgo(40).slice(0, 10)),
  leaver(null, daysAgo(30).slice(0, 10), { employeeId: 'e42' }),
  leaver(null, daysAgo(30).slice(0, 10), { mail: 'someone.else@contoso.example' }),
  leaver('notdue@contoso.example', daysAgo(2).slice(0, 10)),
  leaver('gone@contoso.example', daysAgo(45).slice(0, 10)),
  leaver('nobody@contoso.example', daysAgo(45).slice(0, 10)),
  leaver(null, daysAgo(45).slice(0, 10), { employeeId: 'E7' }),
  leaver('clean@contoso.example', daysAgo(80).slice(0, 10)),
];

describe('offboarded-user-access-removed', () => {
  const reader = snapshot(rows, { now: NOW });
  const r = run(offboardedUserAccessRemoved, reader, { terminations: list });

  it('passes leavers disabled with no access and no later sign-in, and deleted leavers', () => {
    expect(r.outcomes.clean).toBe('pass');
    expect(r.outcomes.gone).toBe('pass');
    expect(r.by('gone').reason).toContain('deleted');
  });

  it('matches on UPN (any case), mail and employee id', () => {
    expect(r.outcomes.enabled).toBe('fail');
    expect(r.outcomes.byemployeeid).toBe('pass');
    expect(r.outcomes.bymail).toBe('pass');
  });

  it('fails enabled leavers and disabled ones that kept groups, roles, apps or signed in after the deadline', () => {
    expect(r.by('enabled').reason).toContain('still enabled');
    expect(r.by('ingroup').reason).toContain('group');
    expect(r.by('withrole').reason).toContain('User Administrator');
    expect(r.by('withapp').reason).toContain('GitHub Enterprise');
    expect(r.by('late').reason).toContain('after the deadline');
  });

  it('is not applicable before termination date + grace', () => {
    expect(r.outcomes.notdue).toBe('not-applicable');
  });

  it('merges duplicate rows (earliest date) and reports unmatched and ambiguous rows', () => {
    expect(r.by('clean').evidence.terminationDate).toBe(daysAgo(80).slice(0, 10));
    expect(String(r.by('clean').evidence.csvLines).split(' ')).toHaveLength(2);
    const unmatched = r.results.find((x) => x.entityName === 'nobody@contoso.example')!;
    expect(unmatched.entityType).toBe('hrRecord');
    expect(unmatched.outcome).toBe('not-assessed');
    expect(unmatched.reason).toMatch(/Unmatched/);
    const ambiguous = r.results.find((x) => x.entityName === 'employeeId E7')!;
    expect(ambiguous.outcome).toBe('not-assessed');
    expect(ambiguous.reason).toContain('twin1@contoso.example');
  });

  it('reports disabled accounts still holding privileged roles, leaver or not', () => {
    expect(r.outcomes.disabledadmin).toBe('fail');
    expect(r.by('disabledadmin').reason).toContain('Global Administrator');
    expect(r.outcomes.admin).toBeUndefined();
  });

  it('without a list, says so and still reports disabled privileged accounts', () => {
    const none = run(offboardedUserAccessRemoved, reader);
    expect(none.by('terminations-list').outcome).toBe('not-assessed');
    expect(none.outcomes.disabledadmin).toBe('fail');
    expect(none.summary.status).toBe('fail');
  });

  it('without signInActivity, a clean leaver is not assessed (use after the deadline unknown); failures still fail', () => {
    const free = run(offboardedUserAccessRemoved, snapshot(rows, { now: NOW, coverage: { signInActivity: 'unavailable' } }), { terminations: list });
    expect(free.outcomes.clean).toBe('not-assessed');
    expect(free.outcomes.enabled).toBe('fail');
    expect(free.outcomes.late).toBe('not-assessed');
  });

  it('is not assessed when groups were not collected', () => {
    const partial = run(offboardedUserAccessRemoved, snapshot(rows, { now: NOW, coverage: { groups: 'partial' } }), { terminations: list });
    expect(partial.results.map((x) => x.outcome)).toEqual(['not-assessed']);
    expect(partial.summary.notAssessedReason).toMatch(/Groups and memberships was only partly collected/);
  });
});
