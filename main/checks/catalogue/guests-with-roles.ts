/** Guests hold no directory roles. */
import { defineCheck, userEntity } from '../define-check.js';

export const guestsWithRoles = defineCheck({
  id: 'guests-with-roles',
  title: 'Guests hold no directory roles',
  severity: 'High',
  appliesTo: 'user',
  requires: ['users', 'roles', 'groups'],
  optional: ['pimEligibility'],
  references: ['Maester MT.1025', 'CISA SCuBA MS.AAD.8.1v1'],
  controls: ['SOC2:CC6.3', 'ISO27001-2013:A.9.2.3', 'ISO27001-2022:A.8.2', 'NIST-CSF-1.1:PR.AC-4', 'NIST-CSF-2.0:PR.AA-05', 'PCI-DSS-4.0:8.2.7'],
  description: 'Each guest (or external member) account: holding any directory role, active or eligible, fails: their identity is managed by another organisation.',
  remediation: 'Remove the role, or give the person a member account of this tenant managed by your own joiner-mover-leaver process.',
  evaluate(ctx, emit) {
    const dir = ctx.directory();
    for (const u of ctx.users()) {
      if (u.userType !== 'Guest' && !u.userPrincipalName.includes('#EXT#')) continue;
      const held = dir.rolesOf(u.id);
      const roles = [...new Set([...held.active, ...held.eligible, ...held.scoped])].map((r) => ctx.roleName(r)).sort();
      if (roles.length) emit(userEntity(u), 'fail', `Guest holds ${roles.join(', ')}`, { roles: roles.join(', '), accountEnabled: u.accountEnabled });
      else emit(userEntity(u), 'pass', 'No directory role', { accountEnabled: u.accountEnabled });
    }
  },
});
