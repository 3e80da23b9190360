/**
 * What every builder shares: the options, the clock, the tenant's names, and the user plans.
 * A plan is the generator's decision about one user; the Graph objects and the ground truth are
 * both written from plans, so truth never has to be recomputed from the output.
 */
import type { LicenceTier } from '../../../shared/datasets.js';

export type UserKind = 'member' | 'guest' | 'service' | 'breakGlass';

/** How a user signs in, relative to the 90-day staleness threshold. */
export type Activity =
  | 'active' // interactive sign-in within the last 14 days
  | 'recentNew' // created within the last 30 days, signed in since
  | 'staleBoth' // interactive and non-interactive sign-ins both older than 90 days
  | 'staleInteractiveOnly' // interactive older than 90 days, non-interactive recent (e.g. a sync client)
  | 'neverOld' // never signed in, created more than 90 days ago
  | 'neverRecent'; // never signed in, created within the last 90 days

/** Which authentication methods a user has registered (password is always there). */
export type MfaProfile =
  | 'authenticator'
  | 'authenticatorPhone'
  | 'fido2'
  | 'whfb'
  | 'softwareOath'
  | 'phoneSms' // SMS/voice on a mobile phone only
  | 'phoneVoiceOffice' // voice on an office phone + alternate mobile only
  | 'emailOnly'
  | 'tapOnly'
  | 'passwordOnly'
  | 'federated'; // MFA happens at the federated IdP: no Entra methods but password

/** HR leaver categories (see ground-truth.ts for their meaning). */
export type LeaverKind = 'deleted' | 'disabledClean' | 'stillEnabled' | 'disabledWithAccess' | 'disabledLate';

export interface UserPlan {
  index: number;
  id: string;
  kind: UserKind;
  upn: string;
  mail: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  usageLocation: string;
  preferredLanguage: string;
  department: number; // index into DEPARTMENTS; -1 for none
  jobTitle: string | null;
  employeeId: string | null;
  enabled: boolean;
  federated: boolean;
  synced: boolean;
  passwordNeverExpires: boolean;
  createdMs: number;
  activity: Activity;
  lastInteractiveMs: number | null;
  lastNonInteractiveMs: number | null;
  /** The three dates above as Graph text, formatted once and shared by users, methods and truth. */
  iso: { created: string; lastInteractive: string | null; lastNonInteractive: string | null };
  mfa: MfaProfile;
  managerId: string | null;
  leaver: LeaverKind | null;
  /** In deletedUsers instead of users (deleted leavers, and a few removed guests). */
  deleted: boolean;
  terminationMs: number | null;
  /** No group, role or app assignment may be given to this user (clean leavers). */
  noAccess: boolean;
  /** External domain for guests. */
  guestDomain: string | null;
  guestPending: boolean;
}

/** Access actually granted while building, per principal id (feeds leaver truth). */
export interface AccessLedger {
  /** Only these principals are recorded (the HR leavers), to keep 200k-user tenants light. */
  tracked: ReadonlySet<string>;
  groups: Map<string, string[]>;
  roles: Map<string, string[]>;
  apps: Map<string, string[]>;
}

export interface GenContext {
  seed: number;
  licence: LicenceTier;
  nowMs: number;
  now: string;
  tenantId: string;
  tenantName: string;
  /** Default managed domain (verified, custom). */
  domain: string;
  /** The initial *.onmicrosoft.com domain. */
  initialDomain: string;
  /** The federated domain (users here have no Entra MFA methods). */
  federatedDomain: string;
  signInsPerUserPerDay: number;
  plans: UserPlan[];
  ledger: AccessLedger;
}

/** Records that a principal was given some access (group id, role name or app name). */
export function grant(ledger: AccessLedger, map: Map<string, string[]>, principalId: string, what: string): void {
  if (!ledger.tracked.has(principalId)) return;
  const list = map.get(principalId);
  if (list) list.push(what);
  else map.set(principalId, [what]);
}
