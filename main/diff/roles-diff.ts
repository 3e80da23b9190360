/**
 * Admins and role assignments that appeared or disappeared. An assignment is identified by what it
 * grants (kind, principal, role, scope), not by Graph's id, so a re-created assignment is no change.
 * An admin is a user or service principal holding a privileged role, active or eligible, directly or
 * through a role-assignable group (group members are transitive in a snapshot).
 */
import type { RoleAssignmentRow } from '../../shared/snapshot.js';
import type { DiffChange } from './diff-types.js';
import type { Names } from './names.js';
import type { SnapshotView } from './snapshot-view.js';

const key = (a: RoleAssignmentRow) => `${a.kind}|${a.principalId}|${a.roleDefinitionId}|${a.directoryScopeId}`;
const scopeWords = (s: string) => (s === '/' ? '' : ` at scope ${s}`);

/** Group id → its transitive members other than groups (a role granted to a group reaches them). */
function groupMembersOf(view: SnapshotView): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const g of view.groups()) groups.set(g.id, []);
  for (const m of view.groupMembers()) if (m.memberType !== 'group') groups.get(m.groupId)?.push(m.memberId);
  return groups;
}

/** Which assignment kinds both snapshots hold completely. */
export interface RoleKinds {
  active: boolean;
  eligible: boolean;
}

/** Role assignment and admin changes, for the kinds both snapshots hold. */
export function diffRoles(oldV: SnapshotView, newV: SnapshotView, names: Names, kinds: RoleKinds): DiffChange[] {
  const keep = (a: RoleAssignmentRow) => kinds[a.kind];
  const oldA = new Map(oldV.roleAssignments().filter(keep).map((a) => [key(a), a]));
  const newA = new Map(newV.roleAssignments().filter(keep).map((a) => [key(a), a]));
  const privileged = new Set<string>();
  for (const r of [...oldV.roleDefinitions(), ...newV.roleDefinitions()]) if (r.isPrivileged) privileged.add(r.id);

  const changes: DiffChange[] = [];
  const assignment = (a: RoleAssignmentRow, kind: 'added' | 'removed'): DiffChange => {
    const p = names.principal(a.principalId);
    const role = names.role(a.roleDefinitionId);
    const verb = kind === 'added' ? 'gained' : 'lost';
    return {
      section: 'role-assignments', kind, entityType: 'roleAssignment', entityId: key(a), entityName: `${p.name}: ${role}`,
      description: `${p.words} ${p.name} ${verb} ${a.kind} role ${role}${scopeWords(a.directoryScopeId)}`,
      before: kind === 'removed' ? a.kind : null, after: kind === 'added' ? a.kind : null,
    };
  };
  for (const [k, a] of newA) if (!oldA.has(k)) changes.push(assignment(a, 'added'));
  for (const [k, a] of oldA) if (!newA.has(k)) changes.push(assignment(a, 'removed'));

  const adminRoles = (view: SnapshotView, m: Map<string, RoleAssignmentRow>) => {
    const members = groupMembersOf(view);
    const byPrincipal = new Map<string, Set<string>>();
    const add = (principalId: string, text: string) => {
      const set = byPrincipal.get(principalId) ?? new Set<string>();
      set.add(text);
      byPrincipal.set(principalId, set);
    };
    for (const a of m.values()) {
      if (!privileged.has(a.roleDefinitionId)) continue;
      const role = names.role(a.roleDefinitionId);
      const viaGroup = members.get(a.principalId);
      if (viaGroup) for (const member of viaGroup) add(member, `${role} (${a.kind}, via group ${names.group(a.principalId)})`);
      else add(a.principalId, `${role} (${a.kind})`);
    }
    return byPrincipal;
  };
  const oldAdmins = adminRoles(oldV, oldA);
  const newAdmins = adminRoles(newV, newA);
  const roles = (s: Set<string>) => [...s].sort().join(', ');
  for (const [id, set] of newAdmins) {
    if (oldAdmins.has(id)) continue;
    const p = names.principal(id);
    changes.push({ section: 'admins', kind: 'added', entityType: p.type, entityId: id, entityName: p.name,
      description: `new admin: ${p.words} ${p.name} holds ${roles(set)}`, before: null, after: roles(set) });
  }
  for (const [id, set] of oldAdmins) {
    if (newAdmins.has(id)) continue;
    const p = names.principal(id);
    changes.push({ section: 'admins', kind: 'removed', entityType: p.type, entityId: id, entityName: p.name,
      description: `no longer an admin: ${p.words} ${p.name} (held ${roles(set)})`, before: roles(set), after: null });
  }
  return changes;
}
