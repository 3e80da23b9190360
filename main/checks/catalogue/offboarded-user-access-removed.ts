/**
 * Seed check: each leaver of the terminated-employees list is disabled or deleted by the
 * termination date plus the grace period, and holds no group membership, role or app assignment.
 * Also reports disabled accounts that still hold privileged roles, and rows matching no account.
 */
import type { Evidence } from '../../../shared/results.js';
import type { UserRow } from '../../../shared/snapshot.js';
import type { CheckContext } from '../context.js';
import { defineCheck, userEntity, type Emit } from '../define-check.js';
import { matchLeavers } from '../leaver-match.js';
import type { TerminationRecord } from '../types.js';

const DAY = 86_400_000;

function recordName(r: TerminationRecord): string {
  return r.userPrincipalName ?? r.mail ?? `employeeId ${r.employeeId}`;
}

/** What access an account still holds. */
function residualAccess(ctx: CheckContext, u: UserRow): { groups: string[]; roles: string[]; apps: string[] } {
  const dir = ctx.directory();
  const held = dir.rolesOf(u.id);
  const roles = [...new Set([...held.active, ...held.eligible, ...held.scoped])].map((r) => ctx.roleName(r)).sort();
  const groups = [...dir.groupsOf(u.id)].sort();
  const apps = [...new Set((ctx.appAssignmentsByPrincipal().get(u.id) ?? []).map((a) => a.resourceDisplayName))].sort();
  return { groups, roles, apps };
}

function evaluateLeaver(ctx: CheckContext, emit: Emit, u: UserRow, terminationDate: string, lines: number[]): void {
  const graceDays = ctx.settings.graceDays;
  const deadlineMs = Date.parse(terminationDate) + graceDays * DAY;
  const deadline = new Date(deadlineMs).toISOString();
  const access = residualAccess(ctx, u);
  const evidence: Evidence = {
    terminationDate, graceDays, deadline, csvLines: lines.join(' '), accountEnabled: u.accountEnabled,
    groupMemberships: access.groups.length, roles: access.roles.join(', '), appAssignments: access.apps.join(', '),
    lastSignInDateTime: u.lastSignInDateTime,
  };
  const entity = userEntity(u);
  const problems: string[] = [];
  if (u.accountEnabled) problems.push('account still enabled');
  if (access.groups.length) problems.push(`member of ${access.groups.length} group(s)`);
  if (access.roles.length) problems.push(`holds role(s) ${access.roles.join(', ')}`);
  if (access.apps.length) problems.push(`assigned to app(s) ${access.apps.join(', ')}`);
  const signInsKnown = ctx.complete('signInActivity');
  if (signInsKnown && u.lastSignInDateTime && Date.parse(u.lastSignInDateTime) > deadlineMs) {
    problems.push(`signed in on ${u.lastSignInDateTime.slice(0, 10)}, after the deadline`);
  }
  if (problems.length && ctx.nowMs < deadlineMs) {
    emit(entity, 'not-applicable', `Termination ${terminationDate}: not due until ${deadline.slice(0, 10)} (grace ${graceDays} days)`, evidence);
    return;
  }
  if (problems.length) {
    emit(entity, 'fail', `Leaver (terminated ${terminationDate}): ${problems.join('; ')}`, evidence);
    return;
  }
  if (!signInsKnown) {
    emit(entity, 'not-assessed', `Disabled with no remaining access, but use after the deadline cannot be ruled out: ${ctx.missingReason(['signInActivity'])}`, evidence);
    return;
  }
  emit(entity, 'pass', `Leaver (terminated ${terminationDate}): disabled, no groups, roles or app assignments, no sign-in after the deadline`, evidence);
}

export const offboardedUserAccessRemoved = defineCheck({
  id: 'offboarded-user-access-removed',
  title: 'Offboarded User Access Removed',
  severity: 'Critical',
  appliesTo: 'user',
  requires: ['users', 'groups', 'roles', 'applications'],
  optional: ['deletedUsers', 'signInActivity', 'pimEligibility'],
  references: ['PCI DSS 4.0 8.2.5', 'HIPAA 164.308(a)(3)(ii)(C)', 'ISO 27001:2022 A.5.18'],
  controls: [
    'SOC2:CC6.2', 'SOC2:CC6.3', 'ISO27001-2013:A.9.2.1', 'ISO27001-2013:A.9.2.6', 'ISO27001-2022:A.5.16', 'ISO27001-2022:A.5.18',
    'HIPAA:164.308(a)(3)(ii)(C)', 'HIPAA:164.308(a)(4)(ii)(C)', 'GDPR:Art.32', 'NIST-CSF-1.1:PR.AC-1', 'NIST-CSF-1.1:PR.IP-11',
    'NIST-CSF-2.0:PR.AA-01', 'NIST-CSF-2.0:PR.AA-05', 'PCI-DSS-4.0:8.2.5', 'PCI-DSS-4.0:8.2.4',
  ],
  description:
    'Matches the terminated-employees list (UPN, mail or employee id) to accounts. Each leaver must be disabled or deleted by '
    + 'the termination date plus a grace period (7 days by default), hold no group membership, role (active or eligible) or app '
    + 'assignment, and show no interactive sign-in after that deadline. Deleted accounts pass. Rows matching no account (possibly '
    + 'deleted for good, or never here) and rows matching several accounts are not assessed. Disabled accounts still holding '
    + 'a privileged role fail too, leaver or not. Without a list, only that last part runs.',
  remediation:
    'Disable the account at termination, remove it from groups, roles and app assignments (or delete it), revoke its sessions, '
    + 'and feed HR terminations into the joiner-mover-leaver process.',
  evaluate(ctx, emit) {
    const reported = new Set<string>();
    const list = ctx.settings.terminations;
    if (!list) {
      emit({ entityType: 'hrRecord', entityId: 'terminations-list', entityName: 'Terminated-employees list' }, 'not-assessed',
        'No terminated-employees list was imported (entra-audit check --terminations <file.csv>)', {});
    } else {
      const deleted = ctx.complete('deletedUsers') ? ctx.reader.deletedUsers() : [];
      for (const m of matchLeavers(list, ctx.users(), deleted)) {
        if (m.kind === 'live') {
          reported.add(m.user.id);
          evaluateLeaver(ctx, emit, m.user, m.terminationDate, m.records.map((r) => r.line));
        } else if (m.kind === 'deleted') {
          reported.add(m.deleted.id);
          emit({ entityType: 'user', entityId: m.deleted.id, entityName: m.deleted.userPrincipalName }, 'pass',
            `Leaver (terminated ${m.terminationDate}): account deleted${m.deleted.deletedDateTime ? ` on ${m.deleted.deletedDateTime.slice(0, 10)}` : ''}`,
            { terminationDate: m.terminationDate, deletedDateTime: m.deleted.deletedDateTime, csvLines: m.records.map((r) => r.line).join(' ') });
        } else {
          const r = m.record;
          const entity = { entityType: 'hrRecord' as const, entityId: `hr-line-${r.line}`, entityName: recordName(r) };
          const evidence = { line: r.line, userPrincipalName: r.userPrincipalName, mail: r.mail, employeeId: r.employeeId, terminationDate: r.terminationDate };
          if (m.kind === 'ambiguous') {
            emit(entity, 'not-assessed', `Row matches several accounts (${m.candidates.join(', ')}): fix the list so each row names one person`, { ...evidence, candidates: m.candidates.join(', ') });
          } else {
            const why = ctx.complete('deletedUsers') ? 'no live or soft-deleted account has this UPN, mail or employee id (deleted for good over 30 days ago, or never here)'
              : `no live account matches, and deleted accounts are unknown: ${ctx.missingReason(['deletedUsers'])}`;
            emit(entity, 'not-assessed', `Unmatched row: ${why}`, evidence);
          }
        }
      }
    }
    for (const [userId, held] of ctx.privilegedHolders()) {
      const u = ctx.usersById().get(userId);
      if (!u || u.accountEnabled || reported.has(userId) || !held.active.length) continue;
      emit(userEntity(u), 'fail', `Disabled account still holds privileged role(s): ${held.active.join(', ')}`, {
        accountEnabled: false, privilegedRoles: held.active.join(', '), eligibleRoles: held.eligible.join(', '),
      });
    }
  },
});
