/** Successful sign-ins from devices that are not compliant or not managed. */
import { defineCheck } from '../define-check.js';

export const signInsUnmanagedDevices = defineCheck({
  id: 'sign-ins-unmanaged-devices',
  title: 'Sign-ins from non-compliant or unmanaged devices',
  severity: 'Medium',
  appliesTo: 'user',
  requires: ['signIns'],
  references: ['CISA SCuBA MS.AAD.3.7v1', 'Maester MT.1001'],
  controls: ['SOC2:CC6.7', 'SOC2:CC6.8', 'ISO27001-2022:A.8.1', 'NIST-CSF-1.1:PR.AC-3', 'NIST-CSF-1.1:DE.CM-7', 'NIST-CSF-2.0:DE.CM-09'],
  description: 'Each user who signed in during the collected window: successful sign-ins from a managed but non-compliant device, or from an unmanaged or unregistered device, fail.',
  remediation: 'Require a compliant or hybrid-joined device in conditional access (see ca-managed-device-required) and enrol the user\'s devices.',
  evaluate(ctx, emit) {
    for (const [userId, t] of ctx.signIns()) {
      if (!t.successes) continue;
      const entity = { entityType: 'user' as const, entityId: userId, entityName: t.userPrincipalName };
      const evidence = { successfulSignIns: t.successes, nonCompliantDevice: t.nonCompliantDeviceSuccesses, unmanagedDevice: t.unmanagedDeviceSuccesses };
      const parts = [t.nonCompliantDeviceSuccesses ? `${t.nonCompliantDeviceSuccesses} from non-compliant devices` : '', t.unmanagedDeviceSuccesses ? `${t.unmanagedDeviceSuccesses} from unmanaged devices` : ''].filter(Boolean);
      if (parts.length) emit(entity, 'fail', `Successful sign-ins ${parts.join(' and ')}`, evidence);
      else emit(entity, 'pass', 'All successful sign-ins from compliant managed devices', evidence);
    }
  },
});
