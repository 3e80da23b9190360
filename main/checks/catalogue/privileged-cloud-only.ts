/** Privileged accounts are cloud-only, not synchronised from on-premises Active Directory. */
import { defineCheck, userEntity } from '../define-check.js';

export const privilegedCloudOnly = defineCheck({
  id: 'privileged-cloud-only',
  title: 'Privileged accounts are cloud-only',
  severity: 'High',
  appliesTo: 'user',
  requires: ['users', 'roles', 'groups'],
  optional: ['pimEligibility'],
  references: ['CISA SCuBA MS.AAD.7.3v1', 'CIS M365 v4.0.0 1.1.1', 'Maester MT.1026'],
  controls: ['SOC2:CC6.1', 'ISO27001-2013:A.9.2.3', 'ISO27001-2022:A.8.2', 'NIST-CSF-1.1:PR.AC-4', 'NIST-CSF-2.0:PR.AA-05'],
  description: 'Each holder of a privileged role is a cloud-only account: a synchronised one lets a compromise of on-premises AD pivot into the tenant.',
  remediation: 'Give each administrator a separate cloud-only account for the role and remove the role from the synchronised account.',
  evaluate(ctx, emit) {
    for (const [userId, held] of ctx.privilegedHolders()) {
      const u = ctx.usersById().get(userId);
      if (!u) continue;
      const evidence = { onPremisesSyncEnabled: u.onPremisesSyncEnabled, activeRoles: held.active.join(', '), eligibleRoles: held.eligible.join(', ') };
      if (!u.accountEnabled) emit(userEntity(u), 'not-applicable', 'Account is disabled', evidence);
      else if (u.onPremisesSyncEnabled) emit(userEntity(u), 'fail', `Synchronised from on-premises and holds ${[...held.active, ...held.eligible].join(', ')}`, evidence);
      else emit(userEntity(u), 'pass', 'Cloud-only account', evidence);
    }
  },
});
