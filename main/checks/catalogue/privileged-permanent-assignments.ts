/** Privileged roles are assigned just in time (eligible or time-bound), not permanently active. */
import { defineCheck } from '../define-check.js';

export const privilegedPermanentAssignments = defineCheck({
  id: 'privileged-permanent-assignments',
  title: 'No permanent active privileged role assignments',
  severity: 'High',
  appliesTo: 'roleAssignment',
  requires: ['users', 'roles', 'groups'],
  optional: ['pimEligibility'],
  references: ['CISA SCuBA MS.AAD.7.4v1', 'CIS M365 v4.0.0 5.3.1', 'Maester MT.1031'],
  controls: ['SOC2:CC6.3', 'ISO27001-2013:A.9.2.3', 'ISO27001-2022:A.8.2', 'NIST-CSF-1.1:PR.AC-4', 'NIST-CSF-2.0:PR.AA-05', 'PCI-DSS-4.0:7.2.2'],
  description:
    'Each assignment of a privileged role: PIM-eligible or active with an end date passes; active with no end date fails. '
    + 'Assignments to emergency-access accounts, which need standing access, are not applicable. Without Entra ID P2 there is '
    + 'no PIM, so every active assignment is permanent.',
  remediation: 'Convert permanent assignments to PIM-eligible ones (activation with MFA, justification, approval for Global Administrator).',
  evaluate(ctx, emit) {
    const emergency = ctx.emergencyAccounts();
    const users = ctx.usersById();
    const groups = new Map(ctx.reader.groups().map((g) => [g.id, g.displayName]));
    for (const a of ctx.reader.roleAssignments()) {
      const template = ctx.directory().templateOf.get(a.roleDefinitionId) ?? a.roleDefinitionId;
      if (!ctx.isPrivilegedRole(template)) continue;
      if (a.endDateTime && Date.parse(a.endDateTime) <= ctx.nowMs) continue;
      const principal = users.get(a.principalId)?.userPrincipalName ?? (groups.has(a.principalId) ? `group ${groups.get(a.principalId)}` : a.principalId);
      const role = ctx.roleName(template);
      const entity = { entityType: 'roleAssignment' as const, entityId: `${a.kind}:${a.id}`, entityName: `${role}: ${principal}` };
      const evidence = { role, principal, principalId: a.principalId, kind: a.kind, startDateTime: a.startDateTime, endDateTime: a.endDateTime, scope: a.directoryScopeId };
      if (emergency.has(a.principalId)) emit(entity, 'not-applicable', 'Emergency-access account: standing access by design', evidence);
      else if (a.kind === 'eligible') emit(entity, 'pass', 'PIM-eligible: activated just in time', evidence);
      else if (a.endDateTime) emit(entity, 'pass', `Active until ${a.endDateTime.slice(0, 10)}`, evidence);
      else emit(entity, 'fail', `Permanent active assignment of ${role}`, evidence);
    }
  },
});
