/** Conditional access enforces MFA for every holder of a privileged role. */
import { defineCheck } from '../define-check.js';
import { evaluateAdminCoverage } from './admin-ca-coverage.js';

export const caMfaAdmins = defineCheck({
  id: 'ca-mfa-admins',
  title: 'MFA enforced for administrators by conditional access',
  severity: 'Critical',
  appliesTo: 'user',
  requires: ['users', 'conditionalAccess', 'roles', 'groups'],
  optional: ['pimEligibility'],
  references: ['CIS M365 v4.0.0 5.2.2.1', 'Maester MT.1006', 'CISA SCuBA MS.AAD.3.6v1'],
  controls: ['SOC2:CC6.1', 'ISO27001-2013:A.9.2.3', 'ISO27001-2013:A.9.4.2', 'ISO27001-2022:A.8.2', 'ISO27001-2022:A.8.5',
    'HIPAA:164.312(d)', 'NIST-CSF-1.1:PR.AC-7', 'NIST-CSF-2.0:PR.AA-03', 'PCI-DSS-4.0:8.4.1'],
  description:
    'For each enabled user holding a privileged directory role (active, or PIM-eligible: a role-scoped policy applies '
    + 'whenever the role is activated), an enabled policy must require MFA on all apps with no narrowing condition. '
    + 'Security defaults count for the administrator roles they cover. Emergency-access accounts are not applicable.',
  remediation: 'Add a policy targeting the privileged directory roles (or all users) on All resources requiring MFA or the phishing-resistant strength.',
  evaluate(ctx, emit) {
    evaluateAdminCoverage(ctx, emit, {
      requirement: 'mfa',
      disabledReason: 'Account is disabled (see offboarded-user-access-removed)',
      extraEvidence: (e) => ({ enforcedBy: e.enforcedBy.map((p) => p.displayName).join(', ') }),
    });
  },
});
