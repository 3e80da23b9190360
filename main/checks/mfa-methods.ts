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
