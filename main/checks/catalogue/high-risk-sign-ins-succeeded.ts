/** Sign-ins rated high risk that succeeded anyway. */
import { defineCheck, tenantEntity } from '../define-check.js';

export const highRiskSignInsSucceeded = defineCheck({
  id: 'high-risk-sign-ins-succeeded',
  title: 'High-risk sign-ins that succeeded',
  severity: 'High',
  appliesTo: 'user',
  requires: ['signIns'],
  references: ['CISA SCuBA MS.AAD.2.3v1'],
  controls: ['SOC2:CC7.2', 'SOC2:CC7.3', 'ISO27001-2022:A.8.16', 'HIPAA:164.308(a)(1)(ii)(D)', 'NIST-CSF-1.1:DE.CM-7', 'NIST-CSF-2.0:DE.AE-02', 'PCI-DSS-4.0:10.4.1'],
  description: 'Each user who signed in during the collected window: a successful sign-in that Identity Protection rated high risk at sign-in time fails. '
    + 'Graph shows the risk level only to Entra ID P2 tenants (others read "hidden"), so without P2 the check is not assessed.',
  remediation: 'Investigate the sign-ins, reset the user\'s credentials and revoke sessions; block high-risk sign-ins (see ca-block-high-sign-in-risk).',
  evaluate(ctx, emit) {
    const licence = ctx.reader.meta().licence;
    if (licence !== 'p2') {
      emit(tenantEntity('Sign-in risk'), 'not-assessed', `Sign-in risk levels are hidden without Entra ID P2 (licence found: ${licence.toUpperCase()}), so a risky sign-in cannot be told apart`);
      return;
    }
    for (const [userId, t] of ctx.signIns()) {
      if (!t.successes) continue;
      const entity = { entityType: 'user' as const, entityId: userId, entityName: t.userPrincipalName };
      if (t.highRiskSuccesses) emit(entity, 'fail', `${t.highRiskSuccesses} successful high-risk sign-in(s)`, { highRiskSignIns: t.highRiskSuccesses });
      else emit(entity, 'pass', 'No successful high-risk sign-in', { highRiskSignIns: 0 });
    }
  },
});
