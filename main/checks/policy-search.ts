/**
 * Tenant-wide conditional access questions ("is there an enabled policy that blocks legacy
 * authentication for everyone?"): policy predicates, exclusions beyond emergency-access accounts,
 * and a standard way to report the finding.
 */
import type { ConditionalAccessPolicy } from '../../shared/ca-types.js';
import type { CheckContext } from './context.js';
import { narrowingConditions } from './conditional-access/narrowing.js';
import { tenantEntity, type Emit } from './define-check.js';

export function targetsAllUsers(p: ConditionalAccessPolicy): boolean {
  return (p.conditions?.users?.includeUsers ?? []).includes('All');
}

export function targetsAllApps(p: ConditionalAccessPolicy): boolean {
  const a = p.conditions?.applications;
  return (a?.includeApplications ?? []).includes('All') && !(a?.excludeApplications ?? []).length;
}

export function blocks(p: ConditionalAccessPolicy): boolean {
  return (p.grantControls?.builtInControls ?? []).some((c) => c.toLowerCase() === 'block');
}

export function requiresControl(p: ConditionalAccessPolicy, control: string): boolean {
  return (p.grantControls?.builtInControls ?? []).some((c) => c.toLowerCase() === control.toLowerCase());
}

/** Conditions narrowing the policy other than the ones a question is about (e.g. client app types). */
export function otherNarrowing(p: ConditionalAccessPolicy, ignore: (reason: string) => boolean = () => false): string[] {
  return narrowingConditions(p).filter((r) => !ignore(r));
}

/** True when the policy excludes anyone at all (users, groups, roles or guest types). */
export function hasExclusions(p: ConditionalAccessPolicy): boolean {
  const u = p.conditions?.users ?? {};
  return !!(u.excludeUsers?.length || u.excludeGroups?.length || u.excludeRoles?.length || u.excludeGuestsOrExternalUsers);
}

/** Exclusions that reach beyond emergency-access accounts: users, groups, roles, guests. */
export function exclusionsBeyondEmergency(ctx: CheckContext, p: ConditionalAccessPolicy): string[] {
  const u = p.conditions?.users ?? {};
  const emergency = ctx.emergencyAccounts();
  const dir = ctx.directory();
  const out: string[] = [];
  for (const id of u.excludeUsers ?? []) {
    if (!emergency.has(id)) out.push(id === 'GuestsOrExternalUsers' ? 'guests or external users' : `user ${ctx.usersById().get(id)?.userPrincipalName ?? id}`);
  }
  for (const g of u.excludeGroups ?? []) {
    const members = [...dir.usersOfGroup(g)];
    if (!members.length || members.some((m) => !emergency.has(m))) out.push(`group ${g} (${members.length} users)`);
  }
  for (const r of u.excludeRoles ?? []) out.push(`role ${ctx.roleName(r)}`);
  if (u.excludeGuestsOrExternalUsers) out.push('guest or external user types');
  return out;
}

/**
 * Reports one tenant-wide finding: pass when an enabled policy qualifies (its name in evidence);
 * otherwise fail, naming report-only or disabled policies that would have qualified.
 */
export function reportPolicyRequirement(
  ctx: CheckContext, emit: Emit, entityName: string, entityId: string, what: string,
  qualifies: (p: ConditionalAccessPolicy) => boolean,
): void {
  const matching = ctx.sortedPolicies().filter(qualifies);
  const enabled = matching.filter((p) => p.state === 'enabled');
  const dormant = matching.filter((p) => p.state !== 'enabled');
  const entity = tenantEntity(entityName, entityId);
  const names = (ps: ConditionalAccessPolicy[]) => ps.map((p) => `"${p.displayName}"`).join(', ');
  const evidence = { enabledPolicies: names(enabled), notEnforcedPolicies: names(dormant), policiesInTenant: ctx.policies().length };
  if (enabled.length) emit(entity, 'pass', `${what}: ${names(enabled)}`, evidence);
  else if (dormant.length) emit(entity, 'fail', `No enabled policy ${what.toLowerCase()}; ${names(dormant)} would, but is report-only or disabled`, evidence);
  else emit(entity, 'fail', `No policy ${what.toLowerCase()}`, evidence);
}
