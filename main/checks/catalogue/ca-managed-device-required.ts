/** Conditional access requires a compliant or hybrid-joined device. */
import type { ConditionalAccessPolicy } from '../../../shared/ca-types.js';
import { defineCheck } from '../define-check.js';
import { reportPolicyRequirement, requiresControl, targetsAllApps, targetsAllUsers } from '../policy-search.js';

function requiresManagedDevice(p: ConditionalAccessPolicy): boolean {
  return (requiresControl(p, 'compliantDevice') || requiresControl(p, 'domainJoinedDevice')) && targetsAllUsers(p) && targetsAllApps(p);
}

export const caManagedDeviceRequired = defineCheck({
  id: 'ca-managed-device-required',
  title: 'Managed devices required',
  severity: 'Low',
  appliesTo: 'tenant',
  requires: ['conditionalAccess'],
  references: ['CISA SCuBA MS.AAD.3.7v1', 'Maester MT.1001'],
  controls: ['SOC2:CC6.7', 'ISO27001-2022:A.8.1', 'NIST-CSF-1.1:PR.AC-3', 'NIST-CSF-2.0:PR.AA-03'],
  description: 'An enabled policy on All users and All resources requires a compliant or Entra hybrid joined device (alone or as an alternative).',
  remediation: 'Create a policy: All users, All resources, grant "Require device to be marked as compliant" or "Require Microsoft Entra hybrid joined device".',
  evaluate(ctx, emit) {
    reportPolicyRequirement(ctx, emit, 'Managed devices', 'managed-device', 'Requires a managed device', requiresManagedDevice);
  },
});
