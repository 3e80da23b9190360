/** Users excluded from an MFA policy must be covered by another one (emergency-access accounts apart). */
import { defineCheck, userEntity } from '../define-check.js';

export const caExclusionsWithoutFallback = defineCheck({
  id: 'ca-exclusions-without-fallback',
  title: 'Conditional access exclusions have a fallback',
  severity: 'Medium',
  appliesTo: 'user',
  requires: ['users', 'conditionalAccess', 'groups', 'roles'],
  references: ['Maester MT.1005', 'CIS M365 v4.0.0 5.2.2.2'],
  controls: ['SOC2:CC6.1', 'ISO27001-2022:A.8.5', 'NIST-CSF-1.1:PR.AC-7', 'NIST-CSF-2.0:PR.AA-03'],
  description:
    'Each enabled user excluded (directly, through a group, role or guest type) from an enabled policy that would require MFA '
    + 'must still get MFA from another policy. Emergency-access accounts, excluded from every policy on purpose, are not applicable.',
  remediation: 'Remove the exclusion, or cover the excluded users with a policy of their own (for example a stronger one for a service group).',
  evaluate(ctx, emit) {
    const ca = ctx.ca();
    const emergency = ctx.emergencyAccounts();
    const answer = ca.question({});
    const users = ctx.users();
    const signatures = ctx.caSignatures();
    for (let i = 0; i < users.length; i++) {
      const u = users[i];
      if (!u.accountEnabled) continue;
      const e = answer(u.id, signatures[i]);
      if (!e.excludedFrom.length) continue;
      const entity = userEntity(u);
      const evidence = { excludedFrom: e.excludedFrom.map((p) => p.displayName).join(', '), verdict: e.verdict };
      if (emergency.has(u.id)) emit(entity, 'not-applicable', 'Emergency-access account: excluded from every policy by design', evidence);
      else if (e.verdict === 'enforced') emit(entity, 'pass', `Excluded from ${evidence.excludedFrom}, but ${e.summary}`, evidence);
      else emit(entity, 'fail', `Excluded from ${evidence.excludedFrom} and nothing else requires MFA: ${e.summary}`, evidence);
    }
  },
});
