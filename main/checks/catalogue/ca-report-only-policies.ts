/** Conditional access policies left in report-only mode enforce nothing. */
import { defineCheck } from '../define-check.js';

export const caReportOnlyPolicies = defineCheck({
  id: 'ca-report-only-policies',
  title: 'Conditional access policies enforced, not report-only',
  severity: 'Low',
  appliesTo: 'policy',
  requires: ['conditionalAccess'],
  references: ['CIS M365 v4.0.0 5.2.2.2 (report-only is not complete)'],
  controls: ['SOC2:CC6.1', 'ISO27001-2013:A.9.1.1', 'ISO27001-2022:A.5.15', 'NIST-CSF-2.0:PR.PS-01'],
  description: 'Each policy is either on (pass), report-only (fail: it only logs what it would do), or disabled (not applicable: switched off on purpose).',
  remediation: 'Review the report-only results (sign-in logs, insights workbook) and switch the policy on, or delete it.',
  evaluate(ctx, emit) {
    for (const p of ctx.sortedPolicies()) {
      const entity = { entityType: 'policy' as const, entityId: p.id, entityName: p.displayName };
      const evidence = { state: p.state, modifiedDateTime: p.modifiedDateTime ?? null };
      if (p.state === 'enabled') emit(entity, 'pass', 'Policy is on', evidence);
      else if (p.state === 'enabledForReportingButNotEnforced') emit(entity, 'fail', 'Policy is report-only: it enforces nothing', evidence);
      else emit(entity, 'not-applicable', 'Policy is disabled', evidence);
    }
  },
});
