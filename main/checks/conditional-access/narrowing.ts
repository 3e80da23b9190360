/**
 * Conditions that make a policy apply only sometimes: locations, device platforms, risk levels,
 * device filters, authentication flows, workload identities and client app types. A policy with
 * any of them enforces "conditionally", never always.
 */
import type { ConditionalAccessPolicy } from '../../../shared/ca-types.js';
import type { Match } from './user-scope.js';
import type { ClientAppType } from './well-known.js';

/** Which of the asked-for client app types the policy covers. */
export function clientAppScope(policy: ConditionalAccessPolicy, asked: readonly ClientAppType[]): { match: Match; reason: string } {
  const types = policy.conditions?.clientAppTypes ?? [];
  if (types.length === 0 || types.includes('all')) return { match: 'in', reason: 'all client apps' };
  const covered = asked.filter((t) => types.includes(t));
  if (covered.length === asked.length) return { match: 'in', reason: `client apps ${covered.join(', ')}` };
  if (covered.length === 0) return { match: 'out', reason: `only client apps ${types.join(', ')}` };
  return { match: 'maybe', reason: `only client apps ${types.join(', ')}` };
}

function nonEmpty(v: unknown): boolean {
  return Array.isArray(v) ? v.length > 0 : v !== null && v !== undefined;
}

/** True when every listed include is also excluded (or 'all' is excluded): the condition never holds. */
function cancels(include: readonly string[], exclude: readonly string[], all: string): boolean {
  const ex = new Set(exclude.map((x) => x.toLowerCase()));
  if (ex.has(all.toLowerCase())) return true;
  return include.length > 0 && !include.some((x) => x.toLowerCase() === all.toLowerCase()) && include.every((x) => ex.has(x.toLowerCase()));
}

/**
 * Why a policy can never apply to any sign-in (it excludes every platform or location it includes),
 * or null. Such a policy enforces nothing: not "conditional".
 */
export function neverApplies(policy: ConditionalAccessPolicy): string | null {
  const c = policy.conditions ?? {};
  const plat = c.platforms;
  if (plat && cancels(plat.includePlatforms ?? [], plat.excludePlatforms ?? [], 'all')) return 'excludes every platform it includes';
  const loc = c.locations;
  if (loc && cancels(loc.includeLocations ?? [], loc.excludeLocations ?? [], 'All')) return 'excludes every location it includes';
  return null;
}

/** Reasons the policy applies only under some conditions (empty when it always applies). */
export function narrowingConditions(policy: ConditionalAccessPolicy, locationName: (id: string) => string = (id) => id): string[] {
  const c = (policy.conditions ?? {}) as ConditionalAccessPolicy['conditions'] & Record<string, unknown>;
  const out: string[] = [];
  const loc = c.locations;
  if (loc) {
    const include = loc.includeLocations ?? [];
    const exclude = loc.excludeLocations ?? [];
    if (include.length && !include.includes('All')) out.push(`only from locations ${include.map(locationName).join(', ')}`);
    if (exclude.length) out.push(`not from locations ${exclude.map(locationName).join(', ')}`);
  }
  const plat = c.platforms;
  if (plat) {
    const include = plat.includePlatforms ?? [];
    if (include.length && !include.includes('all')) out.push(`only on platforms ${include.join(', ')}`);
    if (plat.excludePlatforms?.length) out.push(`not on platforms ${plat.excludePlatforms.join(', ')}`);
  }
  if (c.signInRiskLevels?.length) out.push(`only at sign-in risk ${c.signInRiskLevels.join(', ')}`);
  if (c.userRiskLevels?.length) out.push(`only at user risk ${c.userRiskLevels.join(', ')}`);
  if (c.servicePrincipalRiskLevels?.length) out.push(`only at service principal risk ${c.servicePrincipalRiskLevels.join(', ')}`);
  if (nonEmpty(c.insiderRiskLevels) && c.insiderRiskLevels !== '') out.push(`only at insider risk ${String(c.insiderRiskLevels)}`);
  const devices = c.devices as { deviceFilter?: { mode?: string; rule?: string } | null; includeDevices?: string[]; excludeDevices?: string[] } | null | undefined;
  if (devices?.deviceFilter?.rule) out.push(`device filter (${devices.deviceFilter.mode ?? 'include'}): ${devices.deviceFilter.rule}`);
  else if (devices?.includeDevices?.length || devices?.excludeDevices?.length) out.push('device states condition');
  const flows = c.authenticationFlows as { transferMethods?: string } | null | undefined;
  if (flows?.transferMethods) out.push(`only for authentication flows ${flows.transferMethods}`);
  const apps = c.clientApplications as { includeServicePrincipals?: string[] } | null | undefined;
  if (apps?.includeServicePrincipals?.length) out.push('targets workload identities');
  if (nonEmpty(c.times)) out.push('only at some times');
  return out;
}
