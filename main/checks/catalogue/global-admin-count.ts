/** Between two and four Global Administrators (CIS); never more than eight (SCuBA). */
import { defineCheck, tenantEntity } from '../define-check.js';
import { GLOBAL_ADMIN_ROLE } from '../context.js';

export const globalAdminCount = defineCheck({
  id: 'global-admin-count',
  title: 'Global Administrator count',
  severity: 'High',
  appliesTo: 'tenant',
  requires: ['users', 'roles', 'groups'],
  optional: ['pimEligibility'],
  references: ['CIS M365 v4.0.0 1.1.3', 'CISA SCuBA MS.AAD.7.1v1', 'Maester MT.1032'],
  controls: ['SOC2:CC6.3', 'ISO27001-2013:A.9.2.3', 'ISO27001-2022:A.8.2', 'NIST-CSF-1.1:PR.AC-4', 'NIST-CSF-2.0:PR.AA-05', 'PCI-DSS-4.0:7.2.2'],
  description:
    'Counts each enabled user holding Global Administrator once, active or PIM-eligible, directly or through a group (as '
    + 'SCuBA counts). Pass: 2 to 4 (CIS 1.1.3). Fail: fewer than 2 (no backup), or more than 4 (the reason says whether it '
    + 'also exceeds SCuBA\'s maximum of 8).',
  remediation: 'Keep two to four Global Administrators (including the emergency-access accounts); give everyone else a narrower role.',
  evaluate(ctx, emit) {
    const dir = ctx.directory();
    const holders = [...ctx.users()].filter((u) => u.accountEnabled && (dir.rolesOf(u.id).active.has(GLOBAL_ADMIN_ROLE) || dir.rolesOf(u.id).eligible.has(GLOBAL_ADMIN_ROLE)));
    const active = holders.filter((u) => dir.rolesOf(u.id).active.has(GLOBAL_ADMIN_ROLE));
    const n = holders.length;
    const evidence = { globalAdministrators: n, active: active.length, eligibleOnly: n - active.length, accounts: holders.map((u) => u.userPrincipalName).sort().join(', '),
      pimEligibilityCollected: ctx.complete('pimEligibility') };
    const entity = tenantEntity('Global Administrator role', GLOBAL_ADMIN_ROLE);
    if (n >= 2 && n <= 4) emit(entity, 'pass', `${n} Global Administrators (2 to 4 recommended)`, evidence);
    else if (n < 2) emit(entity, 'fail', `Only ${n} Global Administrator(s): at least 2 are needed so one loss does not lock the tenant`, evidence);
    else emit(entity, 'fail', `${n} Global Administrators: CIS recommends at most 4${n > 8 ? ', and SCuBA allows at most 8' : ' (within SCuBA\'s maximum of 8)'}`, evidence);
  },
});
