/** Users whose only second factor is SMS or voice. */
import { defineCheck, userEntity } from '../define-check.js';

export const smsVoiceOnlyMfa = defineCheck({
  id: 'sms-voice-only-mfa',
  title: 'Second factor not limited to SMS or voice',
  severity: 'Medium',
  appliesTo: 'user',
  requires: ['users', 'mfaRegistration'],
  optional: ['domains'],
  references: ['CISA SCuBA MS.AAD.3.5v1', 'CIS M365 v4.0.0 5.2.3.5'],
  controls: ['SOC2:CC6.1', 'ISO27001-2022:A.8.5', 'NIST-CSF-1.1:PR.AC-7', 'NIST-CSF-2.0:PR.AA-03', 'PCI-DSS-4.0:8.5.1'],
  description:
    'Each enabled member with a second factor has at least one app- or key-based method; SMS and voice can be intercepted '
    + '(SIM swap, real-time phishing). Users with no second factor at all are not applicable (see mfa-registered-all-users); '
    + 'so are guests, disabled and federated users.',
  remediation: 'Register Microsoft Authenticator or a FIDO2 key, then disable SMS and voice in the authentication methods policy.',
  evaluate(ctx, emit) {
    const mfa = ctx.mfaByUser();
    const lists = ctx.methodLists();
    const domainsKnown = ctx.complete('domains');
    for (const u of ctx.users()) {
      if (u.userType === 'Guest' || !u.accountEnabled || (domainsKnown && ctx.isFederated(u))) continue;
      const row = mfa.get(u.id);
      if (!row) continue;
      const entity = userEntity(u);
      const l = lists.of(row.methods);
      const evidence = { methodsRegistered: l.text };
      if (l.appOrKey.length) emit(entity, 'pass', `App- or key-based method registered: ${l.appOrKeyText}`, evidence);
      else if (l.phones.length) emit(entity, 'fail', `Only phone factors: ${l.phonesText}`, evidence);
      else emit(entity, 'not-applicable', 'No second factor at all (see mfa-registered-all-users)', evidence);
    }
  },
});
