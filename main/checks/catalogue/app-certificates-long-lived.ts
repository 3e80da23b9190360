/** App certificates valid for more than 365 days. */
import { credentialEntity, credentialEvidence, lifetimeDays } from '../app-credentials.js';
import { defineCheck } from '../define-check.js';

const MAX_DAYS = 365;

export const appCertificatesLongLived = defineCheck({
  id: 'app-certificates-long-lived',
  title: 'App certificates valid at most 365 days',
  severity: 'Low',
  appliesTo: 'application',
  requires: ['applications'],
  references: ['PCI DSS 4.0 8.6.3'],
  controls: ['SOC2:CC6.1', 'ISO27001-2022:A.5.17', 'PCI-DSS-4.0:8.6.3'],
  description: `Each live certificate credential: a lifetime over ${MAX_DAYS} days fails.`,
  remediation: 'Issue certificates valid for a year or less and automate their rotation (Key Vault).',
  evaluate(ctx, emit) {
    for (const c of ctx.reader.appCredentials()) {
      if (c.kind !== 'certificate') continue;
      const days = lifetimeDays(c);
      const evidence = { ...credentialEvidence(c), lifetimeDays: days };
      if (c.endDateTime && Date.parse(c.endDateTime) <= ctx.nowMs) emit(credentialEntity(c), 'not-applicable', 'Already expired', evidence);
      else if (days === null) emit(credentialEntity(c), 'not-assessed', 'Start or end date not recorded', evidence);
      else if (days > MAX_DAYS) emit(credentialEntity(c), 'fail', `Certificate valid for ${days} days (more than ${MAX_DAYS})`, evidence);
      else emit(credentialEntity(c), 'pass', `Certificate valid for ${days} days`, evidence);
    }
  },
});
