/** Privileged users get finer-grained roles rather than Global Administrator. */
import { defineCheck, tenantEntity } from '../define-check.js';
import { GLOBAL_ADMIN_ROLE, HIGHLY_PRIVILEGED_ROLES } from '../context.js';

export const globalAdminRatio = defineCheck({
  id: 'global-admin-ratio',
  title: 'Finer-grained roles preferred to Global Administrator',
  severity: 'Low',
  appliesTo: 'tenant',
  requires: ['users', 'roles', 'groups'],
  optional: ['pimEligibility'],
  references: ['CISA SCuBA MS.AAD.7.2v1'],
  controls: ['SOC2:CC6.3', 'ISO27001-2013:A.9.2.3', 'ISO27001-2022:A.8.2', 'NIST-CSF-1.1:PR.AC-4', 'PCI-DSS-4.0:7.2.2'],
  description: 'Users holding Global Administrator are no more numerous than users holding only other highly privileged roles (SCuBA\'s ratio, each user counted once).',
  remediation: 'Move administrators who do not need everything to the narrower role that fits their work.',
  evaluate(ctx, emit) {
    const dir = ctx.directory();
    let ga = 0;
    let others = 0;
    for (const u of ctx.users()) {
      if (!u.accountEnabled) continue;
      const held = dir.rolesOf(u.id);
      const roles = new Set([...held.active, ...held.eligible]);
      if (roles.has(GLOBAL_ADMIN_ROLE)) ga++;
      else if ([...roles].some((r) => HIGHLY_PRIVILEGED_ROLES.has(r))) others++;
    }
    const entity = tenantEntity('Global Administrator ratio', 'global-admin-ratio');
    const evidence = { globalAdministrators: ga, otherHighlyPrivileged: others };
    if (!ga && !others) emit(entity, 'not-applicable', 'No highly privileged role holders', evidence);
    else if (ga <= others) emit(entity, 'pass', `${ga} Global Administrators, ${others} users with other highly privileged roles`, evidence);
    else emit(entity, 'fail', `${ga} Global Administrators but only ${others} users with narrower highly privileged roles`, evidence);
  },
});
