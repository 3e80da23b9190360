/** Managed devices that are not compliant. */
import { defineCheck } from '../define-check.js';

export const devicesNonCompliant = defineCheck({
  id: 'devices-non-compliant',
  title: 'Managed devices compliant',
  severity: 'Low',
  appliesTo: 'device',
  requires: ['devices'],
  references: ['Maester MT.1001', 'CISA SCuBA MS.AAD.3.7v1'],
  controls: ['SOC2:CC6.7', 'SOC2:CC6.8', 'ISO27001-2022:A.8.1', 'NIST-CSF-1.1:DE.CM-7', 'NIST-CSF-2.0:DE.CM-09'],
  description: 'Each enabled device: managed and not compliant fails; devices no MDM manages (compliance never evaluated) are not applicable; disabled devices too.',
  remediation: 'Bring the device back to compliance or retire it; require compliant devices in conditional access.',
  evaluate(ctx, emit) {
    for (const d of ctx.devices()) {
      const entity = { entityType: 'device' as const, entityId: d.id, entityName: d.displayName };
      const evidence = { operatingSystem: d.operatingSystem, isCompliant: d.isCompliant, isManaged: d.isManaged, trustType: d.trustType };
      if (!d.accountEnabled) emit(entity, 'not-applicable', 'Device is disabled', evidence);
      else if (d.isCompliant === true) emit(entity, 'pass', 'Compliant', evidence);
      else if (d.isManaged) emit(entity, 'fail', 'Managed but not compliant', evidence);
      else emit(entity, 'not-applicable', 'Not managed by an MDM: compliance not evaluated', evidence);
    }
  },
});
