/** Conditional access requires phishing-resistant MFA for holders of privileged roles. */
import { defineCheck } from '../define-check.js';
import { evaluateAdminCoverage } from './admin-ca-coverage.js';

export const caPhishingResistantAdmins = defineCheck({
  id: 'ca-phishing-resistant-admins',
  title: 'Phishing-resistant MFA required for administrators',
  severity: 'High',
  appliesTo: 'user',
  requires: ['users', 'conditionalAccess', 'roles', 'groups'],
  optional: ['pimEligibility'],
  references: ['CISA SCuBA MS.AAD.3.6v1', 'CIS M365 v4.0.0 5.2.2.5'],
  controls: ['SOC2:CC6.1', 'ISO27001-2013:A.9.2.3', 'ISO27001-2022:A.8.2', 'ISO27001-2022:A.8.5', 'NIST-CSF-1.1:PR.AC-7',
    'NIST-CSF-2.0:PR.AA-03', 'PCI-DSS-4.0:8.5.1'],
  description:
    'For each enabled holder of a privileged role, an enabled policy on all apps must require an authentication strength '
    + 'whose every allowed combination is phishing-resistant (FIDO2, Windows Hello for Business, certificate-based MFA).',
  remediation: 'Require the built-in "Phishing-resistant MFA" authentication strength for the privileged directory roles on All resources.',
  evaluate(ctx, emit) {
    evaluateAdminCoverage(ctx, emit, { requirement: 'phishing-resistant', disabledReason: 'Account is disabled' });
  },
});
