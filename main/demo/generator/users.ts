/** Turns user plans into Graph v1.0 user objects (signInActivity included) and deleted users. */
import { DAY_MS, GRAPH_MIN_DATE, isoSeconds } from './dates.js';
import { CITIES, DEPARTMENTS } from './names.js';
import { hash32, guidFrom } from './prng.js';
import type { GenContext, UserPlan } from './context.js';
import type { GraphObject } from '../tenant.js';

/** A request id as Graph writes them in signInActivity (a GUID, deterministic per user and slot). */
function requestId(seed: number, index: number, slot: number): string {
  return guidFrom(hash32(seed, index, slot, 1), hash32(seed, index, slot, 2), hash32(seed, index, slot, 3), hash32(seed, index, slot, 4));
}

function signInActivity(ctx: GenContext, p: UserPlan): Record<string, string | null> {
  const li = p.lastInteractiveMs;
  const ln = p.lastNonInteractiveMs;
  const liReq = li === null ? null : requestId(ctx.seed, p.index, 1);
  const lnReq = ln === null ? '' : requestId(ctx.seed, p.index, 2);
  const interactiveLast = ln === null || (li !== null && li >= ln);
  return {
    lastSignInDateTime: p.iso.lastInteractive,
    lastSignInRequestId: liReq,
    lastNonInteractiveSignInDateTime: p.iso.lastNonInteractive ?? GRAPH_MIN_DATE,
    lastNonInteractiveSignInRequestId: lnReq,
    lastSuccessfulSignInDateTime: interactiveLast ? p.iso.lastInteractive : p.iso.lastNonInteractive,
    lastSuccessfulSignInRequestId: interactiveLast ? liReq : lnReq,
  };
}

const phones = new Map<string, string>();
/** Phone numbers repeat across 200k users: keep one string per number. */
function phone(prefix: string, n: number): string {
  const key = prefix + n;
  let s = phones.get(key);
  if (s === undefined) {
    s = `${prefix}${String(n).padStart(4, '0')}`;
    phones.set(key, s);
  }
  return s;
}

const syncCache = new WeakMap<GenContext, string[]>();
/** The 30 last-sync times synced users share (a sync cycle runs every few minutes). */
function syncTimes(ctx: GenContext): string[] {
  let t = syncCache.get(ctx);
  if (!t) {
    t = Array.from({ length: 30 }, (_, i) => isoSeconds(ctx.nowMs - (i + 5) * 60_000));
    syncCache.set(ctx, t);
  }
  return t;
}

/** The Graph user object for one plan. */
export function userObject(ctx: GenContext, p: UserPlan): GraphObject {
  const guest = p.kind === 'guest';
  const city = CITIES[p.usageLocation]?.[p.index % (CITIES[p.usageLocation]?.length ?? 1)];
  const onPrem = p.synced;
  const local = p.upn.slice(0, p.upn.indexOf('@'));
  return {
    id: p.id,
    businessPhones: p.kind === 'member' ? [phone('+1 425 555 ', 1000 + (p.index % 9000))] : [],
    displayName: p.displayName,
    givenName: p.givenName,
    jobTitle: p.jobTitle,
    mail: p.mail || null,
    mobilePhone: p.kind === 'member' && p.index % 3 === 0 ? phone('+1 206 555 ', p.index % 10000) : null,
    officeLocation: p.kind === 'member' && city ? city.city : null,
    preferredLanguage: p.preferredLanguage,
    surname: p.surname,
    userPrincipalName: p.upn,
    accountEnabled: p.enabled,
    userType: guest ? 'Guest' : 'Member',
    creationType: guest ? 'Invitation' : null,
    externalUserState: guest ? (p.guestPending ? 'PendingAcceptance' : 'Accepted') : null,
    externalUserStateChangeDateTime: guest ? isoSeconds(p.createdMs + (p.guestPending ? 0 : DAY_MS)) : null,
    createdDateTime: p.iso.created,
    department: p.department >= 0 ? DEPARTMENTS[p.department].name : null,
    employeeId: p.employeeId,
    companyName: guest ? null : ctx.tenantName,
    usageLocation: p.usageLocation,
    mailNickname: local,
    passwordPolicies: p.passwordNeverExpires ? 'DisablePasswordExpiration' : null,
    lastPasswordChangeDateTime: isoSeconds(p.createdMs + (p.index % 60) * DAY_MS),
    onPremisesSyncEnabled: onPrem ? true : null,
    onPremisesImmutableId: onPrem ? Buffer.from(p.id.replace(/-/g, ''), 'hex').toString('base64') : null,
    onPremisesLastSyncDateTime: onPrem ? syncTimes(ctx)[p.index % 30] : null,
    onPremisesSamAccountName: onPrem ? local.slice(0, 20) : null,
    onPremisesUserPrincipalName: onPrem ? p.upn : null,
    onPremisesDomainName: onPrem ? `corp.${ctx.domain}` : null,
    onPremisesSecurityIdentifier: onPrem ? `S-1-5-21-1004336348-1177238915-682003330-${10000 + p.index}` : null,
    signInActivity: signInActivity(ctx, p),
  };
}

/** Live users (deleted plans excluded), their deleted counterparts, and the user -> manager map. */
export function buildUsers(ctx: GenContext): { users: GraphObject[]; deletedUsers: GraphObject[]; managers: Map<string, string> } {
  const users: GraphObject[] = [];
  const deletedUsers: GraphObject[] = [];
  const managers = new Map<string, string>();
  const deletedIds = new Set<string>();
  for (const p of ctx.plans) if (p.deleted) deletedIds.add(p.id);
  for (const p of ctx.plans) {
    const u = userObject(ctx, p);
    if (p.deleted) {
      const deletedMs = p.terminationMs !== null ? p.terminationMs + (p.index % 3) * DAY_MS : ctx.nowMs - ((p.index % 25) + 1) * DAY_MS;
      // Graph prefixes a deleted user's UPN with its id (without dashes).
      deletedUsers.push({
        ...u,
        userPrincipalName: `${p.id.replace(/-/g, '')}${p.upn}`,
        accountEnabled: false,
        deletedDateTime: isoSeconds(deletedMs),
      });
      continue;
    }
    users.push(u);
    if (p.managerId && !deletedIds.has(p.managerId)) managers.set(p.id, p.managerId);
  }
  return { users, deletedUsers, managers };
}
