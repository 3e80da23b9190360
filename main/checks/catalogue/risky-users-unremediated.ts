/** Users Identity Protection flags at risk whose risk was never remediated or dismissed. */
import { defineCheck } from '../define-check.js';

export const riskyUsersUnremediated = defineCheck({
  id: 'risky-users-unremediated',
  title: 'Risky users remediated',
  severity: 'High',
  appliesTo: 'user',
  requires: ['riskyUsers'],
  references: ['CISA SCuBA MS.AAD.2.1v1', 'CISA SCuBA MS.AAD.2.2v1'],
  controls: ['SOC2:CC7.3', 'SOC2:CC7.4', 'ISO27001-2022:A.8.16', 'HIPAA:164.308(a)(6)(ii)', 'NIST-CSF-1.1:RS.MI-2', 'NIST-CSF-2.0:RS.MI-01'],
  description: 'Each user in Identity Protection\'s risky users list: still "atRisk" or "confirmedCompromised" fails; remediated or dismissed passes.',
  remediation: 'Investigate; reset the password and revoke sessions (or confirm safe and dismiss); require a secure password change at high user risk.',
  evaluate(ctx, emit) {
    const users = ctx.usersById();
    for (const r of ctx.reader.riskyUsers()) {
      const entity = { entityType: 'user' as const, entityId: r.id, entityName: r.userPrincipalName ?? users.get(r.id)?.userPrincipalName ?? r.id };
      const evidence = { riskLevel: r.riskLevel, riskState: r.riskState, riskLastUpdatedDateTime: r.riskLastUpdatedDateTime };
      if (r.riskState === 'atRisk' || r.riskState === 'confirmedCompromised') emit(entity, 'fail', `Risk ${r.riskLevel}, state ${r.riskState}: not remediated`, evidence);
      else emit(entity, 'pass', `Risk state ${r.riskState}`, evidence);
    }
  },
});
