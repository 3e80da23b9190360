/**
 * Authentication method names (as userRegistrationDetails' methodsRegistered uses them) grouped by
 * what they are worth as a second factor.
 */

/** Phishing-resistant: FIDO2 security keys, passkeys, Windows Hello for Business, platform credentials. */
export const PHISHING_RESISTANT_METHODS: ReadonlySet<string> = new Set([
  'fido2SecurityKey', 'passKeyDeviceBound', 'passKeyDeviceBoundAuthenticator', 'passKeyDeviceBoundWindowsHello',
  'passKeySynced', 'windowsHelloForBusiness', 'macOsSecureEnclaveKey',
]);

/** App- or key-based factors: Authenticator, OATH tokens and the phishing-resistant ones. */
export const APP_OR_KEY_METHODS: ReadonlySet<string> = new Set([
  ...PHISHING_RESISTANT_METHODS,
  'microsoftAuthenticatorPush', 'microsoftAuthenticatorPasswordless', 'softwareOneTimePasscode', 'hardwareOneTimePasscode',
  'externalAuthenticationMethod',
]);

/** Phone factors (SMS, voice): strong enough for the seed's registration test, weakest of all. */
export const PHONE_METHODS: ReadonlySet<string> = new Set([
  'mobilePhone', 'alternateMobilePhone', 'officePhone', 'sms', 'voiceMobile', 'voiceAlternateMobile', 'voiceOffice',
]);

/**
 * The seed's strong methods: Authenticator, FIDO2 / passkey, phone, Windows Hello, software or
 * hardware OATH, platform credential. Email, password, security questions, app passwords and a
 * temporary access pass do not count.
 */
export const STRONG_METHODS: ReadonlySet<string> = new Set([...APP_OR_KEY_METHODS, ...PHONE_METHODS]);

/** Methods of a registration row that are in `set`, sorted. */
export function methodsIn(methods: readonly string[], set: ReadonlySet<string>): string[] {
  return methods.filter((m) => set.has(m)).sort();
}

/** One registration's methods as the checks report them: sorted, and the parts in each group, with their texts. */
export interface MethodLists {
  /** The methods as registered (the cache key's list). */
  readonly methods: readonly string[];
  readonly sorted: readonly string[];
  /** `sorted` joined with ", ". */
  readonly text: string;
  readonly strong: readonly string[];
  readonly strongText: string;
  readonly appOrKey: readonly string[];
  readonly appOrKeyText: string;
  readonly phones: readonly string[];
  readonly phonesText: string;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Method lists worked out once per distinct registration (200k users register a few dozen
 * distinct lists): the same arrays and strings as sorting and filtering each user's list.
 */
export class MethodListCache {
  private readonly byKey = new Map<string, MethodLists>();

  of(methods: readonly string[]): MethodLists {
    const key = methods.join('\u0000');
    const hit = this.byKey.get(key);
    if (hit && sameList(hit.methods, methods)) return hit;
    const sorted = [...methods].sort();
    const strong = methodsIn(sorted, STRONG_METHODS);
    const appOrKey = methodsIn(sorted, APP_OR_KEY_METHODS);
    const phones = methodsIn(sorted, PHONE_METHODS);
    const lists: MethodLists = {
      methods: [...methods], sorted, text: sorted.join(', '), strong, strongText: strong.join(', '),
      appOrKey, appOrKeyText: appOrKey.join(', '), phones, phonesText: phones.join(', '),
    };
    if (!hit) this.byKey.set(key, lists);
    return lists;
  }
}
