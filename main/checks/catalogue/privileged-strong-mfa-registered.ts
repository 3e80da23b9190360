/** Privileged accounts have an app- or key-based method registered, not only phone or nothing. */
import { defineCheck, userEntity } from '../define-check.js';
import { APP_OR_KEY_METHODS, methodsIn, PHISHING_RESISTANT_METHODS } from '../mfa-methods.js';

export const privilegedStrongMfaRegistered = defineCheck({
  id: 'privileged-strong-mfa-registered',
  title: 'Privileged accounts have strong MFA registered',
  severity: 'High',
  appliesTo: 'user',
  requires: ['users', 'roles', 'groups', 'mfaRegistration'],
  optional: ['pimEligibility'],
  references: ['CISA SCuBA MS.AAD.3.6v1', 'CIS M365 v4.0.0 5.2.3.4'],
  controls: ['SOC2:CC6.1', 'ISO27001-2013:A.9.2.3', 'ISO27001-2022:A.8.2', 'ISO27001-2022:A.8.5', 'HIPAA:164.312(d)',
    'NIST-CSF-1.1:PR.AC-7', 'NIST-CSF-2.0:PR.AA-03', 'PCI-DSS-4.0:8.4.1'],
  description:
    'Each enabled holder of a privileged role has Microsoft Authenticator, an OATH token, a FIDO2 key or passkey, or Windows '
    + 'Hello registered. Phone (SMS, voice) alone, email or nothing fails. Evidence says whether a phishing-resistant method is there.',
  remediation: 'Register a FIDO2 security key or Windows Hello for Business for each administrator and remove phone methods.',
  evaluate(ctx, emit) {
    const mfa = ctx.mfaByUser();
    for (const [userId, held] of ctx.privilegedHolders()) {
      const u = ctx.usersById().get(userId);
      if (!u) continue;
      const methods = [...(mfa.get(userId)?.methods ?? [])].sort();
      const strong = methodsIn(methods, APP_OR_KEY_METHODS);
      const evidence = { methodsRegistered: methods.join(', '), phishingResistant: methodsIn(methods, PHISHING_RESISTANT_METHODS).length > 0, activeRoles: held.active.join(', ') };
      if (!u.accountEnabled) emit(userEntity(u), 'not-applicable', 'Account is disabled', evidence);
      else if (!mfa.has(userId)) emit(userEntity(u), 'not-assessed', 'No registration record was collected for this user', evidence);
      else if (strong.length) emit(userEntity(u), 'pass', `Strong method registered: ${strong.join(', ')}`, evidence);
      else emit(userEntity(u), 'fail', methods.length ? `Only ${methods.join(', ')} registered` : 'No method registered', evidence);
    }
  },
});
