/** The tenant has a baseline: security defaults, or an enabled conditional access policy requiring MFA. */
import { defineCheck, tenantEntity } from '../define-check.js';
import { grantStrength } from '../conditional-access/grant-strength.js';

export const securityDefaultsOrCa = defineCheck({
  id: 'security-defaults-or-ca',
  title: 'Security defaults or conditional access in place',
  severity: 'High',
  appliesTo: 'tenant',
  requires: ['conditionalAccess'],
  references: ['Maester MT.1021', 'CIS Azure v4.0.0 6.1 (security defaults)'],
  controls: ['SOC2:CC6.1', 'ISO27001-2013:A.9.1.1', 'ISO27001-2022:A.5.15', 'ISO27001-2022:A.8.5', 'NIST-CSF-1.1:PR.AC-7', 'NIST-CSF-2.0:PR.AA-03'],
  description: 'Either security defaults are on (the free baseline), or at least one enabled conditional access policy requires MFA. With neither, nothing asks anyone for a second factor.',
  remediation: 'Turn on security defaults (Entra ID Free) or build conditional access policies requiring MFA (P1 and above).',
  evaluate(ctx, emit) {
    const strengths = new Map(ctx.reader.authenticationStrengthPolicies().map((s) => [s.id, s]));
    const mfaPolicies = ctx.sortedPolicies().filter((p) => p.state === 'enabled' && grantStrength(p, strengths).level !== 'none');
    const defaults = ctx.reader.securityDefaultsEnabled();
    const entity = tenantEntity('Authentication baseline', 'authentication-baseline');
    const evidence = { securityDefaultsEnabled: defaults, enabledMfaPolicies: mfaPolicies.map((p) => p.displayName).join(', ') };
    if (defaults) emit(entity, 'pass', 'Security defaults are on', evidence);
    else if (mfaPolicies.length) emit(entity, 'pass', `${mfaPolicies.length} enabled conditional access policy(ies) require MFA`, evidence);
    else emit(entity, 'fail', defaults === null ? 'No enabled policy requires MFA, and the security defaults setting was not collected' : 'Security defaults are off and no enabled policy requires MFA', evidence);
  },
});
