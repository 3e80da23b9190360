/** Client secrets valid for more than 180 days. */
import { credentialEntity, credentialEvidence, lifetimeDays } from '../app-credentials.js';
import { defineCheck } from '../define-check.js';

const MAX_DAYS = 180;

export const appSecretsLongLived = defineCheck({
  id: 'app-secrets-long-lived',
  title: 'Client secrets valid at most 180 days',
  severity: 'Medium',
  appliesTo: 'application',
  requires: ['applications'],
  references: ['Maester MT.1057', 'PCI DSS 4.0 8.6.3'],
  controls: ['SOC2:CC6.1', 'ISO27001-2013:A.9.2.4', 'ISO27001-2022:A.5.17', 'NIST-CSF-2.0:PR.AA-01', 'PCI-DSS-4.0:8.6.3'],
  description: `Each live client secret: a lifetime (end minus start) over ${MAX_DAYS} days fails. Long-lived secrets leak and stay useful.`,
  remediation: 'Use a certificate or a managed identity / workload identity federation; otherwise rotate secrets at most every 180 days (an app management policy can enforce it).',
  evaluate(ctx, emit) {
    for (const c of ctx.reader.appCredentials()) {
      if (c.kind !== 'secret') continue;
      const days = lifetimeDays(c);
      const evidence = { ...credentialEvidence(c), lifetimeDays: days };
      if (c.endDateTime && Date.parse(c.endDateTime) <= ctx.nowMs) emit(credentialEntity(c), 'not-applicable', 'Already expired', evidence);
      else if (days === null) emit(credentialEntity(c), 'not-assessed', 'Start or end date not recorded', evidence);
      else if (days > MAX_DAYS) emit(credentialEntity(c), 'fail', `Secret valid for ${days} days (more than ${MAX_DAYS})`, evidence);
      else emit(credentialEntity(c), 'pass', `Secret valid for ${days} days`, evidence);
    }
  },
});
