/** Privileged accounts are in use: no stale account keeps a privileged role. */
import { defineCheck, userEntity } from '../define-check.js';

export const privilegedInactive = defineCheck({
  id: 'privileged-inactive',
  title: 'No inactive accounts in privileged roles',
  severity: 'Medium',
  appliesTo: 'user',
  requires: ['users', 'roles', 'groups', 'signInActivity'],
  optional: ['pimEligibility'],
  references: ['Maester MT.1029'],
  controls: ['SOC2:CC6.2', 'SOC2:CC6.3', 'ISO27001-2013:A.9.2.5', 'ISO27001-2022:A.8.2', 'NIST-CSF-1.1:PR.AC-4', 'PCI-DSS-4.0:8.2.6'],
  description: 'Each enabled holder of a privileged role signed in (interactively or not) within the inactivity threshold. Emergency-access accounts are not applicable (they should not sign in).',
  remediation: 'Remove privileged roles from accounts nobody uses; review why the account exists.',
  evaluate(ctx, emit) {
    const emergency = ctx.emergencyAccounts();
    const thresholdMs = ctx.nowMs - ctx.settings.inactiveDays * 86_400_000;
    for (const [userId, held] of ctx.privilegedHolders()) {
      const u = ctx.usersById().get(userId);
      if (!u) continue;
      const last = [u.lastSignInDateTime, u.lastNonInteractiveSignInDateTime].filter((x): x is string => !!x).sort().at(-1) ?? null;
      const evidence = { lastActivity: last, daysSinceLastActivity: ctx.daysAgo(last), roles: [...held.active, ...held.eligible].join(', ') };
      if (!u.accountEnabled) emit(userEntity(u), 'not-applicable', 'Account is disabled', evidence);
      else if (emergency.has(userId)) emit(userEntity(u), 'not-applicable', 'Emergency-access account: expected to stay unused', evidence);
      else if (!last) emit(userEntity(u), u.createdDateTime && Date.parse(u.createdDateTime) >= thresholdMs ? 'not-applicable' : 'fail', 'Never signed in', evidence);
      else if (Date.parse(last) < thresholdMs) emit(userEntity(u), 'fail', `No sign-in for ${ctx.daysAgo(last)} days while holding ${evidence.roles}`, evidence);
      else emit(userEntity(u), 'pass', `Last activity ${ctx.daysAgo(last)} days ago`, evidence);
    }
  },
});
