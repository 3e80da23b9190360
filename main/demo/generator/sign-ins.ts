/**
 * 30 days of interactive sign-ins as a SignInSource: nothing is stored per sign-in. Day k (0 = the
 * 24 hours before now) holds N_k sign-ins; sign-in i of day k is a pure function of (seed, k, i),
 * with its time inside the i-th slot of the day counted back from the day's end, so each day is
 * already newest-first and a page is O(limit) after an O(days · log N) seek.
 */
import { DAY_MS, isoTicks } from './dates.js';
import { CITIES, UNUSUAL_LOCATIONS } from './names.js';
import { guidFrom, hash32 } from './prng.js';
import { OFFICE_CIDR } from './conditional-access.js';
import type { GenContext, UserPlan } from './context.js';
import type { DeviceFact } from './devices.js';
import type { SsoAppFact } from './apps.js';
import type { GraphObject, SignInSource } from '../tenant.js';

export const SIGN_IN_DAYS = 30;
const TICKS_PER_MS = 10_000;
const DAY_TICKS = DAY_MS * TICKS_PER_MS;

/** Parses an ISO timestamp to 100-ns ticks, keeping up to 7 fractional digits. */
export function parseTicks(iso: string): number {
  const m = /\.(\d+)Z?$/.exec(iso);
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`Invalid date: ${iso}`);
  if (!m) return ms * TICKS_PER_MS;
  const frac = (m[1] + '0000000').slice(0, 7);
  return (ms - (ms % 1000)) * TICKS_PER_MS + Number(frac);
}

const LEGACY_CLIENTS = ['Exchange ActiveSync', 'IMAP4', 'Other clients', 'POP3', 'Authenticated SMTP'];
const FAILURES = [
  { errorCode: 50126, failureReason: 'Error validating credentials due to invalid username or password.' },
  { errorCode: 50074, failureReason: 'Strong Authentication is required.' },
  { errorCode: 53003, failureReason: 'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.' },
  { errorCode: 50053, failureReason: 'Account is locked because user tried to sign in too many times with an incorrect user ID or password.' },
  { errorCode: 500121, failureReason: 'Authentication failed during strong authentication request.' },
];
const BROWSERS: Record<string, string[]> = {
  Windows: ['Edge 130.0.0', 'Chrome 130.0.0'],
  MacMDM: ['Safari 18.0', 'Chrome 130.0.0'],
  IPhone: ['Mobile Safari 18.0', 'Microsoft Authenticator'],
  Android: ['Chrome Mobile 130.0.0', 'Samsung Internet 26.0'],
};
const OS_LABEL: Record<string, string> = { Windows: 'Windows 10', MacMDM: 'MacOs', IPhone: 'Ios', Android: 'Android' };

interface Target { appId: string; name: string; resourceId: string; resourceName: string }

/** The generator's decisions for one sign-in (h and r are its hash streams, for the rest of the rendering). */
interface Planted {
  h: (n: number) => number;
  r: (n: number) => number;
  ticks: number;
  plan: UserPlan;
  /** The device the sign-in came from (the user's primary device), or null for none or a password spray. */
  device: DeviceFact | null;
  legacy: boolean;
  clientAppUsed: string;
  unusual: boolean;
  risky: boolean;
  riskLevel: 'none' | 'low' | 'medium' | 'high';
  failure: { errorCode: number; failureReason: string } | null;
  mfaDone: boolean;
}

/** What one user's planted sign-ins in a window add up to (successful ones only), for the ground truth. */
export interface PlantedSignIns {
  userPrincipalName: string;
  successes: number;
  /** Through a legacy client (Exchange ActiveSync, IMAP4, POP3, SMTP, other clients). */
  legacySuccesses: number;
  /** Without MFA (every generated sign-in is interactive). */
  singleFactorSuccesses: number;
  /** From the user's managed, non-compliant device. */
  nonCompliantDeviceSuccesses: number;
  /** From an unmanaged device or no device at all. */
  unmanagedDeviceSuccesses: number;
  /** Rated high risk at sign-in (P2 only: other tiers see "hidden"). */
  highRiskSuccesses: number;
}

/** The emulator's sign-in source, plus the planted tallies the ground truth reads lazily (nothing is kept while generating). */
export type GeneratedSignIns = SignInSource & { planted(from?: string, to?: string): Map<string, PlantedSignIns> };

/** Everything a sign-in needs besides (k, i). */
export interface SignInInputs {
  ctx: GenContext;
  /** Plan indices that sign in interactively during the 30 days. */
  activeIdx: Int32Array;
  devices: DeviceFact[];
  primaryDevice: Int32Array;
  ssoApps: SsoAppFact[];
  /** Ids of enabled CA policies, for appliedConditionalAccessPolicies. */
  policies: { id: string; displayName: string }[];
}

/** Builds the on-demand sign-in source. */
export function createSignInSource(inp: SignInInputs): GeneratedSignIns {
  const { ctx, activeIdx } = inp;
  const seed = ctx.seed;
  const nowTicks = ctx.nowMs * TICKS_PER_MS;
  const counts = new Int32Array(SIGN_IN_DAYS);
  for (let k = 0; k < SIGN_IN_DAYS; k++) {
    const dow = new Date(ctx.nowMs - (k + 0.5) * DAY_MS).getUTCDay();
    const factor = dow === 0 || dow === 6 ? 0.3 : 1.0 + ((hash32(seed, k, 77) % 21) - 10) / 100;
    counts[k] = activeIdx.length === 0 ? 0 : Math.max(1, Math.round(activeIdx.length * ctx.signInsPerUserPerDay * factor));
  }
  const targets: Target[] = [
    { appId: '00000002-0000-0ff1-ce00-000000000000', name: 'Office 365 Exchange Online', resourceId: '00000002-0000-0ff1-ce00-000000000000', resourceName: 'Office 365 Exchange Online' },
    { appId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', name: 'Microsoft Teams', resourceId: '00000003-0000-0000-c000-000000000000', resourceName: 'Microsoft Graph' },
    { appId: '00000003-0000-0ff1-ce00-000000000000', name: 'Office 365 SharePoint Online', resourceId: '00000003-0000-0ff1-ce00-000000000000', resourceName: 'Office 365 SharePoint Online' },
    ...inp.ssoApps.map((a) => ({ appId: a.appId, name: a.displayName, resourceId: a.appId, resourceName: a.displayName })),
  ];
  const p2 = ctx.licence === 'p2';
  const caOn = ctx.licence !== 'free';

  const timeOf = (k: number, i: number): number => {
    const s = DAY_TICKS / counts[k];
    const dayEnd = nowTicks - k * DAY_TICKS;
    const frac = hash32(seed, k, i, 1) / 4294967296;
    return Math.floor(dayEnd - (i + 1) * s + frac * s);
  };
  /** First index in day k whose time is < bound (times decrease with the index). */
  const firstBelow = (k: number, bound: number): number => {
    let lo = 0;
    let hi = counts[k];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (timeOf(k, mid) < bound) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const rangeOf = (k: number, fromT: number, toT: number): [number, number] => {
    const dayEnd = nowTicks - k * DAY_TICKS;
    const dayStart = dayEnd - DAY_TICKS;
    const lo = toT >= dayEnd ? 0 : toT <= dayStart ? counts[k] : firstBelow(k, toT);
    const hi = fromT <= dayStart ? counts[k] : fromT >= dayEnd ? 0 : firstBelow(k, fromT);
    return [lo, Math.max(lo, hi)];
  };
  const bounds = (from?: string, to?: string): [number, number] => [
    from === undefined ? -Infinity : parseTicks(from),
    to === undefined ? Infinity : parseTicks(to),
  ];

  /** What the generator plants in sign-in i of day k; build() renders it and the truth tallies it. */
  const decide = (k: number, i: number): Planted => {
    const h = (n: number): number => hash32(seed, k, i, n);
    const r = (n: number): number => h(n) / 4294967296;
    const ticks = timeOf(k, i);
    // An account cannot sign in before it was created: move on to the next active account.
    let pick = h(2) % activeIdx.length;
    for (let tries = 0; tries < 8 && ctx.plans[activeIdx[pick]].createdMs * TICKS_PER_MS > ticks; tries++) pick = (pick + 1) % activeIdx.length;
    const plan = ctx.plans[activeIdx[pick]];
    const spray = r(3) < 0.004;
    const dev = inp.primaryDevice[plan.index] >= 0 ? inp.devices[inp.primaryDevice[plan.index]] : null;
    const legacy = r(4) < 0.03;
    const clientAppUsed = legacy ? LEGACY_CLIENTS[h(5) % LEGACY_CLIENTS.length] : r(6) < 0.6 ? 'Browser' : 'Mobile Apps and Desktop clients';
    const unusual = spray || r(8) < 0.01;
    const risky = unusual && r(15) < 0.6;
    const riskLevel = !risky ? 'none' : r(16) < 0.3 ? 'high' : r(16) < 0.7 ? 'medium' : 'low';
    let failure: (typeof FAILURES)[number] | null = null;
    if (spray) failure = FAILURES[0];
    else if (legacy && caOn && r(17) < 0.7) failure = FAILURES[2];
    else if (r(17) < 0.05) failure = FAILURES[h(18) % FAILURES.length];
    const mfaDone = !failure && !legacy && (plan.mfa !== 'passwordOnly' && plan.mfa !== 'emailOnly') && r(19) < 0.55;
    return { h, r, ticks, plan, device: dev && !spray ? dev : null, legacy, clientAppUsed, unusual, risky, riskLevel, failure, mfaDone };
  };

  const build = (k: number, i: number): GraphObject => {
    const { h, r, ticks, plan, device: dev, legacy, clientAppUsed, unusual, risky, riskLevel, failure, mfaDone } = decide(k, i);
    const target = legacy ? targets[0] : targets[h(7) % targets.length];
    const home = CITIES[plan.usageLocation] ?? CITIES.US;
    const loc = unusual ? UNUSUAL_LOCATIONS[h(9) % UNUSUAL_LOCATIONS.length] : { ...home[h(9) % home.length], countryOrRegion: plan.usageLocation };
    const inOffice = !unusual && r(10) < 0.4;
    const ip = inOffice ? `${OFFICE_CIDR.split('.').slice(0, 3).join('.')}.${h(11) % 250 + 2}` : `${(h(11) % 200) + 20}.${h(12) % 256}.${h(13) % 256}.${(h(14) % 250) + 2}`;
    const caStatus = !caOn ? 'notApplied' : failure?.errorCode === 53003 ? 'failure' : legacy ? 'notApplied' : 'success';
    const applied = caOn
      ? inp.policies.slice(0, 3).map((p, n) => ({
          id: p.id,
          displayName: p.displayName,
          enforcedGrantControls: n === 0 && mfaDone ? ['Mfa'] : failure?.errorCode === 53003 && n === 2 ? ['Block'] : [],
          enforcedSessionControls: [],
          result: failure?.errorCode === 53003 && n === 2 ? 'failure' : n === 0 && mfaDone ? 'success' : 'notApplied',
        }))
      : [];
    const hidden = !p2;
    return {
      id: guidFrom(h(20), h(21), h(22), h(23)),
      createdDateTime: isoTicks(ticks),
      userDisplayName: plan.displayName,
      userPrincipalName: plan.upn,
      userId: plan.id,
      appId: target.appId,
      appDisplayName: target.name,
      ipAddress: ip,
      clientAppUsed,
      correlationId: guidFrom(h(24), h(25), h(26), h(27)),
      conditionalAccessStatus: caStatus,
      isInteractive: true,
      authenticationRequirement: mfaDone ? 'multiFactorAuthentication' : 'singleFactorAuthentication',
      riskDetail: hidden ? 'hidden' : 'none',
      riskLevelAggregated: hidden ? 'hidden' : riskLevel,
      riskLevelDuringSignIn: hidden ? 'hidden' : riskLevel,
      riskState: hidden || riskLevel === 'none' ? 'none' : 'atRisk',
      riskEventTypes: risky && !hidden ? ['unfamiliarFeatures'] : [],
      riskEventTypes_v2: risky && !hidden ? ['unfamiliarFeatures'] : [],
      resourceDisplayName: target.resourceName,
      resourceId: target.resourceId,
      status: { errorCode: failure ? failure.errorCode : 0, failureReason: failure ? failure.failureReason : null, additionalDetails: failure ? null : mfaDone ? 'MFA requirement satisfied by claim in the token' : null },
      deviceDetail: dev
        ? {
            deviceId: dev.state === 'unmanaged' ? '' : dev.id,
            displayName: null,
            operatingSystem: OS_LABEL[dev.os] ?? dev.os,
            browser: BROWSERS[dev.os]?.[h(28) % 2] ?? 'Edge 130.0.0',
            isCompliant: dev.state === 'compliant',
            isManaged: dev.state !== 'unmanaged',
            trustType: dev.state === 'unmanaged' ? null : dev.trustType === 'AzureAd' ? 'Azure AD joined' : dev.trustType === 'ServerAd' ? 'Hybrid Azure AD joined' : 'Azure AD registered',
          }
        : { deviceId: '', displayName: null, operatingSystem: 'Windows 10', browser: 'Chrome 130.0.0', isCompliant: false, isManaged: false, trustType: null },
      location: { city: loc.city, state: loc.state, countryOrRegion: loc.countryOrRegion, geoCoordinates: { altitude: null, latitude: loc.lat, longitude: loc.lon } },
      appliedConditionalAccessPolicies: applied,
    };
  };

  return {
    count(from?: string, to?: string): number {
      const [f, t] = bounds(from, to);
      let n = 0;
      for (let k = 0; k < SIGN_IN_DAYS; k++) {
        const [lo, hi] = rangeOf(k, f, t);
        n += hi - lo;
      }
      return n;
    },
    page(from: string | undefined, to: string | undefined, offset: number, limit: number): GraphObject[] {
      const [f, t] = bounds(from, to);
      const out: GraphObject[] = [];
      let skip = Math.max(0, offset);
      for (let k = 0; k < SIGN_IN_DAYS && out.length < limit; k++) {
        const [lo, hi] = rangeOf(k, f, t);
        const n = hi - lo;
        if (skip >= n) {
          skip -= n;
          continue;
        }
        for (let i = lo + skip; i < hi && out.length < limit; i++) out.push(build(k, i));
        skip = 0;
      }
      return out;
    },
    planted(from?: string, to?: string): Map<string, PlantedSignIns> {
      const [f, t] = bounds(from, to);
      const out = new Map<string, PlantedSignIns>();
      for (let k = 0; k < SIGN_IN_DAYS; k++) {
        const [lo, hi] = rangeOf(k, f, t);
        for (let i = lo; i < hi; i++) {
          const d = decide(k, i);
          if (d.failure) continue;
          let u = out.get(d.plan.id);
          if (!u) out.set(d.plan.id, (u = { userPrincipalName: d.plan.upn, successes: 0, legacySuccesses: 0, singleFactorSuccesses: 0, nonCompliantDeviceSuccesses: 0, unmanagedDeviceSuccesses: 0, highRiskSuccesses: 0 }));
          u.successes++;
          if (d.legacy) u.legacySuccesses++;
          if (!d.mfaDone) u.singleFactorSuccesses++;
          if (d.device?.state === 'nonCompliant') u.nonCompliantDeviceSuccesses++;
          if (!d.device || d.device.state === 'unmanaged') u.unmanagedDeviceSuccesses++;
          if (p2 && d.riskLevel === 'high') u.highRiskSuccesses++;
        }
      }
      return out;
    },
  };
}
