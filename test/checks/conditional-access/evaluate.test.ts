import { describe, expect, it } from 'vitest';
import { DirectoryIndex, type DirectoryData } from '../../../main/checks/conditional-access/directory-index.js';
import { ConditionalAccessEvaluator, type CaInputs, type MfaQuery } from '../../../main/checks/conditional-access/evaluate.js';
import type { ConditionalAccessPolicy } from '../../../shared/ca-types.js';
import { assignment, EXCHANGE_ONLINE, GA, GITHUB_APP, member, NOW, policy, roleDef, user, USER_ADMIN } from './fixtures.js';

const data: DirectoryData = {
  users: [
    user('alice'),
    user('bob'),
    user('carol'),
    user('guest', { userType: 'Guest', userPrincipalName: 'guest_fabrikam.example#EXT#@contoso.example' }),
    user('localguest', { userType: 'Guest' }),
    user('admin'),
    user('pim'),
    user('viagroup'),
    user('expired'),
    user('scoped'),
  ],
  groupMembers: [
    member('g-parent', 'g-child', 'group'),
    member('g-child', 'bob'),
    member('g-breakglass', 'carol'),
    member('g-admins', 'viagroup'),
  ],
  roleDefinitions: [roleDef(GA, 'Global Administrator'), roleDef(USER_ADMIN, 'User Administrator')],
  roleAssignments: [
    assignment('admin', GA),
    assignment('pim', GA, { kind: 'eligible' }),
    assignment('g-admins', GA),
    assignment('expired', GA, { endDateTime: '2026-01-01T00:00:00Z' }),
    assignment('scoped', USER_ADMIN, { directoryScopeId: '/administrativeUnits/au-1' }),
  ],
};

function evaluator(policies: ConditionalAccessPolicy[], extra: Partial<CaInputs> = {}) {
  return new ConditionalAccessEvaluator(
    { policies, namedLocations: [], authenticationStrengths: [], securityDefaultsEnabled: false, ...extra },
    new DirectoryIndex(data, NOW),
  );
}

function verdict(policies: ConditionalAccessPolicy[], q: MfaQuery, extra: Partial<CaInputs> = {}) {
  return evaluator(policies, extra).evaluate(q).verdict;
}

describe('policy state', () => {
  it('an enabled all-users all-apps MFA policy enforces MFA', () => {
    const e = evaluator([policy('p')]).evaluate({ userId: 'alice' });
    expect(e.verdict).toBe('enforced');
    expect(e.enforcedBy.map((p) => p.id)).toEqual(['p']);
  });
  it('report-only never counts, but is listed', () => {
    const e = evaluator([policy('p', { state: 'enabledForReportingButNotEnforced' })]).evaluate({ userId: 'alice' });
    expect(e.verdict).toBe('not-enforced');
    expect(e.reportOnly.map((p) => p.id)).toEqual(['p']);
    expect(e.summary).toContain('report-only');
  });
  it('disabled never counts', () => {
    expect(verdict([policy('p', { state: 'disabled' })], { userId: 'alice' })).toBe('not-enforced');
  });
  it('no policy at all: not enforced', () => {
    expect(verdict([], { userId: 'alice' })).toBe('not-enforced');
  });
});

describe('users: include and exclude kinds', () => {
  it('includeUsers None covers nobody', () => {
    expect(verdict([policy('p', { users: { includeUsers: ['None'] } })], { userId: 'alice' })).toBe('not-enforced');
  });
  it('a listed user is included; others are not', () => {
    const ps = [policy('p', { users: { includeUsers: ['alice'] } })];
    expect(verdict(ps, { userId: 'alice' })).toBe('enforced');
    expect(verdict(ps, { userId: 'bob' })).toBe('not-enforced');
  });
  it('excludeUsers removes the user and names the policy', () => {
    const e = evaluator([policy('p', { users: { excludeUsers: ['alice'] } })]).evaluate({ userId: 'alice' });
    expect(e.verdict).toBe('not-enforced');
    expect(e.excludedFrom.map((p) => p.id)).toEqual(['p']);
  });
  it('includeGroups is transitive (member of a nested group)', () => {
    const ps = [policy('p', { users: { includeUsers: [], includeGroups: ['g-parent'] } })];
    expect(verdict(ps, { userId: 'bob' })).toBe('enforced');
    expect(verdict(ps, { userId: 'alice' })).toBe('not-enforced');
  });
  it('excludeGroups is transitive and wins over All', () => {
    const ps = [policy('p', { users: { excludeGroups: ['g-parent'] } })];
    expect(verdict(ps, { userId: 'bob' })).toBe('not-enforced');
    expect(verdict(ps, { userId: 'alice' })).toBe('enforced');
  });
  it('includeRoles: active holder, holder through a role-assignable group', () => {
    const ps = [policy('p', { users: { includeUsers: [], includeRoles: [GA] } })];
    expect(verdict(ps, { userId: 'admin' })).toBe('enforced');
    expect(verdict(ps, { userId: 'viagroup' })).toBe('enforced');
    expect(verdict(ps, { userId: 'alice' })).toBe('not-enforced');
  });
  it('includeRoles: PIM-eligible counts by default, not when ignored', () => {
    const ps = [policy('p', { users: { includeUsers: [], includeRoles: [GA] } })];
    expect(verdict(ps, { userId: 'pim' })).toBe('enforced');
    expect(verdict(ps, { userId: 'pim', eligibleRoles: 'ignore' })).toBe('not-enforced');
  });
  it('includeRoles: an expired assignment does not count', () => {
    expect(verdict([policy('p', { users: { includeUsers: [], includeRoles: [GA] } })], { userId: 'expired' })).toBe('not-enforced');
  });
  it('includeRoles: a scoped (administrative unit) assignment is only conditional', () => {
    const e = evaluator([policy('p', { users: { includeUsers: [], includeRoles: [USER_ADMIN] } })]).evaluate({ userId: 'scoped' });
    expect(e.verdict).toBe('conditional');
    expect(e.summary).toContain('scoped');
  });
  it('excludeRoles removes role holders', () => {
    const ps = [policy('p', { users: { excludeRoles: [GA] } })];
    expect(verdict(ps, { userId: 'admin' })).toBe('not-enforced');
    expect(verdict(ps, { userId: 'alice' })).toBe('enforced');
  });
  it('includeUsers GuestsOrExternalUsers covers guests only', () => {
    const ps = [policy('p', { users: { includeUsers: ['GuestsOrExternalUsers'] } })];
    expect(verdict(ps, { userId: 'guest' })).toBe('enforced');
    expect(verdict(ps, { userId: 'alice' })).toBe('not-enforced');
  });
  it('excludeUsers GuestsOrExternalUsers removes guests', () => {
    const ps = [policy('p', { users: { excludeUsers: ['GuestsOrExternalUsers'] } })];
    expect(verdict(ps, { userId: 'guest' })).toBe('not-enforced');
    expect(verdict(ps, { userId: 'alice' })).toBe('enforced');
  });
  it('includeGuestsOrExternalUsers matches by guest type; all external tenants', () => {
    const ps = [policy('p', { users: { includeUsers: [], includeGuestsOrExternalUsers: {
      guestOrExternalUserTypes: 'b2bCollaborationGuest,b2bCollaborationMember', externalTenants: { membershipKind: 'all' } } } })];
    expect(verdict(ps, { userId: 'guest' })).toBe('enforced');
    expect(verdict(ps, { userId: 'localguest' })).toBe('not-enforced');
    expect(verdict(ps, { userId: 'alice' })).toBe('not-enforced');
  });
  it('includeGuestsOrExternalUsers: internal guests; enumerated tenants are uncertain for B2B', () => {
    const ps = [policy('p', { users: { includeUsers: [], includeGuestsOrExternalUsers: {
      guestOrExternalUserTypes: 'internalGuest,b2bCollaborationGuest', externalTenants: { membershipKind: 'enumerated', members: ['t-1'] } } } })];
    expect(verdict(ps, { userId: 'localguest' })).toBe('enforced');
    expect(verdict(ps, { userId: 'guest' })).toBe('conditional');
  });
  it('excludeGuestsOrExternalUsers removes the matching guests', () => {
    const ps = [policy('p', { users: { excludeGuestsOrExternalUsers: { guestOrExternalUserTypes: 'b2bCollaborationGuest', externalTenants: { membershipKind: 'all' } } } })];
    expect(verdict(ps, { userId: 'guest' })).toBe('not-enforced');
    expect(verdict(ps, { userId: 'localguest' })).toBe('enforced');
  });
});

describe('applications', () => {
  it('Office365 covers Exchange Online, is only conditional for all apps, and misses GitHub', () => {
    const ps = [policy('p', { apps: { includeApplications: ['Office365'] } })];
    expect(verdict(ps, { userId: 'alice', appId: EXCHANGE_ONLINE })).toBe('enforced');
    expect(verdict(ps, { userId: 'alice' })).toBe('conditional');
    expect(verdict(ps, { userId: 'alice', appId: GITHUB_APP })).toBe('not-enforced');
  });
  it('a specific app is covered; an excluded one is not', () => {
    expect(verdict([policy('p', { apps: { includeApplications: [GITHUB_APP] } })], { userId: 'alice', appId: GITHUB_APP })).toBe('enforced');
    const ps = [policy('p', { apps: { includeApplications: ['All'], excludeApplications: [GITHUB_APP] } })];
    expect(verdict(ps, { userId: 'alice', appId: GITHUB_APP })).toBe('not-enforced');
    expect(verdict(ps, { userId: 'alice', appId: EXCHANGE_ONLINE })).toBe('enforced');
    expect(verdict(ps, { userId: 'alice' })).toBe('conditional');
  });
  it('apps are reported by display name when the snapshot has them, by id otherwise', () => {
    const ps = [policy('p', { apps: { includeApplications: ['All'], excludeApplications: [GITHUB_APP, EXCHANGE_ONLINE] } })];
    const named = evaluator(ps, { appNames: new Map([[GITHUB_APP.toUpperCase(), 'GitHub Enterprise Cloud']]) });
    const all = named.evaluate({ userId: 'alice' });
    expect(all.verdict).toBe('conditional');
    expect(all.summary).toContain(`excludes 2 app(s): "GitHub Enterprise Cloud", ${EXCHANGE_ONLINE}`);
    const filtered = [policy('f', { apps: { includeApplications: [GITHUB_APP], applicationFilter: { mode: 'exclude', rule: 'x' } } as never })];
    expect(evaluator(filtered, { appNames: new Map([[GITHUB_APP, 'GitHub Enterprise Cloud']]) }).evaluate({ userId: 'alice', appId: GITHUB_APP }).conditionalBy[0].reasons).toContain(
      'targeted by "GitHub Enterprise Cloud", but an application filter may exclude it',
    );
    expect(evaluator(ps).evaluate({ userId: 'alice' }).summary).toContain(`excludes 2 app(s): ${GITHUB_APP}, ${EXCHANGE_ONLINE}`);
  });
  it('user actions are not app sign-ins', () => {
    expect(verdict([policy('p', { apps: { includeApplications: [], includeUserActions: ['urn:user:registersecurityinfo'] } })], { userId: 'alice' })).toBe('not-enforced');
  });
});

describe('client app types', () => {
  it('browser only is conditional for modern clients', () => {
    const e = evaluator([policy('p', { conditions: { clientAppTypes: ['browser'] } })]).evaluate({ userId: 'alice' });
    expect(e.verdict).toBe('conditional');
    expect(e.summary).toContain('browser');
  });
  it('a legacy-only policy does not apply to modern clients', () => {
    expect(verdict([policy('p', { conditions: { clientAppTypes: ['exchangeActiveSync', 'other'] } })], { userId: 'alice' })).toBe('not-enforced');
  });
});

describe('grant controls', () => {
  it('OR with a non-MFA alternative does not enforce MFA', () => {
    const e = evaluator([policy('p', { grant: { operator: 'OR', builtInControls: ['mfa', 'compliantDevice'] } })]).evaluate({ userId: 'alice' });
    expect(e.verdict).toBe('not-enforced');
  });
  it('AND with MFA enforces MFA', () => {
    expect(verdict([policy('p', { grant: { operator: 'AND', builtInControls: ['mfa', 'compliantDevice'] } })], { userId: 'alice' })).toBe('enforced');
  });
  it('OR where every alternative is MFA-equivalent enforces MFA', () => {
    const grant = { operator: 'OR', builtInControls: ['mfa'], authenticationStrength: { id: '00000000-0000-0000-0000-000000000004' } };
    expect(verdict([policy('p', { grant })], { userId: 'alice' })).toBe('enforced');
  });
  it('the built-in MFA strength enforces MFA but not phishing-resistant MFA', () => {
    const ps = [policy('p', { grant: { operator: 'OR', builtInControls: [], authenticationStrength: { id: '00000000-0000-0000-0000-000000000002' } } })];
    expect(verdict(ps, { userId: 'alice' })).toBe('enforced');
    expect(verdict(ps, { userId: 'alice', requirement: 'phishing-resistant' })).toBe('not-enforced');
  });
  it('the phishing-resistant strength enforces phishing-resistant MFA; plain mfa does not', () => {
    const pr = [policy('p', { grant: { operator: 'OR', builtInControls: [], authenticationStrength: { id: '00000000-0000-0000-0000-000000000004' } } })];
    expect(verdict(pr, { userId: 'alice', requirement: 'phishing-resistant' })).toBe('enforced');
    expect(verdict([policy('p')], { userId: 'alice', requirement: 'phishing-resistant' })).toBe('not-enforced');
  });
  it('a custom strength is judged by its weakest combination (collected from the tenant)', () => {
    const strong = { id: 'cs-1', displayName: 'Keys only', policyType: 'custom', allowedCombinations: ['fido2', 'windowsHelloForBusiness'] };
    const weak = { id: 'cs-2', displayName: 'Includes SMS sign-in', policyType: 'custom', allowedCombinations: ['fido2', 'sms'] };
    const strengths = [strong, weak];
    const grant = (id: string) => ({ operator: 'OR', builtInControls: [], authenticationStrength: { id } });
    expect(verdict([policy('p', { grant: grant('cs-1') })], { userId: 'alice', requirement: 'phishing-resistant' }, { authenticationStrengths: strengths })).toBe('enforced');
    expect(verdict([policy('p', { grant: grant('cs-2') })], { userId: 'alice' }, { authenticationStrengths: strengths })).toBe('not-enforced');
    // An unknown strength (not collected, not built in) is never taken on trust.
    expect(verdict([policy('p', { grant: grant('cs-unknown') })], { userId: 'alice' })).toBe('not-enforced');
  });
  it('custom controls and terms of use alone are not MFA', () => {
    expect(verdict([policy('p', { grant: { operator: 'OR', builtInControls: [], customAuthenticationFactors: ['duo'] } })], { userId: 'alice' })).toBe('not-enforced');
    expect(verdict([policy('p', { grant: { operator: 'OR', builtInControls: ['mfa'], termsOfUse: ['tou-1'] } })], { userId: 'alice' })).toBe('not-enforced');
  });
  it('session-only policies are not MFA', () => {
    expect(verdict([policy('p', { grant: null })], { userId: 'alice' })).toBe('not-enforced');
  });
  it('an unconditional block counts; a block limited to legacy clients or risk does not', () => {
    expect(verdict([policy('p', { grant: { operator: 'OR', builtInControls: ['block'] } })], { userId: 'alice' })).toBe('enforced');
    expect(verdict([policy('p', { grant: { operator: 'OR', builtInControls: ['block'] }, conditions: { clientAppTypes: ['exchangeActiveSync', 'other'] } })], { userId: 'alice' })).toBe('not-enforced');
    expect(verdict([policy('p', { grant: { operator: 'OR', builtInControls: ['block'] }, conditions: { userRiskLevels: ['high'] } })], { userId: 'alice' })).toBe('not-enforced');
  });
});

describe('narrowing conditions make it conditional', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['trusted locations excluded', { locations: { includeLocations: ['All'], excludeLocations: ['AllTrusted'] } }, 'trusted'],
    ['sign-in risk', { signInRiskLevels: ['medium', 'high'] }, 'sign-in risk'],
    ['user risk', { userRiskLevels: ['high'] }, 'user risk'],
    ['platforms', { platforms: { includePlatforms: ['android', 'iOS'] } }, 'platforms'],
    ['device filter', { devices: { deviceFilter: { mode: 'exclude', rule: 'device.isCompliant -eq True' } } }, 'device filter'],
  ];
  for (const [name, conditions, word] of cases) {
    it(name, () => {
      const e = evaluator([policy('p', { conditions })]).evaluate({ userId: 'alice' });
      expect(e.verdict).toBe('conditional');
      expect(e.summary).toContain(word);
    });
  }
  it('a narrowed policy plus an unconditional one is enforced', () => {
    expect(verdict([policy('a', { conditions: { signInRiskLevels: ['high'] } }), policy('b')], { userId: 'alice' })).toBe('enforced');
  });
  it('named locations are reported by name', () => {
    const e = evaluator([policy('p', { conditions: { locations: { includeLocations: ['All'], excludeLocations: ['loc-1'] } } })], {
      namedLocations: [{ id: 'loc-1', displayName: 'Head office', '@odata.type': '#microsoft.graph.ipNamedLocation' }],
    }).evaluate({ userId: 'alice' });
    expect(e.summary).toContain('"Head office"');
  });
});

describe('security defaults', () => {
  it('enforce MFA for administrators and only conditionally for others', () => {
    expect(verdict([], { userId: 'admin' }, { securityDefaultsEnabled: true })).toBe('enforced');
    const e = evaluator([], { securityDefaultsEnabled: true }).evaluate({ userId: 'alice' });
    expect(e.verdict).toBe('conditional');
    expect(e.securityDefaults).toBe(true);
  });
  it('never stand in for phishing-resistant MFA', () => {
    expect(verdict([], { userId: 'admin', requirement: 'phishing-resistant' }, { securityDefaultsEnabled: true })).toBe('not-enforced');
  });
});

describe('determinism', () => {
  it('lists policies in a stable order whatever the input order', () => {
    const a = policy('b-policy');
    const b = policy('a-policy');
    expect(evaluator([a, b]).evaluate({ userId: 'alice' }).enforcedBy).toEqual(evaluator([b, a]).evaluate({ userId: 'alice' }).enforcedBy);
  });
});

describe('a policy whose exclusions cancel its inclusions never applies', () => {
  const cases: [string, ConditionalAccessPolicy][] = [
    ['the same platform', policy('p', { conditions: { platforms: { includePlatforms: ['android'], excludePlatforms: ['android', 'iOS'] } } })],
    ['the same location', policy('p', { conditions: { locations: { includeLocations: ['loc-1'], excludeLocations: ['loc-1'] } } })],
    ['the same app', policy('p', { apps: { includeApplications: [GITHUB_APP], excludeApplications: [GITHUB_APP] } })],
  ];
  for (const [what, p] of cases) {
    it(`includes and excludes ${what}: not-enforced, not conditional`, () => {
      expect(verdict([p], { userId: 'alice' })).toBe('not-enforced');
      expect(verdict([p], { userId: 'alice', appId: GITHUB_APP })).toBe('not-enforced');
    });
  }
  it('a part left after the exclusions keeps the policy conditional', () => {
    const p = policy('p', { conditions: { platforms: { includePlatforms: ['android', 'windows'], excludePlatforms: ['android'] } } });
    expect(verdict([p], { userId: 'alice' })).toBe('conditional');
  });
  it('a role held only through a scoped assignment that is also excluded', () => {
    const p = policy('p', { users: { includeUsers: [], includeRoles: [USER_ADMIN], excludeRoles: [USER_ADMIN] } });
    const e = evaluator([p]).evaluate({ userId: 'scoped' });
    expect(e.verdict).toBe('not-enforced');
    expect(e.excludedFrom.map((x) => x.id)).toEqual(['p']);
  });
  it('an included scoped role with a different excluded unknown stays conditional', () => {
    const p = policy('p', {
      users: { includeUsers: [], includeRoles: [USER_ADMIN], excludeGuestsOrExternalUsers: { guestOrExternalUserTypes: 'b2bCollaborationGuest', externalTenants: { membershipKind: 'enumerated', members: ['t'] } } } as never,
    });
    expect(verdict([p], { userId: 'scoped' })).toBe('conditional');
  });
});
