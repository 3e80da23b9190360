/**
 * Per-user tallies of what the sign-in checks look at: legacy clients, single-factor success,
 * devices that are not compliant or not managed, risky success. Folds the store's per user and
 * client app summaries (one SQL pass), so a million sign-ins never cross into JavaScript.
 */
import type { SignInSummary } from '../store/types.js';

/** Client apps of modern authentication as sign-in logs name them; anything else is legacy. */
const MODERN_CLIENTS = new Set(['browser', 'mobile apps and desktop clients']);

export interface SignInTally {
  userPrincipalName: string;
  successes: number;
  legacySuccesses: number;
  legacyClients: string[];
  singleFactorSuccesses: number;
  /** Successful sign-ins from a device that is known and not compliant. */
  nonCompliantDeviceSuccesses: number;
  /** Successful sign-ins from an unmanaged or unregistered device. */
  unmanagedDeviceSuccesses: number;
  highRiskSuccesses: number;
  lastSuccess: string | null;
}

/** True for a client app that cannot do modern authentication (Exchange ActiveSync, IMAP4, ...). */
export function isLegacyClient(clientAppUsed: string | null): boolean {
  return !!clientAppUsed && !MODERN_CLIENTS.has(clientAppUsed.toLowerCase());
}

/** Tallies per user id (summaries arrive ordered by user, then client app). */
export function tallySignIns(summaries: Iterable<SignInSummary>): Map<string, SignInTally> {
  const out = new Map<string, SignInTally>();
  for (const s of summaries) {
    let t = out.get(s.userId);
    if (!t) {
      t = { userPrincipalName: s.userPrincipalName, successes: 0, legacySuccesses: 0, legacyClients: [], singleFactorSuccesses: 0,
        nonCompliantDeviceSuccesses: 0, unmanagedDeviceSuccesses: 0, highRiskSuccesses: 0, lastSuccess: null };
      out.set(s.userId, t);
    }
    if (s.userPrincipalName < t.userPrincipalName) t.userPrincipalName = s.userPrincipalName;
    if (!s.successes) continue;
    t.successes += s.successes;
    if (s.lastSuccess && (!t.lastSuccess || s.lastSuccess > t.lastSuccess)) t.lastSuccess = s.lastSuccess;
    if (isLegacyClient(s.clientAppUsed)) {
      t.legacySuccesses += s.successes;
      if (!t.legacyClients.includes(s.clientAppUsed!)) t.legacyClients.push(s.clientAppUsed!);
    }
    t.singleFactorSuccesses += s.singleFactorSuccesses;
    t.nonCompliantDeviceSuccesses += s.nonCompliantDeviceSuccesses;
    t.unmanagedDeviceSuccesses += s.unmanagedDeviceSuccesses;
    t.highRiskSuccesses += s.highRiskSuccesses;
  }
  for (const t of out.values()) t.legacyClients.sort();
  return out;
}
