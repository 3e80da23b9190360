/**
 * Whether a policy's users condition covers one user: includes and excludes of users, groups
 * (transitive), directory roles and guest or external user types, with exclusion winning.
 * Answers are three-valued: "maybe" marks what the snapshot cannot settle (an external tenant
 * list, a scoped role), so a verdict built on it is "conditional", never "enforced".
 */
import type { ConditionalAccessPolicy } from '../../../shared/ca-types.js';
import type { UserRow } from '../../../shared/snapshot.js';
import type { DirectoryIndex } from './directory-index.js';

export type Match = 'in' | 'out' | 'maybe';

/** How PIM-eligible role assignments count for role conditions. */
export type EligibleRoles = 'count' | 'ignore';

export interface UserScope {
  match: Match;
  /** True when the user would be included but an exclusion removes (or may remove) them. */
  excluded: boolean;
  /** Human-readable grounds, e.g. "included: All users", "excluded: group Break glass". */
  reasons: string[];
}

type GuestType = 'internalGuest' | 'b2bCollaborationGuest' | 'b2bCollaborationMember';

/** The guest or external user type Graph would assign this local user object, if any. */
export function guestTypeOf(user: UserRow): GuestType | null {
  const external = user.userPrincipalName.includes('#EXT#');
  if (user.userType === 'Guest') return external ? 'b2bCollaborationGuest' : 'internalGuest';
  return external ? 'b2bCollaborationMember' : null;
}

/** The facts a snapshot cannot settle: whether scoped role assignments count, whether a home tenant is listed. */
type Unknown = 'scoped-role' | 'home-tenant';

function any(matches: Match[]): Match {
  if (matches.includes('in')) return 'in';
  return matches.includes('maybe') ? 'maybe' : 'out';
}

interface GuestsCondition {
  guestOrExternalUserTypes?: string | null;
  externalTenants?: { membershipKind?: string | null; members?: string[] | null } | null;
}

function guestsMatch(condition: unknown, user: UserRow): Match {
  if (!condition || typeof condition !== 'object') return 'out';
  const c = condition as GuestsCondition;
  const type = guestTypeOf(user);
  if (!type) return 'out';
  const types = (c.guestOrExternalUserTypes ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  if (!types.includes(type)) return 'out';
  // Internal guests have no external tenant; for B2B users we do not know the home tenant.
  const kind = c.externalTenants?.membershipKind ?? 'all';
  if (type === 'internalGuest' || kind === 'all') return 'in';
  return 'maybe';
}

function rolesMatch(roleIds: string[] | undefined, userId: string, dir: DirectoryIndex, eligible: EligibleRoles): { m: Match; role?: string } {
  if (!roleIds?.length) return { m: 'out' };
  const held = dir.rolesOf(userId);
  let maybe: string | undefined;
  for (const r of roleIds) {
    if (held.active.has(r) || (eligible === 'count' && held.eligible.has(r))) return { m: 'in', role: r };
    if (held.scoped.has(r)) maybe ??= r;
  }
  return maybe ? { m: 'maybe', role: maybe } : { m: 'out' };
}

/** Does the policy's users condition cover `user`? */
export function userScope(
  policy: ConditionalAccessPolicy,
  user: UserRow,
  dir: DirectoryIndex,
  eligible: EligibleRoles = 'count',
): UserScope {
  const u = policy.conditions?.users ?? {};
  const reasons: string[] = [];
  const groups = dir.groupsOf(user.id);
  const isGuestOrExternal = guestTypeOf(user) !== null;

  const includeUsers = u.includeUsers ?? [];
  const inc: Match[] = [];
  if (includeUsers.includes('All')) { inc.push('in'); reasons.push('included: All users'); }
  if (includeUsers.includes('GuestsOrExternalUsers') && isGuestOrExternal) { inc.push('in'); reasons.push('included: guests or external users'); }
  if (includeUsers.includes(user.id)) { inc.push('in'); reasons.push('included: user'); }
  const incGroup = (u.includeGroups ?? []).find((g) => groups.has(g));
  if (incGroup) { inc.push('in'); reasons.push(`included: group ${incGroup}`); }
  const incRole = rolesMatch(u.includeRoles, user.id, dir, eligible);
  if (incRole.m !== 'out') { inc.push(incRole.m); reasons.push(`included${incRole.m === 'maybe' ? ' (scoped assignment)' : ''}: role ${incRole.role}`); }
  const incGuests = guestsMatch(u.includeGuestsOrExternalUsers, user);
  if (incGuests !== 'out') { inc.push(incGuests); reasons.push(`included${incGuests === 'maybe' ? ' (if home tenant listed)' : ''}: guest or external user type`); }
  const incUnknown = new Set<Unknown>([...(incRole.m === 'maybe' ? ['scoped-role' as const] : []), ...(incGuests === 'maybe' ? ['home-tenant' as const] : [])]);
  const include = any(inc);
  if (include === 'out') return { match: 'out', excluded: false, reasons: ['not included'] };

  const exc: Match[] = [];
  if ((u.excludeUsers ?? []).includes(user.id)) { exc.push('in'); reasons.push('excluded: user'); }
  if ((u.excludeUsers ?? []).includes('GuestsOrExternalUsers') && isGuestOrExternal) { exc.push('in'); reasons.push('excluded: guests or external users'); }
  const excGroup = (u.excludeGroups ?? []).find((g) => groups.has(g));
  if (excGroup) { exc.push('in'); reasons.push(`excluded: group ${excGroup}`); }
  const excRole = rolesMatch(u.excludeRoles, user.id, dir, eligible);
  if (excRole.m !== 'out') { exc.push(excRole.m); reasons.push(`excluded${excRole.m === 'maybe' ? ' (scoped assignment)' : ''}: role ${excRole.role}`); }
  const excGuests = guestsMatch(u.excludeGuestsOrExternalUsers, user);
  if (excGuests !== 'out') { exc.push(excGuests); reasons.push(`excluded${excGuests === 'maybe' ? ' (if home tenant listed)' : ''}: guest or external user type`); }
  const exclude = any(exc);
  const excUnknown = new Set<Unknown>([...(excRole.m === 'maybe' ? ['scoped-role' as const] : []), ...(excGuests === 'maybe' ? ['home-tenant' as const] : [])]);
  // Included only through unknowns that also exclude: whichever way they fall, the user is out.
  if (include === 'maybe' && exclude === 'maybe' && [...incUnknown].every((k) => excUnknown.has(k))) {
    return { match: 'out', excluded: true, reasons: [...reasons, 'included only through what also excludes'] };
  }

  if (exclude === 'in') return { match: 'out', excluded: true, reasons };
  if (exclude === 'maybe') return { match: 'maybe', excluded: true, reasons };
  return { match: include, excluded: false, reasons };
}
