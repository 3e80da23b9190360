/**
 * Per-user authentication methods (@odata.type objects) normalised to the method names Graph's
 * userRegistrationDetails report uses, so both sources give the same MfaRegistrationRow.
 */
import type { RegisteredMethod } from '../../shared/snapshot.js';
import type { GraphObject } from '../graph/types.js';
import { odataTypeName, str } from './map-values.js';

const BY_TYPE: Record<string, RegisteredMethod | null> = {
  microsoftAuthenticatorAuthenticationMethod: 'microsoftAuthenticatorPush',
  passwordlessMicrosoftAuthenticatorAuthenticationMethod: 'microsoftAuthenticatorPasswordless',
  fido2AuthenticationMethod: 'fido2SecurityKey',
  windowsHelloForBusinessAuthenticationMethod: 'windowsHelloForBusiness',
  softwareOathAuthenticationMethod: 'softwareOneTimePasscode',
  hardwareOathAuthenticationMethod: 'hardwareOneTimePasscode',
  platformCredentialAuthenticationMethod: 'macOsSecureEnclaveKey',
  emailAuthenticationMethod: 'email',
  temporaryAccessPassAuthenticationMethod: 'temporaryAccessPass',
  // The report does not list the password; neither do we.
  passwordAuthenticationMethod: null,
};

const PHONE_TYPES: Record<string, RegisteredMethod> = {
  mobile: 'mobilePhone',
  alternateMobile: 'alternateMobilePhone',
  office: 'officePhone',
};

/** Methods that do not count as a second factor (the report's isMfaRegistered ignores them). */
const NOT_MFA: ReadonlySet<string> = new Set([
  'email',
  'temporaryAccessPass',
  'securityQuestion',
  'appPassword',
  'password',
]);

/** The report names of a user's method objects, de-duplicated, in first-seen order. */
export function methodNames(methods: GraphObject[]): RegisteredMethod[] {
  const out: RegisteredMethod[] = [];
  for (const m of methods) {
    const type = odataTypeName(m);
    let name: RegisteredMethod | null;
    if (type === 'phoneAuthenticationMethod') name = PHONE_TYPES[str(m.phoneType) ?? ''] ?? 'mobilePhone';
    else if (type in BY_TYPE) name = BY_TYPE[type];
    else name = type.replace(/AuthenticationMethod$/, '');
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

/** Whether the methods include a second factor, as the report's isMfaRegistered defines it. */
export function isMfaRegistered(methods: readonly string[]): boolean {
  return methods.some((m) => !NOT_MFA.has(m));
}
