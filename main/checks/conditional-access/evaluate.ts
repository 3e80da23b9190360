/**
 * The one answer checks ask of conditional access: does an enabled policy enforce MFA (or
 * phishing-resistant MFA) for user X on app Y with modern clients? "enforced" needs a policy in
 * state enabled that surely covers the user, the app and the client types, with no narrowing
 * condition, and whose grant requires the level (or blocks outright). "conditional" means some
 * policy requires it only sometimes or for a part (or the snapshot cannot tell). Report-only and
 * disabled policies never count; they are listed for the evidence.
 *
 * Decisions (documented in docs of the checks): PIM-eligible role assignments count as holding the
 * role (a role-scoped policy applies whenever the role is activated, which is when the privilege
 * exists); pass `eligibleRoles: 'ignore'` to evaluate standing access only. Security defaults,
 * when on, enforce MFA for the administrator roles Microsoft lists and only "when necessary" for
 * everyone else (conditional).
 */
import type { AuthenticationStrengthPolicy, ConditionalAccessPolicy, NamedLocation } from '../../../shared/ca-types.js';
import type { UserRow } from '../../../shared/snapshot.js';
import { appScope, type AppScope } from './app-scope.js';
import type { DirectoryIndex } from './directory-index.js';
import { grantStrength, type GrantLevel, type GrantStrength } from './grant-strength.js';
import { clientAppScope, narrowingConditions, neverApplies } from './narrowing.js';
import { guestTypeOf, userScope, type EligibleRoles, type Match } from './user-scope.js';
import { MODERN_CLIENT_APP_TYPES, SECURITY_DEFAULTS_ADMIN_ROLES, type ClientAppType } from './well-known.js';

export type Requirement = 'mfa' | 'phishing-resistant';
export type MfaVerdict = 'enforced' | 'conditional' | 'not-enforced';

export interface MfaQuery {
  userId: string;
  /** Application (client) id, or 'All' for every app the user may reach. Default 'All'. */
  appId?: string;
  /** Default: modern clients (browser, mobile apps and desktop clients). */
  clientAppTypes?: readonly ClientAppType[];
  requirement?: Requirement;
  eligibleRoles?: EligibleRoles;
}

export interface PolicyRef {
  id: string;
  displayName: string;
}

export type PolicyEffectKind =
  | 'enforces' | 'blocks' | 'conditional' | 'excluded' | 'not-applicable' | 'weaker-grant' | 'report-only' | 'disabled';

export interface PolicyEffect {
  policy: PolicyRef;
  kind: PolicyEffectKind;
  reasons: string[];
}

export interface MfaEvaluation {
  verdict: MfaVerdict;
  requirement: Requirement;
  /** Enabled policies that surely require the level (or block) for this user and app. */
  enforcedBy: PolicyRef[];
  /** Enabled policies that require it only sometimes, with why. */
  conditionalBy: { policy: PolicyRef; reasons: string[] }[];
  /** Enabled policies that would enforce it but exclude this user. */
  excludedFrom: PolicyRef[];
  /** Report-only policies that would enforce it if switched on. */
  reportOnly: PolicyRef[];
  /** True when the verdict rests on security defaults. */
  securityDefaults: boolean;
  summary: string;
}

export interface CaInputs {
  policies: ConditionalAccessPolicy[];
  namedLocations: NamedLocation[];
  authenticationStrengths: AuthenticationStrengthPolicy[];
  securityDefaultsEnabled: boolean | null;
  /** Display names of the tenant's apps by app id, to word the apps a policy targets or excludes. */
  appNames?: ReadonlyMap<string, string>;
}

interface Prepared {
  policy: ConditionalAccessPolicy;
  ref: PolicyRef;
  grant: GrantStrength;
  narrowing: string[];
  /** Why the policy can never apply (include and exclude cancel out), or null. */
  never: string | null;
  apps: Map<string, AppScope>;
}

const RANK: Record<GrantLevel, number> = { none: 0, mfa: 1, 'phishing-resistant': 2 };

/** Report order of policies: display name, then id, by code units (the same on every machine and locale). */
export function byPolicyName(a: ConditionalAccessPolicy, b: ConditionalAccessPolicy): number {
  const x = a.displayName ?? '';
  const y = b.displayName ?? '';
  return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function combine(a: Match, b: Match): Match {
  if (a === 'out' || b === 'out') return 'out';
  return a === 'in' && b === 'in' ? 'in' : 'maybe';
}

/** Evaluates conditional access for users; policies are prepared once, users are cheap. */
export class ConditionalAccessEvaluator {
  private readonly prepared: Prepared[];
  /**
   * Users alike in everything policies look at share one answer per question (200k users, few
   * policies): answers by question, then by the user's signature number.
   */
  private readonly cache = new Map<string, MfaEvaluation[]>();
  private readonly referenced: { users: Set<string>; groups: Set<string>; roles: Set<string> };
  private readonly appName: (id: string) => string;

  constructor(readonly inputs: CaInputs, readonly directory: DirectoryIndex) {
    const strengths = new Map(inputs.authenticationStrengths.map((s) => [s.id, s]));
    const locations = new Map(inputs.namedLocations.map((l) => [l.id, l.displayName]));
    const locationName = (id: string) =>
      id === 'AllTrusted' ? 'all trusted locations' : locations.has(id) ? `"${locations.get(id)}"` : id;
    const appNames = new Map([...(inputs.appNames ?? [])].map(([id, name]) => [id.toLowerCase(), name]));
    this.appName = (id) => {
      const name = appNames.get(id.toLowerCase());
      return name === undefined ? id : `"${name}"`;
    };
    this.prepared = [...inputs.policies]
      .sort(byPolicyName)
      .map((policy) => ({
        policy,
        ref: { id: policy.id, displayName: policy.displayName },
        grant: grantStrength(policy, strengths),
        narrowing: narrowingConditions(policy, locationName),
        never: neverApplies(policy),
        apps: new Map(),
      }));
    const users = new Set<string>();
    const groups = new Set<string>();
    const roles = new Set<string>(SECURITY_DEFAULTS_ADMIN_ROLES);
    for (const p of inputs.policies) {
      const u = p.conditions?.users ?? {};
      for (const id of [...(u.includeUsers ?? []), ...(u.excludeUsers ?? [])]) users.add(id);
      for (const id of [...(u.includeGroups ?? []), ...(u.excludeGroups ?? [])]) groups.add(id);
      for (const id of [...(u.includeRoles ?? []), ...(u.excludeRoles ?? [])]) roles.add(id);
    }
    this.referenced = { users, groups, roles };
  }

  /** Each signature's number, and each user's signature number (by user id). */
  private readonly signatureNumbers = new Map<string, number>();
  private readonly userSignatures = new Map<string, number>();

  /**
   * The number of the user's signature (what distinguishes a user for the policies: referenced
   * groups, roles, the user's own id, guest type); users with one number get one answer to every
   * question. -1 for an id the directory does not know.
   */
  signatureOf(userId: string): number {
    let n = this.userSignatures.get(userId);
    if (n === undefined) {
      const user = this.directory.user(userId);
      if (!user) return -1;
      const sig = this.computeSignature(user);
      n = this.signatureNumbers.get(sig);
      if (n === undefined) this.signatureNumbers.set(sig, (n = this.signatureNumbers.size));
      this.userSignatures.set(userId, n);
    }
    return n;
  }

  private computeSignature(user: UserRow): string {
    const { users, roles } = this.referenced;
    const held = this.directory.rolesOf(user.id);
    const pick = (set: ReadonlySet<string>) => (set.size ? [...set].filter((x) => roles.has(x)).sort().join(',') : '');
    return `${users.has(user.id) ? user.id : ''}|${this.referencedGroupsOf(user.id)}|${pick(held.active)}|${pick(held.eligible)}|${pick(held.scoped)}|${guestTypeOf(user) ?? ''}`;
  }

  /** Policy-referenced groups among a group and the groups it is nested in, by group id. */
  private readonly referencedAbove = new Map<string, readonly string[]>();

  /** The policy-referenced groups a user is in (directly or nested), sorted and joined; no set of all its groups. */
  private referencedGroupsOf(userId: string): string {
    const out: string[] = [];
    for (const g of this.directory.directGroupsOf(userId)) {
      let above = this.referencedAbove.get(g);
      if (!above) {
        const keep = this.referenced.groups;
        const list = keep.has(g) ? [g] : [];
        for (const a of this.directory.groupClosure(g)) if (keep.has(a) && a !== g) list.push(a);
        this.referencedAbove.set(g, (above = list));
      }
      for (const r of above) if (!out.includes(r)) out.push(r);
    }
    return out.length ? out.sort().join(',') : '';
  }

  /** Every policy, in a stable order (display name, then id). */
  policies(): ConditionalAccessPolicy[] {
    return this.prepared.map((p) => p.policy);
  }

  private appScopeOf(p: Prepared, appId: string): AppScope {
    let s = p.apps.get(appId);
    if (!s) p.apps.set(appId, (s = appScope(p.policy, appId, this.appName)));
    return s;
  }

  /** What one policy does for the query, ignoring its state (the caller looks at state). */
  private effectAsIfEnabled(p: Prepared, user: UserRow, q: Required<MfaQuery>): PolicyEffect {
    const meets = p.grant.block || RANK[p.grant.level] >= RANK[q.requirement];
    if (!meets) return { policy: p.ref, kind: 'weaker-grant', reasons: [p.grant.description] };
    if (p.never) return { policy: p.ref, kind: 'not-applicable', reasons: [p.never] };
    const app = this.appScopeOf(p, q.appId);
    if (app.match === 'out') return { policy: p.ref, kind: 'not-applicable', reasons: app.reasons };
    const client = clientAppScope(p.policy, q.clientAppTypes);
    if (client.match === 'out') return { policy: p.ref, kind: 'not-applicable', reasons: [client.reason] };
    // A block that only bites under some condition (legacy clients, high risk) is no MFA control.
    if (p.grant.block && (p.narrowing.length || client.match !== 'in' || app.match !== 'in')) {
      return { policy: p.ref, kind: 'not-applicable', reasons: ['blocks only under conditions', ...p.narrowing] };
    }
    const scope = userScope(p.policy, user, this.directory, q.eligibleRoles);
    if (scope.match === 'out') {
      return { policy: p.ref, kind: scope.excluded ? 'excluded' : 'not-applicable', reasons: scope.reasons };
    }
    const match = combine(combine(scope.match, app.match), client.match);
    const reasons = [
      ...(scope.match === 'maybe' ? scope.reasons : []),
      ...(app.match === 'maybe' ? app.reasons : []),
      ...(client.match === 'maybe' ? [client.reason] : []),
      ...p.narrowing,
    ];
    if (match === 'in' && p.narrowing.length === 0) {
      return { policy: p.ref, kind: p.grant.block ? 'blocks' : 'enforces', reasons: [p.grant.description] };
    }
    return { policy: p.ref, kind: 'conditional', reasons };
  }

  /** Every policy's effect on the query, state included, in stable order. */
  effects(query: MfaQuery): PolicyEffect[] {
    const q = this.normalise(query);
    const user = this.directory.user(q.userId);
    if (!user) return [];
    return this.prepared.map((p) => {
      const e = this.effectAsIfEnabled(p, user, q);
      if (p.policy.state === 'disabled') return { ...e, kind: 'disabled' as const };
      const wouldAct = e.kind === 'enforces' || e.kind === 'blocks' || e.kind === 'conditional';
      if (p.policy.state === 'enabledForReportingButNotEnforced' && wouldAct) return { ...e, kind: 'report-only' as const };
      return e;
    });
  }

  /** Does conditional access (or security defaults) enforce the requirement for this user and app? */
  evaluate(query: MfaQuery): MfaEvaluation {
    return this.question(query)(query.userId);
  }

  /**
   * One question (app, requirement, clients, eligible roles) asked for many users: the same answers
   * as `evaluate`, without preparing the question again for each user.
   */
  question(query: Omit<MfaQuery, 'userId'>): (userId: string, signature?: number) => MfaEvaluation {
    const q = this.normalise({ ...query, userId: '' });
    const key = `${q.appId}#${q.requirement}#${q.clientAppTypes.join(',')}#${q.eligibleRoles}`;
    let answers = this.cache.get(key);
    if (!answers) this.cache.set(key, (answers = []));
    const known = answers;
    // `signature`, when the caller has it (signatureOf of this user), saves looking it up again.
    return (userId, signature) => {
      const n = signature ?? this.signatureOf(userId);
      if (n < 0) return this.evaluateUncached({ ...q, userId });
      let hit = known[n];
      if (!hit) known[n] = hit = this.evaluateUncached({ ...q, userId });
      return hit;
    };
  }

  private evaluateUncached(q: Required<MfaQuery>): MfaEvaluation {
    const enforcedBy: PolicyRef[] = [];
    const conditionalBy: { policy: PolicyRef; reasons: string[] }[] = [];
    const excludedFrom: PolicyRef[] = [];
    const reportOnly: PolicyRef[] = [];
    for (const e of this.effects(q)) {
      if (e.kind === 'enforces' || e.kind === 'blocks') enforcedBy.push(e.policy);
      else if (e.kind === 'conditional') conditionalBy.push({ policy: e.policy, reasons: e.reasons });
      else if (e.kind === 'excluded') excludedFrom.push(e.policy);
      else if (e.kind === 'report-only') reportOnly.push(e.policy);
    }
    let verdict: MfaVerdict = enforcedBy.length ? 'enforced' : conditionalBy.length ? 'conditional' : 'not-enforced';
    let securityDefaults = false;
    if (verdict !== 'enforced' && this.inputs.securityDefaultsEnabled === true && q.requirement === 'mfa') {
      const roles = this.directory.rolesOf(q.userId);
      const admin = [...SECURITY_DEFAULTS_ADMIN_ROLES].some((r) => roles.active.has(r) || (q.eligibleRoles === 'count' && roles.eligible.has(r)));
      securityDefaults = true;
      verdict = admin ? 'enforced' : 'conditional';
    }
    return { verdict, requirement: q.requirement, enforcedBy, conditionalBy, excludedFrom, reportOnly, securityDefaults, summary: summarise(verdict, q, enforcedBy, conditionalBy, excludedFrom, reportOnly, securityDefaults) };
  }

  private normalise(query: MfaQuery): Required<MfaQuery> {
    return {
      userId: query.userId,
      appId: query.appId ?? 'All',
      clientAppTypes: query.clientAppTypes ?? MODERN_CLIENT_APP_TYPES,
      requirement: query.requirement ?? 'mfa',
      eligibleRoles: query.eligibleRoles ?? 'count',
    };
  }
}

function names(refs: PolicyRef[]): string {
  return refs.map((r) => `"${r.displayName}"`).join(', ');
}

function summarise(
  verdict: MfaVerdict, q: Required<MfaQuery>, enforcedBy: PolicyRef[], conditionalBy: { policy: PolicyRef; reasons: string[] }[],
  excludedFrom: PolicyRef[], reportOnly: PolicyRef[], securityDefaults: boolean,
): string {
  const what = q.requirement === 'phishing-resistant' ? 'phishing-resistant MFA' : 'MFA';
  if (verdict === 'enforced') {
    return securityDefaults && !enforcedBy.length ? `${what} enforced by security defaults (administrator role)` : `${what} enforced by ${names(enforcedBy)}`;
  }
  const parts: string[] = [];
  if (verdict === 'conditional') {
    if (securityDefaults && !conditionalBy.length) parts.push(`security defaults require ${what} only when Microsoft deems it necessary`);
    for (const c of conditionalBy) parts.push(`"${c.policy.displayName}" requires ${what} but ${c.reasons.join('; ')}`);
  } else parts.push(`no enabled policy requires ${what}`);
  if (excludedFrom.length) parts.push(`excluded from ${names(excludedFrom)}`);
  if (reportOnly.length) parts.push(`report-only (not enforced): ${names(reportOnly)}`);
  return parts.join('; ');
}
