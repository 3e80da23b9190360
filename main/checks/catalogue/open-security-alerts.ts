/** Users with open high or medium severity security alerts. */
import { defineCheck } from '../define-check.js';

export const openSecurityAlerts = defineCheck({
  id: 'open-security-alerts',
  title: 'Open security alerts on users',
  severity: 'High',
  appliesTo: 'user',
  requires: ['alerts', 'users'],
  references: ['CISA SCuBA MS.AAD.2.2v1 (notification)'],
  controls: ['SOC2:CC7.2', 'SOC2:CC7.3', 'SOC2:CC7.4', 'ISO27001-2022:A.8.16', 'HIPAA:164.308(a)(6)(ii)', 'NIST-CSF-1.1:DE.CM-3', 'NIST-CSF-2.0:DE.AE-02'],
  description: 'Each user named in a Defender alert: a high or medium severity alert still new or in progress fails; resolved ones pass.',
  remediation: 'Triage and resolve the alert (investigate, contain, document).',
  evaluate(ctx, emit) {
    const byUser = new Map<string, { open: string[]; total: number }>();
    for (const a of ctx.reader.alerts()) {
      const open = (a.status === 'new' || a.status === 'inProgress') && (a.severity === 'high' || a.severity === 'medium');
      for (const id of a.userIds) {
        const e = byUser.get(id) ?? { open: [], total: 0 };
        e.total++;
        if (open) e.open.push(`${a.severity}: ${a.title}`);
        byUser.set(id, e);
      }
    }
    const users = ctx.usersById();
    for (const [id, e] of byUser) {
      const entity = { entityType: 'user' as const, entityId: id, entityName: users.get(id)?.userPrincipalName ?? id };
      const evidence = { alerts: e.total, openAlerts: e.open.length, examples: e.open.slice(0, 5).join('; ') };
      if (e.open.length) emit(entity, 'fail', `${e.open.length} open alert(s): ${e.open.slice(0, 3).join('; ')}`, evidence);
      else emit(entity, 'pass', `${e.total} alert(s), none open at high or medium severity`, evidence);
    }
  },
});
