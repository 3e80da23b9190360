/** App registrations with no owner: nobody answers for their credentials and permissions. */
import { defineCheck } from '../define-check.js';

export const appsWithoutOwners = defineCheck({
  id: 'apps-without-owners',
  title: 'App registrations have owners',
  severity: 'Low',
  appliesTo: 'application',
  requires: ['applications'],
  references: ['Microsoft Entra recommendation: applications without owners'],
  controls: ['SOC2:CC6.1', 'SOC2:CC6.3', 'ISO27001-2013:A.9.2.2', 'ISO27001-2022:A.5.15', 'NIST-CSF-2.0:PR.AA-05', 'PCI-DSS-4.0:7.2.5'],
  description: 'Each app registration has at least one owner who reviews its credentials, permissions and need.',
  remediation: 'Assign at least two owners (people, not service accounts) or retire the app.',
  evaluate(ctx, emit) {
    for (const a of ctx.reader.applications()) {
      const entity = { entityType: 'application' as const, entityId: a.id, entityName: a.displayName };
      const evidence = { appId: a.appId, owners: a.ownerIds.length, signInAudience: a.signInAudience };
      if (a.ownerIds.length) emit(entity, 'pass', `${a.ownerIds.length} owner(s)`, evidence);
      else emit(entity, 'fail', 'No owner', evidence);
    }
  },
});
