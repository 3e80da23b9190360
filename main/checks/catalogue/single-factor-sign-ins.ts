/** Successful interactive sign-ins that used a single factor. */
import { defineCheck } from '../define-check.js';

export const singleFactorSignIns = defineCheck({
  id: 'single-factor-sign-ins',
  title: 'Single-factor interactive sign-ins',
  severity: 'Medium',
  appliesTo: 'user',
  requires: ['signIns'],
  references: ['CIS M365 v4.0.0 5.2.2.2', 'CISA SCuBA MS.AAD.3.2v1'],
  controls: ['SOC2:CC6.1', 'SOC2:CC7.2', 'ISO27001-2022:A.8.5', 'ISO27001-2022:A.8.16', 'HIPAA:164.308(a)(5)(ii)(C)', 'NIST-CSF-1.1:PR.AC-7', 'PCI-DSS-4.0:8.4.2'],
  description: 'Each user who signed in during the collected window: a successful interactive sign-in whose authentication requirement was single-factor fails; it shows where policies let a password alone through.',
  remediation: 'Find the policy gap the sign-ins went through (location, app or client exclusion) and close it.',
  evaluate(ctx, emit) {
    for (const [userId, t] of ctx.signIns()) {
      if (!t.successes) continue;
      const entity = { entityType: 'user' as const, entityId: userId, entityName: t.userPrincipalName };
      const evidence = { successfulSignIns: t.successes, singleFactor: t.singleFactorSuccesses };
      if (t.singleFactorSuccesses) emit(entity, 'fail', `${t.singleFactorSuccesses} successful single-factor interactive sign-in(s)`, evidence);
      else emit(entity, 'pass', 'Every successful interactive sign-in used MFA', evidence);
    }
  },
});
