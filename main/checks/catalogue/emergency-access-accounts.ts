/** Two emergency-access accounts exist: excluded from every enabled conditional access policy. */
import { defineCheck, tenantEntity } from '../define-check.js';
import { GLOBAL_ADMIN_ROLE } from '../context.js';
import { hasExclusions } from '../policy-search.js';

export const emergencyAccessAccounts = defineCheck({
  id: 'emergency-access-accounts',
  title: 'Emergency-access accounts defined',
  severity: 'Medium',
  appliesTo: 'tenant',
  requires: ['conditionalAccess'],
  optional: ['users', 'groups', 'roles'],
  references: ['CIS M365 v4.0.0 1.1.2', 'Maester MT.1005'],
  controls: ['SOC2:CC6.1', 'ISO27001-2013:A.9.2.3', 'ISO27001-2022:A.8.2', 'NIST-CSF-1.1:PR.AC-4', 'NIST-CSF-2.0:PR.AA-05'],
  description:
    'At least two enabled accounts are excluded (directly or through a group) from every enabled conditional access policy and '
    + 'hold Global Administrator, so a policy mistake or an MFA outage cannot lock everyone out.',
  remediation: 'Create two cloud-only Global Administrator accounts with FIDO2 keys, exclude them from every policy, and monitor their sign-ins.',
  evaluate(ctx, emit) {
    const entity = tenantEntity('Emergency-access accounts', 'emergency-access');
    const enabled = ctx.policies().filter((p) => p.state === 'enabled');
    if (!enabled.length) {
      emit(entity, 'not-applicable', 'No enabled conditional access policy, so nothing can lock administrators out');
      return;
    }
    const excludesNobody = enabled.filter((p) => !hasExclusions(p));
    if (excludesNobody.length) {
      emit(entity, 'fail', `No account can be excluded from every policy: ${excludesNobody.map((p) => `"${p.displayName}"`).join(', ')} exclude${excludesNobody.length === 1 ? 's' : ''} nobody`,
        { policiesExcludingNobody: excludesNobody.map((p) => p.displayName).join(', '), enabledPolicies: enabled.length });
      return;
    }
    const gap = ctx.missingReason(['users', 'groups', 'roles']);
    if (gap) {
      emit(entity, 'not-assessed', `Every enabled policy excludes someone, but who cannot be resolved: ${gap}`, { enabledPolicies: enabled.length });
      return;
    }
    const dir = ctx.directory();
    const accounts = [...ctx.emergencyAccounts()];
    const admins = accounts.filter((id) => dir.rolesOf(id).active.has(GLOBAL_ADMIN_ROLE) || dir.rolesOf(id).eligible.has(GLOBAL_ADMIN_ROLE));
    const names = (ids: string[]) => ids.map((id) => ctx.usersById().get(id)?.userPrincipalName ?? id).sort().join(', ');
    const evidence = { excludedFromAllPolicies: names(accounts), globalAdministrators: names(admins), enabledPolicies: enabled.length };
    if (admins.length >= 2) emit(entity, 'pass', `${admins.length} Global Administrator accounts are excluded from every enabled policy: ${names(admins)}`, evidence);
    else if (accounts.length) emit(entity, 'fail', `Only ${admins.length} Global Administrator account(s) among those excluded from every policy (${names(accounts)}); CIS asks for two`, evidence);
    else emit(entity, 'fail', `No account is excluded from all ${enabled.length} enabled policies: a policy mistake could lock every administrator out`, evidence);
  },
});
