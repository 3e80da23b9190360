/** Guests that no longer sign in are removed. */
import { defineCheck, userEntity } from '../define-check.js';

export const staleGuests = defineCheck({
  id: 'stale-guests',
  title: 'Stale guest accounts',
  severity: 'Medium',
  appliesTo: 'user',
  requires: ['users', 'signInActivity'],
  references: ['PCI DSS 4.0 8.2.6'],
  controls: ['SOC2:CC6.2', 'ISO27001-2013:A.9.2.5', 'ISO27001-2013:A.9.2.6', 'ISO27001-2022:A.5.18', 'NIST-CSF-1.1:PR.AC-1',
    'NIST-CSF-2.0:PR.AA-01', 'PCI-DSS-4.0:8.2.6', 'PCI-DSS-4.0:8.2.7'],
  description: 'Each enabled guest signed in (interactively or not) within the inactivity threshold; guests that never signed in count once older than it (an invitation never redeemed).',
  remediation: 'Remove guests who no longer collaborate; set up access reviews for guests (Entra ID Governance) or a periodic clean-up.',
  evaluate(ctx, emit) {
    const days = ctx.settings.inactiveDays;
    const thresholdMs = ctx.nowMs - days * 86_400_000;
    for (const u of ctx.users()) {
      if (u.userType !== 'Guest') continue;
      const last = [u.lastSignInDateTime, u.lastNonInteractiveSignInDateTime].filter((x): x is string => !!x).sort().at(-1) ?? null;
      const evidence = { lastActivity: last, daysSinceLastActivity: ctx.daysAgo(last), createdDateTime: u.createdDateTime, thresholdDays: days };
      if (!u.accountEnabled) emit(userEntity(u), 'not-applicable', 'Account is disabled', evidence);
      else if (!last && u.createdDateTime && Date.parse(u.createdDateTime) >= thresholdMs) emit(userEntity(u), 'not-applicable', 'Invited recently, no sign-in yet', evidence);
      else if (!last) emit(userEntity(u), 'fail', 'Guest never signed in (invitation never used)', evidence);
      else if (Date.parse(last) < thresholdMs) emit(userEntity(u), 'fail', `Guest inactive for ${ctx.daysAgo(last)} days`, evidence);
      else emit(userEntity(u), 'pass', `Last activity ${ctx.daysAgo(last)} days ago`, evidence);
    }
  },
});
