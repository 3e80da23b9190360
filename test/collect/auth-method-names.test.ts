import { describe, expect, it } from 'vitest';
import { isMfaRegistered, methodNames } from '../../main/collect/auth-method-names.js';

const m = (type: string, extra: Record<string, unknown> = {}) => ({
  id: `${type}-id`,
  '@odata.type': `#microsoft.graph.${type}`,
  ...extra,
});

describe('authentication method names', () => {
  it('maps each method type to the registration report name, dropping the password', () => {
    const names = methodNames([
      m('passwordAuthenticationMethod'),
      m('microsoftAuthenticatorAuthenticationMethod'),
      m('fido2AuthenticationMethod'),
      m('windowsHelloForBusinessAuthenticationMethod'),
      m('softwareOathAuthenticationMethod'),
      m('phoneAuthenticationMethod', { phoneType: 'mobile' }),
      m('phoneAuthenticationMethod', { phoneType: 'alternateMobile' }),
      m('phoneAuthenticationMethod', { phoneType: 'office' }),
      m('emailAuthenticationMethod'),
      m('temporaryAccessPassAuthenticationMethod'),
      m('platformCredentialAuthenticationMethod'),
      m('microsoftAuthenticatorAuthenticationMethod'),
    ]);
    expect(names).toEqual([
      'microsoftAuthenticatorPush',
      'fido2SecurityKey',
      'windowsHelloForBusiness',
      'softwareOneTimePasscode',
      'mobilePhone',
      'alternateMobilePhone',
      'officePhone',
      'email',
      'temporaryAccessPass',
      'macOsSecureEnclaveKey',
    ]);
  });

  it('keeps an unknown future method under its own name', () => {
    expect(methodNames([m('qrCodePinAuthenticationMethod')])).toEqual(['qrCodePin']);
  });

  it('counts phones and app methods as MFA, but not email or a temporary pass alone', () => {
    expect(isMfaRegistered(['email', 'temporaryAccessPass'])).toBe(false);
    expect(isMfaRegistered([])).toBe(false);
    expect(isMfaRegistered(['officePhone'])).toBe(true);
    expect(isMfaRegistered(['email', 'fido2SecurityKey'])).toBe(true);
  });
});
