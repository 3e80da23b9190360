/** Conditional access protects the registration of security information (MFA methods). */
import type { ConditionalAccessPolicy } from '../../../shared/ca-types.js';
import { defineCheck } from '../define-check.js';
import { reportPolicyRequirement, targetsAllUsers } from '../policy-search.js';

function protectsRegistration(p: ConditionalAccessPolicy): boolean {
  const actions = p.conditions?.applications?.includeUserActions ?? [];
  return actions.includes('urn:user:registersecurityinfo') && targetsAllUsers(p) && !!p.grantControls;
}

export const caRegisterSecurityInfo = defineCheck({
  id: 'ca-register-security-info',
  title: 'Security information registration protected',
  severity: 'Medium',
  appliesTo: 'tenant',
  requires: ['conditionalAccess'],
  references: ['Maester MT.1011', 'CISA SCuBA MS.AAD.3.8v1'],
  controls: ['SOC2:CC6.1', 'ISO27001-2013:A.9.2.4', 'ISO27001-2022:A.5.17', 'NIST-CSF-1.1:PR.AC-6', 'NIST-CSF-2.0:PR.AA-02'],
  description: 'An enabled policy on All users targets the "Register security information" user action (trusted location, managed device or MFA), so a stolen password cannot enrol an attacker\'s MFA method.',
  remediation: 'Create a policy: All users, user action "Register security information", require a compliant device or a trusted location.',
  evaluate(ctx, emit) {
    reportPolicyRequirement(ctx, emit, 'Register security information', 'register-security-info', 'Protects security info registration', protectsRegistration);
  },
});
