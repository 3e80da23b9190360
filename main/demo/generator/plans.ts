/**
 * Decides who is in the tenant: one UserPlan per account, with its kind, state, dates and MFA profile.
 * Special accounts (break-glass, admins, the risky role holders) come first so every tenant, even a
 * 10-user one, has them; the rest are drawn from weighted mixes.
 */
import { DAY_MS, isoSeconds } from './dates.js';
import { DEPARTMENTS, drawName } from './names.js';
import { Rng } from './prng.js';
import type { Activity, LeaverKind, MfaProfile, UserKind, UserPlan } from './context.js';

/** Days after the termination date within which offboarding counts as on time. */
export const LEAVER_GRACE_DAYS = 7;
/** The staleness threshold the truth uses. */
export const STALE_DAYS = 90;

/** Roles of the special accounts at the head of the plan list (roles.ts reads them). */
export type SpecialTag =
  | 'breakGlass'
  | 'globalAdmin'
  | 'guestAdmin'
  | 'syncedAdmin'
  | 'disabledAdmin'
  | 'admin'
  | 'eligibleAdmin'
  | 'tier0';

export interface PlanInput {
  users: number;
  globalAdmins: number;
  nowMs: number;
  domain: string;
  initialDomain: string;
  federatedDomain: string;
}

const MEMBER_MFA: Record<Exclude<MfaProfile, 'federated'>, number> = {
  authenticator: 38,
  authenticatorPhone: 14,
  fido2: 5,
  whfb: 8,
  softwareOath: 3,
  phoneSms: 9,
  phoneVoiceOffice: 2,
  emailOnly: 4,
  tapOnly: 1,
  passwordOnly: 16,
};

const MEMBER_ACTIVITY: Record<Activity, number> = {
  active: 78,
  recentNew: 4,
  staleBoth: 8,
  staleInteractiveOnly: 3,
  neverOld: 4,
  neverRecent: 3,
};

const GUEST_ACTIVITY: Record<Activity, number> = {
  active: 45,
  recentNew: 5,
  staleBoth: 25,
  staleInteractiveOnly: 2,
  neverOld: 15,
  neverRecent: 8,
};

const GUEST_DOMAINS = ['fabrikam.com', 'adventure-works.com', 'litware.net', 'tailspintoys.com', 'gmail.com', 'outlook.com', 'wingtiptoys.co.uk'];
const SERVICE_NAMES = ['backup', 'scanner', 'sql', 'sync', 'printer', 'crm', 'build', 'sap', 'hr-feed', 'monitoring'];
const LEAVER_KINDS: LeaverKind[] = ['deleted', 'disabledClean', 'stillEnabled', 'disabledWithAccess', 'disabledLate'];

/**
 * The special tags of the first plans, in order. Break-glass and Global Administrators always come
 * first; the other special cases follow in priority order while at least half the tenant (and at
 * least five accounts) stays ordinary.
 */
export function specialTags(users: number, globalAdmins: number): SpecialTag[] {
  const tags: SpecialTag[] = ['breakGlass', 'breakGlass'];
  for (let i = 2; i < Math.max(2, globalAdmins); i++) tags.push('globalAdmin');
  const extraAdmins = Math.min(12, Math.max(2, Math.floor(users / 500)));
  const optional: SpecialTag[] = ['guestAdmin', 'disabledAdmin', 'syncedAdmin', 'eligibleAdmin', 'tier0', 'admin', 'tier0', 'eligibleAdmin', 'eligibleAdmin'];
  for (let i = 1; i < extraAdmins; i++) optional.push('admin');
  const budget = Math.max(0, Math.min(users - 5, Math.floor(users / 2)) - tags.length);
  return [...tags, ...optional.slice(0, budget)].slice(0, users);
}

/** Builds every user plan for the tenant (deterministic from rng). */
export function buildPlans(rng: Rng, input: PlanInput): { plans: UserPlan[]; tags: SpecialTag[] } {
  const { users, nowMs } = input;
  const tags = specialTags(users, input.globalAdmins);
  const plans: UserPlan[] = new Array(users);
  const usedLocal = new Map<string, number>();
  const deptMembers: string[][] = DEPARTMENTS.map(() => []);
  let serviceCount = 0;

  const uniqueLocal = (base: string): string => {
    const n = usedLocal.get(base) ?? 0;
    usedLocal.set(base, n + 1);
    return n === 0 ? base : `${base}${n + 1}`;
  };

  for (let i = 0; i < users; i++) {
    const tag: SpecialTag | undefined = tags[i];
    const name = drawName(rng);
    let kind: UserKind = 'member';
    if (tag === 'breakGlass') kind = 'breakGlass';
    else if (tag === 'guestAdmin') kind = 'guest';
    else if (!tag) {
      const r = rng.next();
      kind = r < 0.1 ? 'guest' : r < 0.12 ? 'service' : 'member';
    }
    const dept = kind === 'member' ? rng.int(DEPARTMENTS.length) : kind === 'service' ? 5 : -1;
    const federated = kind === 'member' && !tag && rng.chance(0.08);
    const synced = federated || tag === 'syncedAdmin' || (kind === 'member' && !tag && rng.chance(0.1));

    let upn: string;
    let mail: string;
    let displayName: string;
    let givenName: string | null = name.givenName;
    let surname: string | null = name.surname;
    let guestDomain: string | null = null;
    const baseLocal = `${name.asciiGiven}.${name.asciiSurname}`.toLowerCase();
    if (kind === 'breakGlass') {
      const n = i + 1;
      upn = `breakglass0${n}@${input.initialDomain}`;
      mail = '';
      displayName = `Emergency Access 0${n}`;
      givenName = null;
      surname = null;
    } else if (kind === 'guest') {
      guestDomain = rng.pick(GUEST_DOMAINS);
      // Graph writes an invited guest's UPN as <mail with @ replaced by _>#EXT#@<initial domain>.
      const person = uniqueLocal(`${baseLocal}@${guestDomain}`);
      mail = `${person.replace(/@.*?(\d*)$/, '$1')}@${guestDomain}`;
      upn = `${mail.replace('@', '_')}#EXT#@${input.initialDomain}`;
      displayName = `${name.givenName} ${name.surname}`;
    } else if (kind === 'service') {
      const local = uniqueLocal(`svc-${SERVICE_NAMES[serviceCount++ % SERVICE_NAMES.length]}`);
      upn = `${local}@${input.domain}`;
      mail = upn;
      displayName = local;
      givenName = null;
      surname = null;
    } else {
      const local = uniqueLocal(baseLocal);
      upn = `${local}@${federated ? input.federatedDomain : input.domain}`;
      mail = upn;
      displayName = `${name.givenName} ${name.surname}`;
    }

    const activity: Activity =
      kind === 'breakGlass' ? 'staleBoth' : kind === 'service' ? 'staleInteractiveOnly'
        : kind === 'guest' ? rng.weighted(GUEST_ACTIVITY) : tag ? 'active' : rng.weighted(MEMBER_ACTIVITY);

    let mfa: MfaProfile;
    if (federated) mfa = 'federated';
    else if (kind === 'breakGlass') mfa = 'fido2';
    else if (kind === 'service') mfa = 'passwordOnly';
    else if (kind === 'guest') mfa = rng.chance(0.15) ? 'authenticator' : 'passwordOnly';
    else if (tag === 'globalAdmin') {
      const k = i - 2; // the first global admins cover strong, SMS-only and no-MFA cases
      mfa = k === 0 ? 'fido2' : k === 1 ? 'phoneSms' : k === 2 ? 'passwordOnly' : k === 3 ? 'whfb' : 'authenticator';
    } else if (tag === 'admin') mfa = rng.chance(0.25) ? 'phoneSms' : 'authenticatorPhone';
    else mfa = rng.weighted(MEMBER_MFA);

    const plan: UserPlan = {
      index: i,
      id: rng.guid(),
      kind,
      upn,
      mail,
      displayName,
      givenName,
      surname,
      usageLocation: name.usageLocation,
      preferredLanguage: name.preferredLanguage,
      department: dept,
      jobTitle: dept >= 0 ? (kind === 'service' ? 'Service Account' : rng.pick(DEPARTMENTS[dept].titles)) : null,
      employeeId: kind === 'member' ? `E${String(100000 + i)}` : null,
      enabled: tag === 'disabledAdmin' ? false : tag ? true : kind === 'member' ? !rng.chance(0.05) : kind === 'guest' ? !rng.chance(0.03) : true,
      federated,
      synced,
      passwordNeverExpires: kind === 'breakGlass' || kind === 'service' || (kind === 'member' && rng.chance(0.03)),
      createdMs: 0,
      activity,
      lastInteractiveMs: null,
      lastNonInteractiveMs: null,
      iso: { created: '', lastInteractive: null, lastNonInteractive: null },
      mfa,
      managerId: null,
      leaver: null,
      deleted: false,
      terminationMs: null,
      noAccess: false,
      guestDomain,
      guestPending: false,
    };
    setActivityDates(rng, plan, nowMs);
    if (kind === 'guest' && (activity === 'neverOld' || activity === 'neverRecent')) plan.guestPending = rng.chance(0.7);
    if (kind === 'guest' && !tag && activity === 'staleBoth' && rng.chance(0.05)) {
      plan.deleted = true; // a guest removed after the collaboration ended
      plan.noAccess = true;
    }
    if (dept >= 0 && kind === 'member') {
      const peers = deptMembers[dept];
      if (peers.length > 0) plan.managerId = peers[rng.int(Math.min(peers.length, 20))];
      if (peers.length < 20) peers.push(plan.id);
    }
    plans[i] = plan;
  }
  assignLeavers(rng, plans, tags.length, nowMs);
  for (const p of plans) {
    p.iso = {
      created: isoSeconds(p.createdMs),
      lastInteractive: p.lastInteractiveMs === null ? null : isoSeconds(p.lastInteractiveMs),
      lastNonInteractive: p.lastNonInteractiveMs === null ? null : isoSeconds(p.lastNonInteractiveMs),
    };
  }
  return { plans, tags };
}

/** Fills createdMs and the last sign-in times so they match the plan's activity. */
function setActivityDates(rng: Rng, p: UserPlan, nowMs: number): void {
  const daysAgo = (lo: number, hi: number): number => nowMs - (lo + rng.next() * (hi - lo)) * DAY_MS;
  switch (p.activity) {
    case 'active':
      p.createdMs = daysAgo(45, 5 * 365);
      p.lastInteractiveMs = daysAgo(0, 14);
      p.lastNonInteractiveMs = rng.chance(0.7) ? daysAgo(0, 3) : null;
      break;
    case 'recentNew':
      p.createdMs = daysAgo(2, 30);
      p.lastInteractiveMs = p.createdMs + rng.next() * (nowMs - p.createdMs);
      p.lastNonInteractiveMs = null;
      break;
    case 'staleBoth':
      p.lastInteractiveMs = daysAgo(STALE_DAYS + 1, 500);
      p.lastNonInteractiveMs = rng.chance(0.5) ? p.lastInteractiveMs + rng.next() * DAY_MS : null;
      p.createdMs = p.lastInteractiveMs - (10 + rng.next() * 900) * DAY_MS;
      break;
    case 'staleInteractiveOnly':
      p.lastInteractiveMs = rng.chance(0.8) ? daysAgo(STALE_DAYS + 1, 600) : null;
      p.lastNonInteractiveMs = daysAgo(0, 7);
      p.createdMs = (p.lastInteractiveMs ?? nowMs) - (30 + rng.next() * 900) * DAY_MS;
      break;
    case 'neverOld':
      p.createdMs = daysAgo(STALE_DAYS + 1, 3 * 365);
      break;
    case 'neverRecent':
      p.createdMs = daysAgo(1, STALE_DAYS - 1);
      break;
  }
}

/** Chooses the HR leavers among ordinary members and shapes their accounts by leaver kind. */
function assignLeavers(rng: Rng, plans: UserPlan[], firstOrdinary: number, nowMs: number): void {
  const candidates: UserPlan[] = [];
  for (let i = firstOrdinary; i < plans.length; i++) {
    const p = plans[i];
    if (p.kind === 'member' && p.enabled && p.activity === 'active' && !p.federated) candidates.push(p);
  }
  const wanted = Math.min(candidates.length, Math.max(LEAVER_KINDS.length * 2, Math.round(plans.length * 0.015)));
  const step = candidates.length / Math.max(1, wanted);
  for (let k = 0; k < wanted; k++) {
    const p = candidates[Math.floor(k * step)];
    const kind = LEAVER_KINDS[k % LEAVER_KINDS.length];
    p.leaver = kind;
    const day = (lo: number, hi: number): number => nowMs - (lo + rng.next() * (hi - lo)) * DAY_MS;
    if (kind === 'disabledLate') {
      p.terminationMs = day(30, 120);
      p.lastInteractiveMs = p.terminationMs + (LEAVER_GRACE_DAYS + 1 + rng.next() * 10) * DAY_MS;
    } else if (kind === 'stillEnabled') {
      p.terminationMs = day(10, 120);
    } else {
      p.terminationMs = day(10, 120);
      p.lastInteractiveMs = p.terminationMs - (1 + rng.next() * 5) * DAY_MS;
    }
    p.terminationMs = Math.floor(p.terminationMs / DAY_MS) * DAY_MS; // HR dates are whole days
    p.lastNonInteractiveMs = kind === 'stillEnabled' ? p.lastNonInteractiveMs : null;
    p.createdMs = Math.min(p.createdMs, p.terminationMs - 200 * DAY_MS);
    p.enabled = kind === 'stillEnabled';
    p.noAccess = kind === 'deleted' || kind === 'disabledClean' || kind === 'disabledLate';
    p.deleted = kind === 'deleted';
    p.activity = nowMs - (p.lastInteractiveMs ?? 0) > STALE_DAYS * DAY_MS ? 'staleBoth' : 'active';
  }
}
