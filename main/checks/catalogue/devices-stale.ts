/** Enabled devices that have not signed in within the inactivity threshold. */
import { defineCheck } from '../define-check.js';

export const devicesStale = defineCheck({
  id: 'devices-stale',
  title: 'Stale devices',
  severity: 'Low',
  appliesTo: 'device',
  requires: ['devices'],
  references: ['Microsoft Entra: manage stale devices'],
  controls: ['SOC2:CC6.1', 'ISO27001-2022:A.8.1', 'NIST-CSF-2.0:DE.CM-09'],
  description: 'Each enabled device signed in (approximateLastSignInDateTime) within the inactivity threshold; older ones fail.',
  remediation: 'Disable, then delete devices not seen for the threshold period (after checking BitLocker keys are escrowed elsewhere).',
  evaluate(ctx, emit) {
    const thresholdMs = ctx.nowMs - ctx.settings.inactiveDays * 86_400_000;
    for (const d of ctx.devices()) {
      const entity = { entityType: 'device' as const, entityId: d.id, entityName: d.displayName };
      const last = d.approximateLastSignInDateTime;
      const evidence = { approximateLastSignInDateTime: last, daysSinceLastSignIn: ctx.daysAgo(last) };
      if (!d.accountEnabled) emit(entity, 'not-applicable', 'Device is disabled', evidence);
      else if (!last) emit(entity, 'not-assessed', 'No sign-in time recorded', evidence);
      else if (Date.parse(last) < thresholdMs) emit(entity, 'fail', `Not seen for ${ctx.daysAgo(last)} days`, evidence);
      else emit(entity, 'pass', `Seen ${ctx.daysAgo(last)} days ago`, evidence);
    }
  },
});
