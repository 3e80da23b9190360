/**
 * Conditional access evaluation against an independent brute-force reference, on random policies
 * (fast-check). The reference knows nothing of the evaluator: it enumerates every sign-in the query
 * allows (each app the user may reach, each modern client, location, platform, sign-in and user risk)
 * and every fact the snapshot cannot settle (whether a B2B user's home tenant is listed, whether a
 * scoped role assignment counts), applies each policy's conditions the way Entra documents them, and
 * calls MFA "enforced" when one enabled policy requiring it covers every case, "conditional" when
 * some policy covers some case, else "not-enforced". Two documented choices of the evaluator are
 * mirrored: a block counts only when it blocks every sign-in (a block for legacy clients or high risk
 * is no MFA control), and PIM-eligible roles count as held.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DirectoryIndex, type DirectoryData } from '../../main/checks/conditional-access/directory-index.js';
import {
  ConditionalAccessEvaluator,
  type MfaVerdict,
  type Requirement,
} from '../../main/checks/conditional-access/evaluate.js';
import type { ConditionalAccessPolicy } from '../../shared/ca-types.js';
import type { UserRow } from '../../shared/snapshot.js';

const NOW = '2026-06-01T00:00:00Z';
const GA = '62e90394-69f5-4237-9190-012177145e10';
const UA = 'fe930be7-5e62-47db-91af-98c3a49a38b1';
const EXO = '00000002-0000-0ff1-ce00-000000000000'; // Exchange Online, in the Office365 suite
const PORTAL = 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c'; // Azure portal, a Microsoft admin portal
const SPO = '00000003-0000-0ff1-ce00-000000000000'; // SharePoint Online, also in Office365
const GITHUB = '11111111-0000-0000-0000-00000000a001';
const UNKNOWN_APP = '99999999-0000-0000-0000-000000000999';
const STRENGTH = {
  mfa: '00000000-0000-0000-0000-000000000002',
  passwordless: '00000000-0000-0000-0000-000000000003',
  phishingResistant: '00000000-0000-0000-0000-000000000004',
};

function user(id: string, userType: 'Member' | 'Guest', external = false): UserRow {
  const upn = external ? `${id}_home.example#EXT#@contoso.example` : `${id}@contoso.example`;
  return {
    id,
    userPrincipalName: upn,
    displayName: id,
    mail: null,
    givenName: null,
    surname: null,
    department: null,
    jobTitle: null,
    employeeId: null,
    userType,
    accountEnabled: true,
    createdDateTime: '2024-01-01T00:00:00Z',
    onPremisesSyncEnabled: false,
    passwordPolicies: null,
    lastPasswordChangeDateTime: null,
    lastSignInDateTime: null,
    lastNonInteractiveSignInDateTime: null,
    domain: 'contoso.example',
    managerId: null,
  };
}

const USERS = [
  user('alice', 'Member'),
  user('bob', 'Member'),
  user('carol', 'Member'),
  user('dave', 'Member'),
  user('erin', 'Member'),
  user('gb2b', 'Guest', true),
  user('gint', 'Guest'),
  user('xmem', 'Member', true),
];
const GROUP_MEMBERS: [string, string][] = [
  ['g1', 'alice'],
  ['g1', 'g2'],
  ['g2', 'bob'],
  ['g3', 'gb2b'],
  ['g3', 'carol'],
];
/** principal, role, how held */
const ROLES: [string, string, 'active' | 'eligible' | 'scoped'][] = [
  ['carol', GA, 'active'],
  ['dave', GA, 'eligible'],
  ['erin', UA, 'scoped'],
  ['g2', UA, 'active'],
];

const data: DirectoryData = {
  users: USERS,
  groupMembers: GROUP_MEMBERS.map(([groupId, memberId]) => ({
    groupId,
    memberId,
    memberType: memberId.startsWith('g') && !memberId.startsWith('gb') && !memberId.startsWith('gi') ? 'group' : 'user',
  })),
  roleDefinitions: [GA, UA].map((id) => ({ id, templateId: id, displayName: id, isBuiltIn: true, isPrivileged: true })),
  roleAssignments: ROLES.map(([principalId, roleDefinitionId, how], i) => ({
    id: `ra${i}`,
    principalId,
    roleDefinitionId,
    kind: how === 'eligible' ? 'eligible' : 'active',
    directoryScopeId: how === 'scoped' ? '/administrativeUnits/au1' : '/',
    startDateTime: null,
    endDateTime: null,
  })),
};

// ---- the reference -------------------------------------------------------------------------------

/** Groups containing `id`, transitively, computed afresh. */
function groupsOf(id: string): Set<string> {
  const out = new Set<string>();
  let frontier = [id];
  while (frontier.length) {
    const next: string[] = [];
    for (const m of frontier) {
      for (const [g, member] of GROUP_MEMBERS) {
        if (member !== m || out.has(g)) continue;
        out.add(g);
        next.push(g);
      }
    }
    frontier = next;
  }
  return out;
}

function guestType(u: UserRow): string | null {
  const ext = u.userPrincipalName.includes('#EXT#');
  if (u.userType === 'Guest') return ext ? 'b2bCollaborationGuest' : 'internalGuest';
  return ext ? 'b2bCollaborationMember' : null;
}

interface Facts {
  tenantListed: boolean;
  scopedCounts: boolean;
}
const FACTS: Facts[] = [true, false].flatMap((tenantListed) =>
  [true, false].map((scopedCounts) => ({ tenantListed, scopedCounts })),
);

function holdsRole(u: UserRow, role: string, f: Facts): boolean {
  const principals = new Set([u.id, ...groupsOf(u.id)]);
  return ROLES.some(([p, r, how]) => principals.has(p) && r === role && (how !== 'scoped' || f.scopedCounts));
}

function guestsCondition(c: unknown, u: UserRow, f: Facts): boolean {
  const cond = c as
    { guestOrExternalUserTypes?: string; externalTenants?: { membershipKind?: string } } | null | undefined;
  const t = guestType(u);
  if (!cond || !t || !(cond.guestOrExternalUserTypes ?? '').split(',').includes(t)) return false;
  return t === 'internalGuest' || (cond.externalTenants?.membershipKind ?? 'all') === 'all' || f.tenantListed;
}

function userCovered(p: ConditionalAccessPolicy, u: UserRow, f: Facts): boolean {
  const c = p.conditions.users ?? {};
  const groups = groupsOf(u.id);
  const isExternal = guestType(u) !== null;
  const included =
    (c.includeUsers ?? []).some((x) => x === 'All' || x === u.id || (x === 'GuestsOrExternalUsers' && isExternal)) ||
    (c.includeGroups ?? []).some((g) => groups.has(g)) ||
    (c.includeRoles ?? []).some((r) => holdsRole(u, r, f)) ||
    guestsCondition(c.includeGuestsOrExternalUsers, u, f);
  const excluded =
    (c.excludeUsers ?? []).some((x) => x === u.id || (x === 'GuestsOrExternalUsers' && isExternal)) ||
    (c.excludeGroups ?? []).some((g) => groups.has(g)) ||
    (c.excludeRoles ?? []).some((r) => holdsRole(u, r, f)) ||
    guestsCondition(c.excludeGuestsOrExternalUsers, u, f);
  return included && !excluded;
}

interface SignIn {
  app: string;
  client: string;
  location: string;
  platform: string;
  signInRisk: string;
  userRisk: string;
}
const LEVELS = ['none', 'low', 'medium', 'high'];

function signIns(appId: string): SignIn[] {
  const apps = appId === 'All' ? [EXO, SPO, PORTAL, GITHUB, UNKNOWN_APP] : [appId];
  const out: SignIn[] = [];
  for (const app of apps)
    for (const client of ['browser', 'mobileAppsAndDesktopClients'])
      for (const location of ['L1', 'L2', 'elsewhere'])
        for (const platform of ['android', 'iOS', 'windows', 'linux'])
          for (const signInRisk of LEVELS)
            for (const userRisk of LEVELS) out.push({ app, client, location, platform, signInRisk, userRisk });
  return out;
}

function targets(t: string, app: string): boolean {
  return (
    t === 'All' ||
    t === app ||
    (t === 'Office365' && (app === EXO || app === SPO)) ||
    (t === 'MicrosoftAdminPortals' && app === PORTAL)
  );
}

function signInCovered(p: ConditionalAccessPolicy, s: SignIn): boolean {
  const c = p.conditions;
  const a = c.applications ?? {};
  if (
    !(a.includeApplications ?? []).some((t) => targets(t, s.app)) ||
    (a.excludeApplications ?? []).some((t) => targets(t, s.app))
  )
    return false;
  const types = c.clientAppTypes ?? [];
  if (types.length && !types.includes('all') && !types.includes(s.client as never)) return false;
  const loc = c.locations;
  if (loc) {
    const inc = loc.includeLocations ?? [];
    if (inc.length && !inc.includes('All') && !inc.includes(s.location)) return false;
    if ((loc.excludeLocations ?? []).includes(s.location)) return false;
  }
  const plat = c.platforms;
  if (plat) {
    const inc = plat.includePlatforms ?? [];
    if (inc.length && !inc.includes('all') && !inc.includes(s.platform)) return false;
    if ((plat.excludePlatforms ?? []).includes(s.platform)) return false;
  }
  if (c.signInRiskLevels?.length && !c.signInRiskLevels.includes(s.signInRisk)) return false;
  if (c.userRiskLevels?.length && !c.userRiskLevels.includes(s.userRisk)) return false;
  return true;
}

/** Does every way of satisfying the grant include the requirement (or is it a block)? */
function grantMeets(p: ConditionalAccessPolicy, req: Requirement): { meets: boolean; block: boolean } {
  const g = p.grantControls;
  if (!g) return { meets: false, block: false };
  const controls = g.builtInControls ?? [];
  if (controls.includes('block')) return { meets: true, block: true };
  const satisfies = (name: string): boolean => {
    if (name === 'mfa') return req === 'mfa';
    if (name === STRENGTH.phishingResistant) return true;
    if (name === STRENGTH.mfa || name === STRENGTH.passwordless) return req === 'mfa';
    return false;
  };
  const alternatives = [...controls, ...(g.authenticationStrength?.id ? [g.authenticationStrength.id] : [])];
  if (!alternatives.length) return { meets: false, block: false };
  const and = (g.operator ?? 'OR').toUpperCase() === 'AND';
  return { meets: and ? alternatives.some(satisfies) : alternatives.every(satisfies), block: false };
}

function reference(policies: ConditionalAccessPolicy[], u: UserRow, appId: string, req: Requirement): MfaVerdict {
  const cases = signIns(appId);
  let conditional = false;
  for (const p of policies) {
    if (p.state !== 'enabled') continue;
    const g = grantMeets(p, req);
    if (!g.meets) continue;
    const allSignIns = cases.every((s) => signInCovered(p, s));
    const someSignIn = allSignIns || cases.some((s) => signInCovered(p, s));
    if (g.block && !allSignIns) continue;
    const allFacts = FACTS.every((f) => userCovered(p, u, f));
    const someFact = FACTS.some((f) => userCovered(p, u, f));
    if (allSignIns && allFacts) return 'enforced';
    if (someSignIn && someFact) conditional = true;
  }
  return conditional ? 'conditional' : 'not-enforced';
}

// ---- random policies -----------------------------------------------------------------------------

const sub = <T>(xs: T[]) => fc.subarray(xs);
const policyArb: fc.Arbitrary<ConditionalAccessPolicy> = fc
  .record({
    id: fc.uuid(),
    state: fc.constantFrom('enabled', 'enabled', 'disabled', 'enabledForReportingButNotEnforced'),
    includeUsers: fc.oneof(
      fc.constant(['All']),
      fc.constant(['None']),
      fc.constant(['GuestsOrExternalUsers']),
      sub(USERS.map((u) => u.id)),
    ),
    excludeUsers: sub([...USERS.map((u) => u.id), 'GuestsOrExternalUsers']),
    includeGroups: sub(['g1', 'g2', 'g3']),
    excludeGroups: sub(['g1', 'g2', 'g3']),
    includeRoles: sub([GA, UA]),
    excludeRoles: sub([GA, UA]),
    incGuests: fc.option(
      fc.record({
        types: fc.subarray(['internalGuest', 'b2bCollaborationGuest', 'b2bCollaborationMember'], { minLength: 1 }),
        kind: fc.constantFrom('all', 'enumerated'),
      }),
      { nil: undefined },
    ),
    excGuests: fc.option(
      fc.record({
        types: fc.subarray(['internalGuest', 'b2bCollaborationGuest', 'b2bCollaborationMember'], { minLength: 1 }),
        kind: fc.constantFrom('all', 'enumerated'),
      }),
      { nil: undefined },
    ),
    includeApplications: fc.oneof(
      fc.constant(['All']),
      fc.constant(['Office365']),
      fc.constant(['MicrosoftAdminPortals']),
      fc.subarray([EXO, PORTAL, GITHUB], { minLength: 1 }),
    ),
    excludeApplications: sub([EXO, GITHUB]),
    clientAppTypes: fc.oneof(
      fc.constant([] as string[]),
      fc.constant(['all']),
      fc.subarray(['browser', 'mobileAppsAndDesktopClients', 'exchangeActiveSync', 'other'], { minLength: 1 }),
    ),
    locations: fc.option(
      fc.record({ includeLocations: fc.constantFrom(['All'], ['L1'], ['L1', 'L2']), excludeLocations: sub(['L1']) }),
      { nil: undefined },
    ),
    platforms: fc.option(
      fc.record({
        includePlatforms: fc.constantFrom(['all'], ['android'], ['android', 'windows']),
        excludePlatforms: sub(['android', 'iOS']),
      }),
      { nil: undefined },
    ),
    signInRiskLevels: sub(['low', 'medium', 'high']),
    userRiskLevels: sub(['low', 'medium', 'high']),
    grant: fc.option(
      fc.record({
        operator: fc.constantFrom('AND', 'OR'),
        builtInControls: sub(['mfa', 'compliantDevice', 'domainJoinedDevice', 'approvedApplication', 'block']),
        strength: fc.option(fc.constantFrom(...Object.values(STRENGTH)), { nil: undefined }),
      }),
      { nil: null },
    ),
  })
  .map(
    (r) =>
      ({
        id: r.id,
        displayName: r.id,
        state: r.state as ConditionalAccessPolicy['state'],
        conditions: {
          users: {
            includeUsers: r.includeUsers,
            excludeUsers: r.excludeUsers,
            includeGroups: r.includeGroups,
            excludeGroups: r.excludeGroups,
            includeRoles: r.includeRoles,
            excludeRoles: r.excludeRoles,
            ...(r.incGuests
              ? {
                  includeGuestsOrExternalUsers: {
                    guestOrExternalUserTypes: r.incGuests.types.join(','),
                    externalTenants: {
                      membershipKind: r.incGuests.kind,
                      ...(r.incGuests.kind === 'enumerated' ? { members: ['home-tenant'] } : {}),
                    },
                  },
                }
              : {}),
            ...(r.excGuests
              ? {
                  excludeGuestsOrExternalUsers: {
                    guestOrExternalUserTypes: r.excGuests.types.join(','),
                    externalTenants: {
                      membershipKind: r.excGuests.kind,
                      ...(r.excGuests.kind === 'enumerated' ? { members: ['home-tenant'] } : {}),
                    },
                  },
                }
              : {}),
          },
          applications: { includeApplications: r.includeApplications, excludeApplications: r.excludeApplications },
          clientAppTypes: r.clientAppTypes,
          ...(r.locations ? { locations: r.locations } : {}),
          ...(r.platforms ? { platforms: r.platforms } : {}),
          signInRiskLevels: r.signInRiskLevels,
          userRiskLevels: r.userRiskLevels,
        },
        grantControls:
          r.grant === null
            ? null
            : {
                operator: r.grant.operator,
                builtInControls: r.grant.builtInControls,
                ...(r.grant.strength ? { authenticationStrength: { id: r.grant.strength } } : {}),
              },
      }) as unknown as ConditionalAccessPolicy,
  );

describe('conditional access evaluation vs a brute-force reference', () => {
  it('agrees on every user, app and requirement for random policy sets', () => {
    const directory = new DirectoryIndex(data, NOW);
    fc.assert(
      fc.property(fc.array(policyArb, { minLength: 1, maxLength: 4 }), (policies) => {
        const evaluator = new ConditionalAccessEvaluator(
          { policies, namedLocations: [], authenticationStrengths: [], securityDefaultsEnabled: false },
          directory,
        );
        for (const u of USERS)
          for (const appId of ['All', EXO, GITHUB])
            for (const requirement of ['mfa', 'phishing-resistant'] as const) {
              const got = evaluator.evaluate({ userId: u.id, appId, requirement }).verdict;
              expect(got, `${u.id} ${appId} ${requirement}`).toBe(reference(policies, u, appId, requirement));
            }
      }),
      { numRuns: 150 },
    );
  });
});
