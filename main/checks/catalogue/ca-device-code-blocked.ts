/** Conditional access blocks the device code authentication flow. */
import type { ConditionalAccessPolicy } from '../../../shared/ca-types.js';
import { defineCheck } from '../define-check.js';
import { blocks, reportPolicyRequirement, targetsAllApps, targetsAllUsers } from '../policy-search.js';

function blocksDeviceCode(p: ConditionalAccessPolicy): boolean {
  const flows = (p.conditions as { authenticationFlows?: { transferMethods?: string } | null }).authenticationFlows;
  return blocks(p) && !!flows?.transferMethods?.split(',').map((s) => s.trim()).includes('deviceCodeFlow') && targetsAllUsers(p) && targetsAllApps(p);
}

export const caDeviceCodeBlocked = defineCheck({
  id: 'ca-device-code-blocked',
  title: 'Device code flow blocked',
  severity: 'Medium',
  appliesTo: 'tenant',
  requires: ['conditionalAccess'],
  references: ['CISA SCuBA MS.AAD.3.9v1'],
  controls: ['SOC2:CC6.6', 'ISO27001-2022:A.8.5', 'NIST-CSF-1.1:PR.PT-3', 'NIST-CSF-2.0:PR.PS-01'],
  description: 'An enabled policy on All users and All resources blocks the device code flow, which phishing campaigns abuse to steal tokens.',
  remediation: 'Create a policy: All users, All resources, Authentication flows "Device code flow", grant Block.',
  evaluate(ctx, emit) {
    reportPolicyRequirement(ctx, emit, 'Device code flow', 'device-code-flow', 'Blocks the device code flow for all users', blocksDeviceCode);
  },
});
