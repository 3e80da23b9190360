/** Conditional access blocks (or challenges with MFA) sign-ins at high risk. */
import type { ConditionalAccessPolicy } from '../../../shared/ca-types.js';
import { defineCheck } from '../define-check.js';
import { blocks, reportPolicyRequirement, requiresControl, targetsAllApps, targetsAllUsers } from '../policy-search.js';

function handlesHighSignInRisk(p: ConditionalAccessPolicy): boolean {
  const levels = p.conditions?.signInRiskLevels ?? [];
  return levels.includes('high') && (blocks(p) || requiresControl(p, 'mfa') || !!p.grantControls?.authenticationStrength) && targetsAllUsers(p) && targetsAllApps(p);
}

export const caBlockHighSignInRisk = defineCheck({
  id: 'ca-block-high-sign-in-risk',
  title: 'High-risk sign-ins blocked',
  severity: 'High',
  appliesTo: 'tenant',
  requires: ['conditionalAccess'],
  references: ['CISA SCuBA MS.AAD.2.3v1', 'CIS M365 v4.0.0 5.2.2.7', 'Maester MT.1012'],
  controls: ['SOC2:CC6.1', 'SOC2:CC7.2', 'ISO27001-2022:A.8.16', 'NIST-CSF-1.1:DE.CM-7', 'NIST-CSF-2.0:DE.AE-02'],
  description: 'An enabled policy on All users and All resources blocks sign-ins Identity Protection rates high risk (SCuBA), or at least challenges them with MFA (Maester). Needs Entra ID P2.',
  remediation: 'Create a policy: All users, All resources, sign-in risk High, grant Block.',
  evaluate(ctx, emit) {
    reportPolicyRequirement(ctx, emit, 'High sign-in risk', 'sign-in-risk-high', 'Blocks or challenges high-risk sign-ins', handlesHighSignInRisk);
  },
});
