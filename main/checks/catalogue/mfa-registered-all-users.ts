/** Seed check: every active member has a strong authentication method registered. */
import { defineCheck, userEntity } from '../define-check.js';

export const mfaRegisteredAllUsers = defineCheck({
  id: 'mfa-registered-all-users',
  title: 'MFA Registered for All Users',
  severity: 'Critical',
  appliesTo: 'user',
  requires: ['users', 'mfaRegistration'],
  optional: ['domains'],
  references: ['CIS M365 v4.0.0 5.2.3.4', 'CISA SCuBA MS.AAD.3.2v1', 'Maester MT.1007'],
  controls: [
    'SOC2:CC6.1', 'ISO27001-2013:A.9.4.2', 'ISO27001-2013:A.9.2.4', 'ISO27001-2022:A.5.17', 'ISO27001-2022:A.8.5',
    'HIPAA:164.312(d)', 'GDPR:Art.32', 'NIST-CSF-1.1:PR.AC-7', 'NIST-CSF-2.0:PR.AA-03', 'PCI-DSS-4.0:8.4.2', 'PCI-DSS-4.0:8.3.1',
  ],
  description:
    'Every enabled member account has at least one strong authentication method registered: Microsoft Authenticator, '
    + 'FIDO2 security key or passkey, phone (SMS or voice), Windows Hello for Business, software or hardware OATH token, or a '
    + 'platform credential. Email and password do not count. Disabled accounts and guests (who authenticate at their home '
    + 'tenant) are not applicable. Users of a federated domain get the outcome "external": their MFA happens at the federated '
    + 'identity provider, so an empty Entra registration proves nothing either way. Works from the bulk registration report and '
    + 'from per-user authentication methods alike.',
  remediation:
    'Have each failing user register Microsoft Authenticator or a FIDO2 key (a registration campaign or a conditional access '
    + 'policy on "Register security information"); for federated users, confirm MFA at the federated identity provider.',
  evaluate(ctx, emit) {
    const mfa = ctx.mfaByUser();
    const lists = ctx.methodLists();
    const domainsMissing = ctx.missingReason(['domains']);
    for (const u of ctx.users()) {
      const entity = userEntity(u);
      if (u.userType === 'Guest') {
        emit(entity, 'not-applicable', 'Guest account: authenticates (and registers MFA) at its home tenant', { userType: u.userType });
        continue;
      }
      if (!u.accountEnabled) {
        emit(entity, 'not-applicable', 'Account is disabled', { accountEnabled: false });
        continue;
      }
      const row = mfa.get(u.id);
      const l = lists.of(row ? row.methods : []);
      const registered = l.sorted;
      const strong = l.strong;
      const evidence = { methodsRegistered: l.text, strongMethods: l.strongText, source: row?.source ?? null, domain: u.domain };
      if (!domainsMissing && ctx.isFederated(u)) {
        emit(entity, 'external', `MFA at federated IdP: ${u.domain} is federated, so MFA is decided by its identity provider`, { ...evidence, federated: true });
        continue;
      }
      if (!row) {
        emit(entity, 'not-assessed', 'No registration record was collected for this user', evidence);
        continue;
      }
      if (strong.length) {
        emit(entity, 'pass', `Strong method registered: ${l.strongText}`, evidence);
        continue;
      }
      if (domainsMissing) {
        emit(entity, 'not-assessed', `No strong method registered, but whether ${u.domain} is federated is unknown: ${domainsMissing}`, evidence);
        continue;
      }
      emit(entity, 'fail', registered.length ? `No strong method registered (only ${l.text})` : 'No authentication method registered', evidence);
    }
  },
});
