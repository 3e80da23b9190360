/** Conditional access enforces MFA for every enabled member on every app. */
import type { MfaEvaluation } from '../conditional-access/evaluate.js';
import { defineCheck, userEntity } from '../define-check.js';

export const caMfaAllUsers = defineCheck({
  id: 'ca-mfa-all-users',
  title: 'MFA enforced for all users by conditional access',
  severity: 'High',
  appliesTo: 'user',
  requires: ['users', 'conditionalAccess', 'groups', 'roles'],
  references: ['CIS M365 v4.0.0 5.2.2.2', 'CISA SCuBA MS.AAD.3.2v1', 'Maester MT.1007', 'Maester MT.1004'],
  controls: ['SOC2:CC6.1', 'SOC2:CC6.6', 'ISO27001-2013:A.9.4.2', 'ISO27001-2022:A.8.5', 'HIPAA:164.312(d)', 'GDPR:Art.32',
    'NIST-CSF-1.1:PR.AC-7', 'NIST-CSF-2.0:PR.AA-03', 'PCI-DSS-4.0:8.4.2', 'PCI-DSS-4.0:8.4.3'],
  description:
    'For each enabled member: does an enabled conditional access policy require MFA (or an authentication strength) on all '
    + 'apps for modern clients, with no condition that lets some sign-ins through? Report-only and disabled policies do not '
    + 'count; a policy narrowed by location, platform, risk or device filter only counts as "conditional", which fails here. '
    + 'Security defaults count as conditional for non-administrators. Emergency-access accounts (excluded from every policy) '
    + 'are not applicable; see emergency-access-accounts.',
  remediation: 'Create (or switch on) a policy: All users, All resources, grant "Require multifactor authentication", excluding only emergency-access accounts.',
  evaluate(ctx, emit) {
    const answer = ctx.ca().question({});
    const emergency = ctx.emergencyAccounts();
    // Users of one signature share one evaluation: its policy lists are joined once.
    const lists = new Map<MfaEvaluation, { enforcedBy: string; excludedFrom: string; reportOnly: string }>();
    const users = ctx.users();
    const signatures = ctx.caSignatures();
    for (let i = 0; i < users.length; i++) {
      const u = users[i];
      const entity = userEntity(u);
      if (u.userType === 'Guest') { emit(entity, 'not-applicable', 'Guest account (see ca-mfa-guests)'); continue; }
      if (!u.accountEnabled) { emit(entity, 'not-applicable', 'Account is disabled'); continue; }
      if (emergency.has(u.id)) { emit(entity, 'not-applicable', 'Emergency-access account: excluded from every policy by design'); continue; }
      const e = answer(u.id, signatures[i]);
      let l = lists.get(e);
      if (!l) {
        lists.set(e, (l = { enforcedBy: e.enforcedBy.map((p) => p.displayName).join(', '), excludedFrom: e.excludedFrom.map((p) => p.displayName).join(', '), reportOnly: e.reportOnly.map((p) => p.displayName).join(', ') }));
      }
      const evidence = { verdict: e.verdict, enforcedBy: l.enforcedBy, excludedFrom: l.excludedFrom, reportOnly: l.reportOnly };
      emit(entity, e.verdict === 'enforced' ? 'pass' : 'fail', e.summary, evidence);
    }
  },
});
