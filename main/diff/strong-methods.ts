/**
 * Which registered methods count as a strong second factor (issue 4's definition): Authenticator,
 * FIDO2 / passkeys, phone, Windows Hello, software or hardware OATH, platform credentials.
 * Email, password, security questions, app passwords and a temporary access pass do not.
 */
import type { RegisteredMethod } from '../../shared/snapshot.js';

const STRONG = new Set<string>([
  'microsoftAuthenticatorPush', 'microsoftAuthenticatorPasswordless', 'softwareOneTimePasscode',
  'hardwareOneTimePasscode', 'fido2SecurityKey', 'passKeyDeviceBound', 'passKeyDeviceBoundAuthenticator',
  'passKeyDeviceBoundWindowsHello', 'windowsHelloForBusiness', 'macOsSecureEnclaveKey', 'platformCredential',
  'mobilePhone', 'alternateMobilePhone', 'officePhone', 'sms', 'voiceMobile', 'voiceAlternateMobile', 'voiceOffice',
]);

/** True for a method that counts as MFA. */
export function isStrongMethod(m: RegisteredMethod): boolean {
  return STRONG.has(m);
}

/** The strong methods among a user's registered ones, sorted. */
export function strongMethods(methods: readonly RegisteredMethod[]): string[] {
  return methods.filter(isStrongMethod).sort();
}
