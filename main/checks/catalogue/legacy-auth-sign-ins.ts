/** Legacy authentication actually used: successful sign-ins from clients that cannot do MFA. */
import { defineCheck } from '../define-check.js';

export const legacyAuthSignIns = defineCheck({
  id: 'legacy-auth-sign-ins',
  title: 'Legacy authentication sign-ins',
  severity: 'Medium',
  appliesTo: 'user',
  requires: ['signIns'],
  references: ['CISA SCuBA MS.AAD.1.1v1', 'CIS M365 v4.0.0 5.2.2.3'],
  controls: ['SOC2:CC6.6', 'SOC2:CC7.2', 'ISO27001-2013:A.12.4.1', 'ISO27001-2022:A.8.16', 'NIST-CSF-1.1:DE.CM-3', 'NIST-CSF-2.0:DE.CM-03', 'PCI-DSS-4.0:10.4.1'],
  description: 'Each user who signed in during the collected window: any successful sign-in through a legacy client (Exchange ActiveSync, IMAP4, POP3, SMTP, other clients) fails.',
  remediation: 'Move the user or device to modern authentication, then block legacy authentication (see ca-legacy-auth-blocked).',
  evaluate(ctx, emit) {
    for (const [userId, t] of ctx.signIns()) {
      if (!t.successes) continue;
      const entity = { entityType: 'user' as const, entityId: userId, entityName: t.userPrincipalName };
      const evidence = { successfulSignIns: t.successes, legacySignIns: t.legacySuccesses, legacyClients: t.legacyClients.join(', ') };
      if (t.legacySuccesses) emit(entity, 'fail', `${t.legacySuccesses} successful legacy sign-in(s) via ${t.legacyClients.join(', ')}`, evidence);
      else emit(entity, 'pass', 'Modern authentication only', evidence);
    }
  },
});
