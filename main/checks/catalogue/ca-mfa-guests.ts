/** Conditional access requires MFA from guests. */
import { defineCheck, userEntity } from '../define-check.js';

export const caMfaGuests = defineCheck({
  id: 'ca-mfa-guests',
  title: 'MFA enforced for guests by conditional access',
  severity: 'Medium',
  appliesTo: 'user',
  requires: ['users', 'conditionalAccess', 'groups', 'roles'],
  references: ['Maester MT.1016'],
  controls: ['SOC2:CC6.1', 'SOC2:CC6.6', 'ISO27001-2022:A.8.5', 'NIST-CSF-1.1:PR.AC-7', 'PCI-DSS-4.0:8.2.7'],
  description: 'For each enabled guest, an enabled policy must require MFA on all apps (the guest satisfies it at home or here).',
  remediation: 'Include guests (All users, or "Guest or external users") in an MFA policy on All resources.',
  evaluate(ctx, emit) {
    const answer = ctx.ca().question({});
    for (const u of ctx.users()) {
      if (u.userType !== 'Guest') continue;
      const entity = userEntity(u);
      if (!u.accountEnabled) { emit(entity, 'not-applicable', 'Account is disabled'); continue; }
      const e = answer(u.id);
      emit(entity, e.verdict === 'enforced' ? 'pass' : 'fail', e.summary, { verdict: e.verdict });
    }
  },
});
