/** Seed check: enabled accounts with no sign-in (interactive or not) within the threshold. */
import { defineCheck, userEntity } from '../define-check.js';

export const inactiveUserAccounts = defineCheck({
  id: 'inactive-user-accounts',
  title: 'Inactive User Accounts',
  severity: 'Medium',
  appliesTo: 'user',
  requires: ['users', 'signInActivity'],
  references: ['Maester MT.1029 (stale accounts in privileged roles)', 'PCI DSS 4.0 8.2.6'],
  controls: [
    'SOC2:CC6.2', 'SOC2:CC6.3', 'ISO27001-2013:A.9.2.1', 'ISO27001-2013:A.9.2.5', 'ISO27001-2013:A.9.2.6', 'ISO27001-2022:A.5.16',
    'ISO27001-2022:A.5.18', 'HIPAA:164.308(a)(4)(ii)(C)', 'NIST-CSF-1.1:PR.AC-1', 'NIST-CSF-2.0:PR.AA-01', 'PCI-DSS-4.0:8.2.6',
  ],
  description:
    'Enabled accounts with no sign-in, interactive or non-interactive, within the inactivity threshold (90 days by default). '
    + 'Accounts that never signed in count once they are older than the threshold; younger ones are not applicable. '
    + 'Disabled accounts are not applicable. Needs signInActivity (Entra ID P1); without it the check is not assessed.',
  remediation: 'Confirm with the owner or manager whether the account is still needed; disable or delete it if not.',
  evaluate(ctx, emit) {
    const days = ctx.settings.inactiveDays;
    const thresholdMs = ctx.nowMs - days * 86_400_000;
    for (const u of ctx.users()) {
      const entity = userEntity(u);
      const li = u.lastSignInDateTime;
      const ln = u.lastNonInteractiveSignInDateTime;
      // The later of the two (as sorting both and taking the last would give), without two arrays per user.
      const last = li && ln ? (ln > li ? ln : li) : li || ln || null;
      const evidence = {
        lastSignInDateTime: li, lastNonInteractiveSignInDateTime: ln, lastActivity: last, daysSinceLastActivity: ctx.daysAgo(last),
        createdDateTime: u.createdDateTime, thresholdDays: days, userType: u.userType,
      };
      if (!u.accountEnabled) {
        emit(entity, 'not-applicable', 'Account is disabled', evidence);
        continue;
      }
      if (!last) {
        // Accounts older than Graph's createdDateTime (before 2018) have none: certainly older than the threshold.
        const created = u.createdDateTime ? Date.parse(u.createdDateTime) : -Infinity;
        if (created >= thresholdMs) emit(entity, 'not-applicable', `Never signed in, but created ${ctx.daysAgo(u.createdDateTime)} days ago (threshold ${days})`, evidence);
        else emit(entity, 'fail', `Never signed in; created ${u.createdDateTime ? `${ctx.daysAgo(u.createdDateTime)} days ago` : 'at an unrecorded date'}`, evidence);
        continue;
      }
      if (Date.parse(last) < thresholdMs) emit(entity, 'fail', `No sign-in for ${ctx.daysAgo(last)} days (threshold ${days})`, evidence);
      else emit(entity, 'pass', `Last activity ${ctx.daysAgo(last)} days ago`, evidence);
    }
  },
});
