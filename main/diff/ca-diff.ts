/**
 * Conditional access policy changes, field by field and in words: "excluded group Break Glass from
 * policy Require MFA", "changed state of policy X from enabled to report-only". Every field is
 * compared: those without a sentence of their own are reported by path, so no change goes unsaid.
 */
import type { ConditionalAccessPolicy } from '../../shared/ca-types.js';
import type { DiffChange } from './diff-types.js';
import type { Names } from './names.js';

type Policy = ConditionalAccessPolicy;

const STATE_WORDS: Record<string, string> = { enabled: 'enabled', disabled: 'disabled', enabledForReportingButNotEnforced: 'report-only' };
const stateWords = (s: string) => STATE_WORDS[s] ?? s;

interface ListField {
  /** Dotted path inside the policy (also removed from the catch-all comparison). */
  path: string;
  mode: 'include' | 'exclude' | 'list' | 'grant';
  thing: (value: string, names: Names) => string;
}

const userThing = (v: string, n: Names) => (v === 'All' || v === 'None' || v === 'GuestsOrExternalUsers' ? `${n.user(v)} users` : `user ${n.user(v)}`);
const LISTS: ListField[] = [
  { path: 'conditions.users.includeUsers', mode: 'include', thing: userThing },
  { path: 'conditions.users.excludeUsers', mode: 'exclude', thing: userThing },
  { path: 'conditions.users.includeGroups', mode: 'include', thing: (v, n) => `group ${n.group(v)}` },
  { path: 'conditions.users.excludeGroups', mode: 'exclude', thing: (v, n) => `group ${n.group(v)}` },
  { path: 'conditions.users.includeRoles', mode: 'include', thing: (v, n) => `role ${n.role(v)}` },
  { path: 'conditions.users.excludeRoles', mode: 'exclude', thing: (v, n) => `role ${n.role(v)}` },
  { path: 'conditions.applications.includeApplications', mode: 'include', thing: (v, n) => `application ${n.app(v)}` },
  { path: 'conditions.applications.excludeApplications', mode: 'exclude', thing: (v, n) => `application ${n.app(v)}` },
  { path: 'conditions.applications.includeUserActions', mode: 'include', thing: (v) => `user action ${v}` },
  { path: 'conditions.applications.includeAuthenticationContextClassReferences', mode: 'include', thing: (v) => `authentication context ${v}` },
  { path: 'conditions.locations.includeLocations', mode: 'include', thing: (v, n) => `location ${n.location(v)}` },
  { path: 'conditions.locations.excludeLocations', mode: 'exclude', thing: (v, n) => `location ${n.location(v)}` },
  { path: 'conditions.platforms.includePlatforms', mode: 'include', thing: (v) => `platform ${v}` },
  { path: 'conditions.platforms.excludePlatforms', mode: 'exclude', thing: (v) => `platform ${v}` },
  { path: 'conditions.clientAppTypes', mode: 'list', thing: (v) => `client app type ${v}` },
  { path: 'conditions.signInRiskLevels', mode: 'list', thing: (v) => `sign-in risk level ${v}` },
  { path: 'conditions.userRiskLevels', mode: 'list', thing: (v) => `user risk level ${v}` },
  { path: 'conditions.servicePrincipalRiskLevels', mode: 'list', thing: (v) => `service principal risk level ${v}` },
  { path: 'grantControls.builtInControls', mode: 'grant', thing: (v) => v },
  { path: 'grantControls.customAuthenticationFactors', mode: 'grant', thing: (v) => `custom factor ${v}` },
  { path: 'grantControls.termsOfUse', mode: 'grant', thing: (v) => `terms of use ${v}` },
];

/** Paths with a sentence of their own, left out of the catch-all comparison. */
const HANDLED = ['id', 'displayName', 'state', 'createdDateTime', 'modifiedDateTime', 'grantControls.operator',
  'grantControls.authenticationStrength', ...LISTS.map((l) => l.path)];

function get(obj: unknown, path: string): unknown {
  let cur = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** A deep copy without the handled paths, and without `@odata.*` annotations. */
function strip(policy: Policy): unknown {
  const copy = JSON.parse(JSON.stringify(policy)) as Record<string, unknown>;
  for (const path of HANDLED) {
    const parts = path.split('.');
    const parent = parts.length === 1 ? copy : get(copy, parts.slice(0, -1).join('.'));
    if (parent && typeof parent === 'object') delete (parent as Record<string, unknown>)[parts[parts.length - 1]];
  }
  return copy;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const canonical = (v: unknown): string => JSON.stringify(v, (_k, val: unknown) =>
  isObject(val) ? Object.fromEntries(Object.keys(val).sort().map((k) => [k, val[k]])) : val) ?? 'null';
/** null, undefined, [] and {} all mean "not set" in Graph's policy JSON. */
const isEmpty = (v: unknown) => v === null || v === undefined || (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0);

/** Paths (with before/after JSON) where two stripped policies differ. */
function otherDifferences(a: unknown, b: unknown, prefix: string, out: { path: string; before: string; after: string }[]): void {
  if (isEmpty(a) && isEmpty(b)) return;
  if (isObject(a) && isObject(b)) {
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      if (k.startsWith('@odata.')) continue;
      otherDifferences(a[k], b[k], prefix ? `${prefix}.${k}` : k, out);
    }
    return;
  }
  if (canonical(a) !== canonical(b)) out.push({ path: prefix, before: canonical(a ?? null), after: canonical(b ?? null) });
}

const listOf = (p: Policy, path: string) => {
  const v = get(p, path);
  return Array.isArray(v) ? (v as string[]) : [];
};

/** What changed in one policy present in both snapshots. */
function diffPolicy(a: Policy, b: Policy, names: Names): DiffChange[] {
  const name = b.displayName;
  const out: DiffChange[] = [];
  const push = (description: string, before: string | null, after: string | null) =>
    out.push({ section: 'conditional-access', kind: 'changed', entityType: 'policy', entityId: b.id, entityName: name, description, before, after });

  if (a.displayName !== b.displayName) push(`renamed policy ${a.displayName} to ${b.displayName}`, a.displayName, b.displayName);
  if (a.state !== b.state) push(`changed state of policy ${name} from ${stateWords(a.state)} to ${stateWords(b.state)}`, stateWords(a.state), stateWords(b.state));

  for (const field of LISTS) {
    const before = new Set(listOf(a, field.path));
    const after = new Set(listOf(b, field.path));
    for (const v of after) {
      if (before.has(v)) continue;
      const thing = field.thing(v, names);
      const text = field.mode === 'exclude' ? `excluded ${thing} from policy ${name}`
        : field.mode === 'include' ? `included ${thing} in policy ${name}`
        : field.mode === 'grant' ? `policy ${name} now requires ${thing}`
        : `added ${thing} to policy ${name}`;
      push(text, null, v);
    }
    for (const v of before) {
      if (after.has(v)) continue;
      const thing = field.thing(v, names);
      const text = field.mode === 'exclude' ? `removed the exclusion of ${thing} from policy ${name}`
        : field.mode === 'include' ? `policy ${name} no longer includes ${thing}`
        : field.mode === 'grant' ? `policy ${name} no longer requires ${thing}`
        : `removed ${thing} from policy ${name}`;
      push(text, v, null);
    }
  }

  const opA = a.grantControls?.operator ?? null;
  const opB = b.grantControls?.operator ?? null;
  if (opA !== opB && opA && opB) push(`changed the grant operator of policy ${name} from ${opA} to ${opB}`, opA, opB);
  const strength = (p: Policy) => p.grantControls?.authenticationStrength ?? null;
  const sA = strength(a);
  const sB = strength(b);
  if ((sA?.id ?? null) !== (sB?.id ?? null)) {
    const words = (s: typeof sA) => (s ? `authentication strength ${s.displayName ?? s.id}` : null);
    const text = !sA ? `policy ${name} now requires ${words(sB)}`
      : !sB ? `policy ${name} no longer requires ${words(sA)}`
      : `changed the authentication strength of policy ${name} from ${sA.displayName ?? sA.id} to ${sB.displayName ?? sB.id}`;
    push(text, words(sA), words(sB));
  }

  const others: { path: string; before: string; after: string }[] = [];
  otherDifferences(strip(a), strip(b), '', others);
  for (const o of others) {
    const text = o.before === 'null' ? `set ${o.path} of policy ${name} to ${o.after}`
      : o.after === 'null' ? `cleared ${o.path} of policy ${name} (was ${o.before})`
      : `changed ${o.path} of policy ${name} from ${o.before} to ${o.after}`;
    push(text, o.before, o.after);
  }
  return out;
}

/** Policies added, deleted or changed between two snapshots (matched by policy id). */
export function diffConditionalAccess(oldPolicies: readonly Policy[], newPolicies: readonly Policy[], names: Names): DiffChange[] {
  const before = new Map(oldPolicies.map((p) => [p.id, p]));
  const after = new Map(newPolicies.map((p) => [p.id, p]));
  const out: DiffChange[] = [];
  for (const p of newPolicies) {
    const old = before.get(p.id);
    if (old) out.push(...diffPolicy(old, p, names));
    else out.push({ section: 'conditional-access', kind: 'added', entityType: 'policy', entityId: p.id, entityName: p.displayName,
      description: `added policy ${p.displayName} (${stateWords(p.state)})`, before: null, after: stateWords(p.state) });
  }
  for (const p of oldPolicies) {
    if (after.has(p.id)) continue;
    out.push({ section: 'conditional-access', kind: 'removed', entityType: 'policy', entityId: p.id, entityName: p.displayName,
      description: `deleted policy ${p.displayName} (was ${stateWords(p.state)})`, before: stateWords(p.state), after: null });
  }
  return out;
}
