import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../main/diff/diff-snapshots.js';
import { TenantMismatchError } from '../../main/diff/diff-types.js';
import { formatDiff } from '../../main/diff/format-diff.js';
import { parseTerminationsCsv as parseTerminations } from '../../main/checks/terminations-csv.js';
import type { CheckResult } from '../../shared/results.js';
import { assignment, group, memoryView, mfa, policy, roleDef, sp, user, type ViewData } from './memory-view.js';

const GA = roleDef('ga', 'Global Administrator', true);
const READER = roleDef('rd', 'Directory Readers', false);

function base(): ViewData {
  return {
    users: [user('u1', 'alice@contoso.com'), user('u2', 'bob@contoso.com'), user('u3', 'carol@contoso.com', { accountEnabled: false, employeeId: 'E3' }),
      user('u4', 'dave@contoso.com', { employeeId: 'E4' })],
    groups: [group('g1', 'Break Glass'), group('g2', 'Tier0 Admins', { isAssignableToRole: true })],
    members: [{ groupId: 'g2', memberId: 'u2', memberType: 'user' }],
    roleDefinitions: [GA, READER],
    roleAssignments: [assignment('a1', 'u1', 'ga')],
    mfa: [mfa('u1', 'alice@contoso.com', ['microsoftAuthenticatorPush']), mfa('u2', 'bob@contoso.com', ['fido2SecurityKey', 'email'])],
    policies: [policy('p1', 'Require MFA')],
    servicePrincipals: [sp('s1', 'app-1', 'GitHub')],
    applications: [{ id: 'ap1', appId: 'app-1', displayName: 'GitHub', signInAudience: 'AzureADMyOrg', createdDateTime: null, ownerIds: [] }],
    credentials: [],
  };
}

const input = (path: string, data: ViewData, results?: CheckResult[]) => ({ path, view: memoryView(data), results });

describe('diffSnapshots', () => {
  it('finds nothing between identical snapshots', () => {
    const d = diffSnapshots(input('a', base()), input('b', base()), { leavers: [] });
    expect(d.changes).toEqual([]);
    expect(d.skipped.map((s) => s.section)).toEqual(['check-results']);
  });

  it('finds each kind of change, in words', () => {
    const after = base();
    after.meta = { snapshotId: 'snap-2', collectionStartedAt: '2026-09-01T10:00:00Z' };
    after.roleAssignments = [assignment('a1', 'u1', 'ga'), assignment('x9', 'u4', 'ga', 'eligible'), assignment('a3', 'g2', 'ga'), assignment('a4', 'u4', 'rd')];
    after.mfa = [mfa('u1', 'alice@contoso.com', ['email']), mfa('u2', 'bob@contoso.com', ['fido2SecurityKey', 'email'])];
    after.users = base().users!.map((u) => (u.id === 'u3' ? { ...u, accountEnabled: true } : u));
    after.policies = [policy('p1', 'Require MFA', { state: 'enabledForReportingButNotEnforced',
      conditions: { ...policy('p1', 'x').conditions, users: { includeUsers: ['All'], excludeGroups: ['g1'] } } })];
    after.credentials = [{ appObjectId: 'ap1', appId: 'app-1', appDisplayName: 'GitHub', keyId: 'k1', kind: 'secret', displayName: 'ci',
      startDateTime: '2026-08-01T00:00:00Z', endDateTime: '2028-08-01T00:00:00Z' }];
    after.servicePrincipals = [...base().servicePrincipals!, sp('s2', 'app-2', 'Slack')];
    const leavers = parseTerminations('employeeId,terminationDate\r\nE3,2026-07-31\r\nE4,2026-12-31\r\n');
    const d = diffSnapshots(input('old.sqlite', base()), input('new.sqlite', after), { leavers });
    expect(d.changes.map((c) => `${c.section} ${c.kind}: ${c.description}`)).toEqual([
      'admins added: new admin: user bob@contoso.com holds Global Administrator (active, via group Tier0 Admins)',
      'admins added: new admin: user dave@contoso.com holds Global Administrator (eligible)',
      'role-assignments added: group Tier0 Admins gained active role Global Administrator',
      'role-assignments added: user dave@contoso.com gained active role Directory Readers',
      'role-assignments added: user dave@contoso.com gained eligible role Global Administrator',
      'mfa changed: alice@contoso.com lost every strong MFA method (had microsoftAuthenticatorPush; now email)',
      'accounts changed: account carol@contoso.com was re-enabled',
      'leavers changed: leaver carol@contoso.com (last day 2026-07-31) still has an enabled account (re-enabled since the old snapshot)',
      'conditional-access changed: changed state of policy Require MFA from enabled to report-only',
      'conditional-access changed: excluded group Break Glass from policy Require MFA',
      'applications added: new enterprise application Slack (appId app-2, saml SSO)',
      'credentials added: new secret "ci" (key k1, valid 2026-08-01 to 2028-08-01) on app GitHub',
    ]);
    expect(d.counts.admins).toBe(2);
    const table = formatDiff(d);
    expect(table).toContain('~ excluded group Break Glass from policy Require MFA');
    expect(table).toMatch(/check-results\s+not compared/);
  });

  it('reports removals and policy fields without a sentence of their own by path', () => {
    const after = base();
    after.roleAssignments = [];
    after.policies = [policy('p1', 'Require MFA', { sessionControls: { signInFrequency: { value: 4, type: 'hours', isEnabled: true } },
      grantControls: { operator: 'AND', builtInControls: ['mfa', 'compliantDevice'] } }), policy('p2', 'Block legacy')];
    after.servicePrincipals = [];
    const hq = { id: 'l1', displayName: 'HQ', '@odata.type': '#microsoft.graph.ipNamedLocation', isTrusted: false, ipRanges: [{ cidrAddress: '10.0.0.0/8' }] };
    const old = { ...base(), locations: [hq] };
    after.locations = [{ ...hq, isTrusted: true, ipRanges: [{ cidrAddress: '10.0.0.0/8' }, { cidrAddress: '0.0.0.0/0' }] },
      { id: 'l2', displayName: 'Blocked', '@odata.type': '#microsoft.graph.countryNamedLocation', countriesAndRegions: ['KP'] }];
    const d = diffSnapshots(input('a', old), input('b', after));
    const text = d.changes.map((c) => c.description);
    expect(text).toContain('no longer an admin: user alice@contoso.com (held Global Administrator (active))');
    expect(text).toContain('user alice@contoso.com lost active role Global Administrator');
    expect(text).toContain('added policy Block legacy (enabled)');
    expect(text).toContain('policy Require MFA now requires compliantDevice');
    expect(text).toContain('changed the grant operator of policy Require MFA from OR to AND');
    expect(text).toContain('set sessionControls of policy Require MFA to {"signInFrequency":{"isEnabled":true,"type":"hours","value":4}}');
    expect(text).toContain('enterprise application GitHub (appId app-1) was removed');
    expect(text).toContain('location HQ is now trusted');
    expect(text).toContain('added IP range 0.0.0.0/0 to trusted location HQ');
    expect(text).toContain('added location Blocked (KP)');
    expect(d.changes.filter((c) => c.section === 'conditional-access')).toHaveLength(7);
  });

  it('skips sections whose data is missing from either snapshot instead of reporting no change', () => {
    const after = base();
    after.notComplete = { mfaRegistration: 'unavailable', pimEligibility: 'unavailable' };
    after.mfa = [];
    const d = diffSnapshots(input('a', base()), input('b', after));
    expect(d.changes.filter((c) => c.section === 'mfa')).toEqual([]);
    expect(d.skipped.find((s) => s.section === 'mfa')?.reason).toMatch(/mfaRegistration is unavailable in the new snapshot/);
    expect(d.skipped.some((s) => s.section === 'role-assignments' && /eligible assignments not compared/.test(s.reason))).toBe(true);
  });

  it('compares check results when both snapshots carry them', () => {
    const r = (entityId: string, outcome: CheckResult['outcome']): CheckResult => ({ checkId: 'mfa-registered-all-users', entityType: 'user',
      entityId, entityName: entityId, outcome, reason: 'r', evidence: {} });
    const d = diffSnapshots(input('a', base(), [r('u1', 'pass'), r('u2', 'pass'), r('u3', 'fail')]),
      input('b', base(), [r('u1', 'fail'), r('u2', 'pass'), r('u4', 'pass')]));
    expect(d.changes.map((c) => `${c.kind} ${c.entityId} ${c.before}->${c.after}`)).toEqual(['added u4 null->pass', 'removed u3 fail->null', 'changed u1 pass->fail']);
  });

  it('refuses snapshots of different tenants', () => {
    const other = base();
    other.meta = { tenantId: '99999999-0000-0000-0000-000000000000', tenantName: 'Fabrikam' };
    expect(() => diffSnapshots(input('a.sqlite', base()), input('b.sqlite', other))).toThrow(TenantMismatchError);
    expect(() => diffSnapshots(input('a.sqlite', base()), input('b.sqlite', other))).toThrow(/different tenants: a.sqlite is Contoso .* b.sqlite is Fabrikam/);
  });
});
