/** App credentials expiring within 30 days (an outage waiting to happen). */
import { credentialEntity, credentialEvidence } from '../app-credentials.js';
import { defineCheck } from '../define-check.js';

const WINDOW_DAYS = 30;

export const appCredentialsExpiring = defineCheck({
  id: 'app-credentials-expiring',
  title: 'App credentials expiring within 30 days',
  severity: 'Low',
  appliesTo: 'application',
  requires: ['applications'],
  references: ['PCI DSS 4.0 8.6.3'],
  controls: ['SOC2:CC6.1', 'ISO27001-2022:A.5.17', 'PCI-DSS-4.0:8.6.3'],
  description: `Each live app registration secret or certificate: expiring within ${WINDOW_DAYS} days fails, so rotation is planned, not an outage. Expired ones are not applicable (see app-credentials-expired).`,
  remediation: 'Add the new credential, roll it out to the app, then remove the old one.',
  evaluate(ctx, emit) {
    const limit = ctx.nowMs + WINDOW_DAYS * 86_400_000;
    for (const c of ctx.reader.appCredentials()) {
      const end = c.endDateTime ? Date.parse(c.endDateTime) : null;
      if (end !== null && end <= ctx.nowMs) emit(credentialEntity(c), 'not-applicable', 'Already expired', credentialEvidence(c));
      else if (end !== null && end <= limit) emit(credentialEntity(c), 'fail', `Expires on ${c.endDateTime!.slice(0, 10)}, in ${Math.ceil((end - ctx.nowMs) / 86_400_000)} days`, credentialEvidence(c));
      else emit(credentialEntity(c), 'pass', end === null ? 'No expiry recorded' : `Valid until ${c.endDateTime!.slice(0, 10)}`, credentialEvidence(c));
    }
  },
});
