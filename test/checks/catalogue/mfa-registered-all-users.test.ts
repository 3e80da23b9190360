import { describe, expect, it } from 'vitest';
import { mfaRegisteredAllUsers } from '../../../main/checks/catalogue/mfa-registered-all-users.js';
import type { MfaRegistrationRow } from '../../../shared/snapshot.js';
import { user } from '../conditional-access/fixtures.js';
import { run } from '../run.js';
import { snapshot } from '../snapshot-builder.js';

function reg(userId: string, methods: string[], source: MfaRegistrationRow['source'] = 'registrationReport'): MfaRegistrationRow {
  return { userId, userPrincipalName: `${userId}@contoso.example`, methods, isMfaRegistered: methods.length > 0, isAdmin: null, source };
}

const users = [
  user('authenticator'), user('fido'), user('phone'), user('whfb'), user('oath'), user('platform'),
  user('emailonly'), user('passwordonly'), user('tap'), user('nomethods'), user('norecord'),
  user('disabled', { accountEnabled: false }),
  user('guest', { userType: 'Guest', userPrincipalName: 'guest_fabrikam.example#EXT#@contoso.example' }),
  user('federated', { userPrincipalName: 'federated@corp.example', domain: 'corp.example' }),
];
const registrations = [
  reg('authenticator', ['password', 'microsoftAuthenticatorPush']),
  reg('fido', ['fido2SecurityKey'], 'authenticationMethods'),
  reg('phone', ['mobilePhone']),
  reg('whfb', ['windowsHelloForBusiness'], 'authenticationMethods'),
  reg('oath', ['softwareOneTimePasscode']),
  reg('platform', ['macOsSecureEnclaveKey']),
  reg('emailonly', ['email']),
  reg('passwordonly', ['password'], 'authenticationMethods'),
  reg('tap', ['temporaryAccessPass']),
  reg('nomethods', []),
  reg('disabled', []),
  reg('guest', []),
  reg('federated', []),
];
const domains = [
  { id: 'contoso.example', authenticationType: 'Managed', isVerified: true, isDefault: true },
  { id: 'corp.example', authenticationType: 'Federated', isVerified: true, isDefault: false },
];

describe('mfa-registered-all-users', () => {
  it('passes strong methods from either source; fails email, password and TAP only', () => {
    const { outcomes, by, summary } = run(mfaRegisteredAllUsers, snapshot({ users, mfa_registrations: registrations, domains }));
    for (const id of ['authenticator', 'fido', 'phone', 'whfb', 'oath', 'platform']) expect(outcomes[id], id).toBe('pass');
    for (const id of ['emailonly', 'passwordonly', 'tap', 'nomethods']) expect(outcomes[id], id).toBe('fail');
    expect(by('emailonly').reason).toContain('email');
    expect(by('fido').evidence.source).toBe('authenticationMethods');
    expect(summary.status).toBe('fail');
    expect(summary.counts.fail).toBe(4);
  });

  it('disabled accounts and guests are not applicable, with why', () => {
    const { by } = run(mfaRegisteredAllUsers, snapshot({ users, mfa_registrations: registrations, domains }));
    expect(by('disabled').outcome).toBe('not-applicable');
    expect(by('guest').outcome).toBe('not-applicable');
    expect(by('guest').reason).toMatch(/home tenant/);
  });

  it('federated users get their own outcome: MFA at federated IdP', () => {
    const { by } = run(mfaRegisteredAllUsers, snapshot({ users, mfa_registrations: registrations, domains }));
    expect(by('federated').outcome).toBe('external');
    expect(by('federated').reason).toMatch(/MFA at federated IdP/);
  });

  it('a user with no registration record is not assessed, never passed', () => {
    const { by } = run(mfaRegisteredAllUsers, snapshot({ users, mfa_registrations: registrations, domains }));
    expect(by('norecord').outcome).toBe('not-assessed');
  });

  it('without domains, users lacking a method are not assessed (they may be federated)', () => {
    const { outcomes } = run(mfaRegisteredAllUsers, snapshot({ users, mfa_registrations: registrations }, { coverage: { domains: 'unavailable' } }));
    expect(outcomes.authenticator).toBe('pass');
    expect(outcomes.nomethods).toBe('not-assessed');
    expect(outcomes.federated).toBe('not-assessed');
  });

  it('is not assessed as a whole when registrations were not collected, with the coverage reason', () => {
    const { results, summary } = run(mfaRegisteredAllUsers, snapshot({ users, domains }, { coverage: { mfaRegistration: 'unavailable' } }));
    expect(results).toHaveLength(1);
    expect(results[0].outcome).toBe('not-assessed');
    expect(summary.status).toBe('not-assessed');
    expect(summary.notAssessedReason).toMatch(/MFA registration methods is unavailable/);
  });
});
