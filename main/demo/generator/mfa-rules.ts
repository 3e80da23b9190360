/**
 * The ground truth's own answer to "is MFA required for this user on this app, every time?": it reads
 * the MFA rules the generator attached to its policies (conditional-access.ts), never the Graph
 * policy objects, so it is a statement independent of the checks' conditional access evaluator.
 */
import type { MfaRule } from './conditional-access.js';

/** Asking about every app the user may reach (a rule must cover all apps, with no exception). */
export const EVERY_APP = 'All';

/** Microsoft's "Windows Azure Service Management API" (Azure portal, CLI, PowerShell, Resource Manager). */
export const AZURE_MANAGEMENT_APP_ID = '797f4846-ba00-4fd7-ba43-dac1f8f63013';

/** What the rules need to know about a user. */
export interface RuleSubject {
  id: string;
  guest: boolean;
  /** Directory roles held, active or PIM-eligible, directly or through a group (template ids). */
  roles: ReadonlySet<string>;
}

function appCovered(rule: MfaRule, appId: string): boolean {
  if ('only' in rule.apps) return appId !== EVERY_APP && rule.apps.only.includes(appId);
  return appId === EVERY_APP ? rule.apps.except.length === 0 : !rule.apps.except.includes(appId);
}

/** True when the rule's audience takes in the user (exclusions apart). */
export function inAudience(rule: MfaRule, u: RuleSubject, members: (groupId: string) => ReadonlySet<string>): boolean {
  const a = rule.audience;
  if ('all' in a) return true;
  if ('guests' in a) return u.guest;
  if ('roleIds' in a) return a.roleIds.some((r) => u.roles.has(r));
  return members(a.groupId).has(u.id);
}

/** True when the user is left out of the rule by name or through an excluded group. */
export function excludedFrom(rule: MfaRule, userId: string, members: (groupId: string) => ReadonlySet<string>): boolean {
  return rule.excludeUserIds.includes(userId) || rule.excludeGroupIds.some((g) => members(g).has(userId));
}

/** Does some rule require `level` (phishing-resistant satisfies mfa) of the user on the app, every time? */
export function mfaRequired(
  rules: readonly MfaRule[], u: RuleSubject, appId: string, level: MfaRule['level'], members: (groupId: string) => ReadonlySet<string>,
): boolean {
  return rules.some((r) => (level === 'mfa' || r.level === 'phishing-resistant')
    && appCovered(r, appId) && inAudience(r, u, members) && !excludedFrom(r, u.id, members));
}

/**
 * What the rules can tell users apart by: being named, guest or not, the roles and groups the rules
 * name. Users with one signature get one answer, so a 200k-user tenant needs a few evaluations only.
 */
export function ruleSignature(rules: readonly MfaRule[], members: (groupId: string) => ReadonlySet<string>): (u: RuleSubject) => string {
  const roleIds = new Set(rules.flatMap((r) => ('roleIds' in r.audience ? r.audience.roleIds : [])));
  const groupIds = [...new Set(rules.flatMap((r) => [...r.excludeGroupIds, ...('groupId' in r.audience ? [r.audience.groupId] : [])]))];
  const named = new Set(rules.flatMap((r) => r.excludeUserIds));
  const groupSets = groupIds.map(members);
  const special = new Set([...named, ...groupSets.flatMap((g) => [...g])]);
  return (u) => {
    if (!u.roles.size && !special.has(u.id)) return u.guest ? 'guest' : 'member'; // most users: named by nothing the rules look at
    const roles = u.roles.size ? [...u.roles].filter((r) => roleIds.has(r)).sort().join(',') : '';
    let key = named.has(u.id) ? `${u.id}|${roles}|` : `|${roles}|`;
    key += u.guest ? '1' : '0';
    for (const g of groupSets) key += g.has(u.id) ? '1' : '0';
    return key;
  };
}
