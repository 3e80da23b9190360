/** Expired secrets and certificates left on app registrations. */
import { credentialEntity, credentialEvidence } from '../app-credentials.js';
import { defineCheck } from '../define-check.js';

export const appCredentialsExpired = defineCheck({
  id: 'app-credentials-expired',
  title: 'Expired app credentials removed',
  severity: 'Low',
  appliesTo: 'application',
  requires: ['applications'],
  references: ['Maester MT.1057 (app secrets)', 'PCI DSS 4.0 8.6.3'],
  controls: ['SOC2:CC6.1', 'ISO27001-2013:A.9.2.4', 'ISO27001-2022:A.5.17', 'NIST-CSF-2.0:PR.AA-01', 'PCI-DSS-4.0:8.6.3'],
  description: 'Each app registration secret or certificate: already expired fails (clutter that hides which credentials are live, and a sign of unmanaged apps).',
  remediation: 'Delete expired credentials; if the app still runs, find what it authenticates with now.',
  evaluate(ctx, emit) {
    for (const c of ctx.reader.appCredentials()) {
      const expired = c.endDateTime !== null && Date.parse(c.endDateTime) <= ctx.nowMs;
      if (expired) emit(credentialEntity(c), 'fail', `Expired ${ctx.daysAgo(c.endDateTime)} days ago`, credentialEvidence(c));
      else emit(credentialEntity(c), 'pass', c.endDateTime ? `Valid until ${c.endDateTime.slice(0, 10)}` : 'No expiry recorded', credentialEvidence(c));
    }
  },
});
