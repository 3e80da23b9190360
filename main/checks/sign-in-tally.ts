/**
 * One pass over the sign-in log, counting per user what the sign-in checks look at: legacy
 * clients, single-factor success, devices that are not compliant or not managed, risky success.
 * Streams the rows, so a million sign-ins never sit in memory.
 */
import type { SignInRow } from '../../shared/snapshot.js';

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

/** Tallies sign-ins per user id. */
export function tallySignIns(rows: Iterable<SignInRow>): Map<string, SignInTally> {
  const out = new Map<string, SignInTally>();
  for (const s of rows) {
    if (!s.userId) continue;
    let t = out.get(s.userId);
    if (!t) {
      t = { userPrincipalName: s.userPrincipalName, successes: 0, legacySuccesses: 0, legacyClients: [], singleFactorSuccesses: 0,
        nonCompliantDeviceSuccesses: 0, unmanagedDeviceSuccesses: 0, highRiskSuccesses: 0, lastSuccess: null };
      out.set(s.userId, t);
    }
    if (s.errorCode !== 0) continue;
    t.successes++;
    if (!t.lastSuccess || s.createdDateTime > t.lastSuccess) t.lastSuccess = s.createdDateTime;
    if (isLegacyClient(s.clientAppUsed)) {
      t.legacySuccesses++;
      if (!t.legacyClients.includes(s.clientAppUsed!)) t.legacyClients.push(s.clientAppUsed!);
    }
    if (s.isInteractive !== false && s.authenticationRequirement === 'singleFactorAuthentication') t.singleFactorSuccesses++;
    if (s.deviceId && s.deviceIsCompliant === false && s.deviceIsManaged === true) t.nonCompliantDeviceSuccesses++;
    else if (!s.deviceId || s.deviceIsManaged === false) t.unmanagedDeviceSuccesses++;
    if (s.riskLevelDuringSignIn === 'high') t.highRiskSuccesses++;
  }
  for (const t of out.values()) t.legacyClients.sort();
  return out;
}
