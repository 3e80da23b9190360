/** Accounts whose password is individually set never to expire. */
import { defineCheck, userEntity } from '../define-check.js';

export const passwordNeverExpires = defineCheck({
  id: 'password-never-expires',
  title: 'Passwords set never to expire',
  severity: 'Low',
  appliesTo: 'user',
  requires: ['users'],
  optional: ['mfaRegistration'],
  references: ['PCI DSS 4.0 8.3.9', 'CISA SCuBA MS.AAD.6.1v1 (context)', 'CIS M365 v4.0.0 1.3.1 (context)'],
  controls: ['SOC2:CC6.1', 'ISO27001-2013:A.9.4.3', 'ISO27001-2022:A.5.17', 'HIPAA:164.308(a)(5)(ii)(D)', 'PCI-DSS-4.0:8.3.9'],
  description:
    'Enabled accounts with the per-user flag DisablePasswordExpiration, which overrides the tenant password policy. NIST '
    + 'SP 800-63B, CIS 1.3.1 and SCuBA MS.AAD.6.1v1 favour no expiry tenant-wide when MFA is used; this flag matters where the '
    + 'password is the only factor (PCI DSS 8.3.9) and on service accounts. Evidence says whether a strong method is registered.',
  remediation: 'Remove the per-user flag (Update-MgUser -PasswordPolicies None), or make sure the account uses MFA or is a managed workload identity.',
  evaluate(ctx, emit) {
    const mfa = ctx.complete('mfaRegistration') ? ctx.mfaByUser() : null;
    const lists = ctx.methodLists();
    // A handful of distinct passwordPolicies values among 200k users: each is parsed once.
    const neverByPolicies = new Map<string, boolean>();
    for (const u of ctx.users()) {
      if (!u.accountEnabled) continue;
      const policies = u.passwordPolicies ?? '';
      let never = neverByPolicies.get(policies);
      if (never === undefined) neverByPolicies.set(policies, (never = policies.split(',').map((s) => s.trim()).includes('DisablePasswordExpiration')));
      const l = mfa ? lists.of(mfa.get(u.id)?.methods ?? []) : null;
      const strong = l ? l.strong : null;
      const evidence = { passwordPolicies: u.passwordPolicies, lastPasswordChangeDateTime: u.lastPasswordChangeDateTime, strongMethods: l ? l.strongText : null };
      if (never) emit(userEntity(u), 'fail', `Password set never to expire${strong && !strong.length ? ', and no second factor registered' : ''}`, evidence);
      else emit(userEntity(u), 'pass', 'Tenant password policy applies', evidence);
    }
  },
});
