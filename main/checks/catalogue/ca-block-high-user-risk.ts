/** Conditional access blocks (or forces a secure password change for) users at high risk. */
import type { ConditionalAccessPolicy } from '../../../shared/ca-types.js';
import { defineCheck } from '../define-check.js';
import { blocks, reportPolicyRequirement, requiresControl, targetsAllApps, targetsAllUsers } from '../policy-search.js';

function handlesHighUserRisk(p: ConditionalAccessPolicy): boolean {
  const levels = p.conditions?.userRiskLevels ?? [];
  const remediates = blocks(p) || ((p.grantControls?.operator ?? '').toUpperCase() === 'AND' && requiresControl(p, 'passwordChange') && requiresControl(p, 'mfa'));
  return levels.includes('high') && remediates && targetsAllUsers(p) && targetsAllApps(p);
}

export const caBlockHighUserRisk = defineCheck({
  id: 'ca-block-high-user-risk',
  title: 'High-risk users blocked',
  severity: 'High',
  appliesTo: 'tenant',
  requires: ['conditionalAccess'],
  references: ['CISA SCuBA MS.AAD.2.1v1', 'CIS M365 v4.0.0 5.2.2.6', 'Maester MT.1013'],
  controls: ['SOC2:CC6.1', 'SOC2:CC7.3', 'ISO27001-2022:A.8.16', 'NIST-CSF-1.1:RS.MI-2', 'NIST-CSF-2.0:RS.MI-01', 'NIST-CSF-2.0:DE.AE-02'],
  description: 'An enabled policy on All users and All resources blocks users Identity Protection rates high risk (or requires MFA and a secure password change). Needs Entra ID P2.',
  remediation: 'Create a policy: All users, All resources, user risk High, grant Block (or require MFA and password change).',
  evaluate(ctx, emit) {
    reportPolicyRequirement(ctx, emit, 'High user risk', 'user-risk-high', 'Blocks high-risk users', handlesHighUserRisk);
  },
});
