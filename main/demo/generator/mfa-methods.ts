/**
 * Authentication methods per user (Graph authenticationMethod objects with @odata.type) and the
 * matching userRegistrationDetails report rows, both from the plan's MFA profile.
 */
import { DAY_MS, isoSeconds } from './dates.js';
import { hash32, guidFrom } from './prng.js';
import type { GenContext, MfaProfile, UserPlan } from './context.js';
import type { GraphObject } from '../tenant.js';

/** Graph's fixed ids for the password, email and phone methods. */
export const PASSWORD_METHOD_ID = '28c10230-6103-485e-b985-444c60001490';
export const EMAIL_METHOD_ID = '3ddfcfc8-9383-446f-83cc-3ab9be4be18f';
export const PHONE_METHOD_IDS = {
  mobile: '3179e48a-750b-4051-897c-87b9720928f7',
  alternateMobile: 'b6332ec1-7057-4abe-9331-3d72feddfe41',
  office: 'e37fc753-ff3b-4958-9484-eaa9425c82bc',
} as const;

type MethodKind = 'authenticator' | 'fido2' | 'whfb' | 'softwareOath' | 'mobile' | 'alternateMobile' | 'office' | 'email' | 'tap';

/** The registered methods (besides password) of each profile. */
const PROFILE_METHODS: Record<MfaProfile, MethodKind[]> = {
  authenticator: ['authenticator', 'email'],
  authenticatorPhone: ['authenticator', 'mobile'],
  fido2: ['fido2', 'authenticator'],
  whfb: ['whfb', 'authenticator'],
  softwareOath: ['softwareOath'],
  phoneSms: ['mobile', 'email'],
  phoneVoiceOffice: ['office', 'alternateMobile'],
  emailOnly: ['email'],
  tapOnly: ['tap'],
  passwordOnly: [],
  federated: [],
};

/** Names the registration report uses for each method kind. */
const REPORT_NAMES: Record<MethodKind, string> = {
  authenticator: 'microsoftAuthenticatorPush',
  fido2: 'fido2SecurityKey',
  whfb: 'windowsHelloForBusiness',
  softwareOath: 'softwareOneTimePasscode',
  mobile: 'mobilePhone',
  alternateMobile: 'alternateMobilePhone',
  office: 'officePhone',
  email: 'email',
  tap: 'temporaryAccessPass',
};

const STRONG: ReadonlySet<MethodKind> = new Set(['authenticator', 'fido2', 'whfb', 'softwareOath']);
const PHONE: ReadonlySet<MethodKind> = new Set(['mobile', 'alternateMobile', 'office']);

/** What a profile means for MFA, as the ground truth states it. */
export interface MfaTraits {
  /** Has a method usable as a second factor in Entra (any strong method or a phone). */
  mfaRegistered: boolean;
  /** Has Authenticator, FIDO2, Windows Hello or a software OATH token. */
  strong: boolean;
  /** Has FIDO2 or Windows Hello for Business. */
  phishingResistant: boolean;
  /** Second factors are phone (SMS/voice) only. */
  onlySmsVoice: boolean;
  /** Nothing but password and possibly email/TAP/phone: no strong method. */
  onlyWeakMethods: boolean;
  /** Only the password. */
  passwordOnly: boolean;
  /** The report names of the methods registered. */
  methodsRegistered: string[];
}

/** Classifies a profile (same table that builds the method objects). */
export function mfaTraits(profile: MfaProfile): MfaTraits {
  const kinds = PROFILE_METHODS[profile];
  const strong = kinds.some((k) => STRONG.has(k));
  const phone = kinds.some((k) => PHONE.has(k));
  return {
    mfaRegistered: strong || phone,
    strong,
    phishingResistant: kinds.includes('fido2') || kinds.includes('whfb'),
    onlySmsVoice: phone && !strong,
    onlyWeakMethods: !strong,
    passwordOnly: kinds.length === 0,
    methodsRegistered: kinds.map((k) => REPORT_NAMES[k]),
  };
}

/** mfaTraits of every profile, computed once. */
export const TRAITS = Object.fromEntries(
  (Object.keys(PROFILE_METHODS) as MfaProfile[]).map((p) => [p, mfaTraits(p)]),
) as Readonly<Record<MfaProfile, MfaTraits>>;

/** Registration-report values that depend only on the profile. */
const REPORT = Object.fromEntries(
  (Object.keys(PROFILE_METHODS) as MfaProfile[]).map((p) => {
    const kinds = PROFILE_METHODS[p];
    const preferred = kinds.includes('authenticator') ? 'push' : kinds.includes('softwareOath') ? 'oath'
      : kinds.includes('mobile') ? 'sms' : kinds.includes('office') ? 'voiceOffice' : 'none';
    return [p, { sspr: kinds.some((k) => k === 'email' || k === 'mobile' || k === 'authenticator'), preferred }];
  }),
) as Record<MfaProfile, { sspr: boolean; preferred: string }>;

const methodId = (seed: number, i: number, k: number): string =>
  guidFrom(hash32(seed, i, k, 11), hash32(seed, i, k, 12), hash32(seed, i, k, 13), hash32(seed, i, k, 14));

const PHONES = ['iPhone 15', 'Pixel 8', 'Galaxy S23', 'iPhone 13', 'moto g'];
const KEYS = [
  { model: 'YubiKey 5 NFC', aaGuid: '2fc0579f-8113-47ea-b116-555a8db9202a' },
  { model: 'YubiKey 5Ci', aaGuid: 'c5ef55ff-ad9a-4b9f-b580-adebafe026d0' },
  { model: 'Feitian ePass FIDO2', aaGuid: '833b721a-ff5f-4d00-bb2e-bdda3ec01e29' },
];

function methodObject(ctx: GenContext, p: UserPlan, kind: MethodKind, k: number): GraphObject {
  const created = isoSeconds(p.createdMs + (k + 1) * DAY_MS);
  const phone = `+1 206555${String(p.index % 10000).padStart(4, '0')}`;
  switch (kind) {
    case 'authenticator':
      return {
        '@odata.type': '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod',
        id: methodId(ctx.seed, p.index, k),
        displayName: PHONES[p.index % PHONES.length],
        deviceTag: 'SoftwareTokenActivated',
        phoneAppVersion: '6.2401.0119',
        createdDateTime: created,
      };
    case 'fido2': {
      const key = KEYS[p.index % KEYS.length];
      return {
        '@odata.type': '#microsoft.graph.fido2AuthenticationMethod',
        id: methodId(ctx.seed, p.index, k),
        displayName: 'Security key',
        createdDateTime: created,
        aaGuid: key.aaGuid,
        model: key.model,
        attestationCertificates: [],
        attestationLevel: 'attested',
      };
    }
    case 'whfb':
      return {
        '@odata.type': '#microsoft.graph.windowsHelloForBusinessAuthenticationMethod',
        id: methodId(ctx.seed, p.index, k),
        displayName: `${p.upn.split('@')[0].toUpperCase().slice(0, 8)}-LT`,
        createdDateTime: created,
        keyStrength: 'normal',
      };
    case 'softwareOath':
      return { '@odata.type': '#microsoft.graph.softwareOathAuthenticationMethod', id: methodId(ctx.seed, p.index, k), secretKey: null };
    case 'mobile':
    case 'alternateMobile':
    case 'office':
      return {
        '@odata.type': '#microsoft.graph.phoneAuthenticationMethod',
        id: PHONE_METHOD_IDS[kind],
        phoneNumber: phone,
        phoneType: kind,
        smsSignInState: kind === 'mobile' ? 'notAllowedByPolicy' : 'notSupported',
      };
    case 'email':
      return {
        '@odata.type': '#microsoft.graph.emailAuthenticationMethod',
        id: EMAIL_METHOD_ID,
        emailAddress: `${p.upn.split('@')[0].replace(/#EXT#$/, '').slice(0, 24)}@outlook.com`,
      };
    case 'tap':
      return {
        '@odata.type': '#microsoft.graph.temporaryAccessPassAuthenticationMethod',
        id: methodId(ctx.seed, p.index, k),
        temporaryAccessPass: null,
        createdDateTime: isoSeconds(ctx.nowMs - 2 * DAY_MS),
        startDateTime: isoSeconds(ctx.nowMs - 2 * DAY_MS),
        lifetimeInMinutes: 480,
        isUsableOnce: true,
        isUsable: false,
        methodUsabilityReason: 'Expired',
      };
  }
}

/** authenticationMethods map and userRegistrationDetails rows for every live user. */
export function buildMfa(ctx: GenContext, adminIds: ReadonlySet<string>): {
  authenticationMethods: Map<string, GraphObject[]>;
  userRegistrationDetails: GraphObject[];
} {
  const authenticationMethods = new Map<string, GraphObject[]>();
  const userRegistrationDetails: GraphObject[] = [];
  const updated = isoSeconds(ctx.nowMs - 3 * 3_600_000);
  for (const p of ctx.plans) {
    if (p.deleted) continue;
    const kinds = PROFILE_METHODS[p.mfa];
    const methods: GraphObject[] = [
      {
        '@odata.type': '#microsoft.graph.passwordAuthenticationMethod',
        id: PASSWORD_METHOD_ID,
        password: null,
        createdDateTime: p.iso.created,
      },
    ];
    for (let k = 0; k < kinds.length; k++) methods.push(methodObject(ctx, p, kinds[k], k));
    authenticationMethods.set(p.id, methods);

    const t = TRAITS[p.mfa];
    const { sspr, preferred } = REPORT[p.mfa];
    userRegistrationDetails.push({
      id: p.id,
      userPrincipalName: p.upn,
      userDisplayName: p.displayName,
      isAdmin: adminIds.has(p.id),
      isSsprRegistered: sspr,
      isSsprEnabled: p.kind === 'member',
      isSsprCapable: p.kind === 'member' && kinds.length > 0,
      isMfaRegistered: t.mfaRegistered,
      isMfaCapable: t.mfaRegistered,
      isPasswordlessCapable: t.phishingResistant,
      lastUpdatedDateTime: updated,
      methodsRegistered: t.methodsRegistered.slice(),
      isSystemPreferredAuthenticationMethodEnabled: true,
      systemPreferredAuthenticationMethods: preferred === 'none' ? [] : [preferred],
      userPreferredMethodForSecondaryAuthentication: preferred === 'none' ? '' : preferred,
      userType: p.kind === 'guest' ? 'guest' : 'member',
    });
  }
  return { authenticationMethods, userRegistrationDetails };
}
