/**
 * The directory facts conditional access needs, indexed once: each principal's groups (transitive),
 * each group's user members (transitive) and each user's directory roles (by role template id, the
 * id policies use in includeRoles / excludeRoles).
 */
import type { GroupMemberRow, RoleAssignmentRow, RoleDefinitionRow, UserRow } from '../../../shared/snapshot.js';

/** The rows the index is built from (a SnapshotReader provides them; tests may pass arrays). */
export interface DirectoryData {
  users: UserRow[];
  /** The same users by id, when the caller has that map already (else the index builds it). */
  usersById?: ReadonlyMap<string, UserRow>;
  groupMembers: GroupMemberRow[];
  roleAssignments: RoleAssignmentRow[];
  roleDefinitions: RoleDefinitionRow[];
}

/** A user's directory roles, by role template id, split by how they hold them. */
export interface HeldRoles {
  /** Active assignments (permanent, time-bound within their window, or activated). */
  active: ReadonlySet<string>;
  /** PIM-eligible assignments the user has not (necessarily) activated. */
  eligible: ReadonlySet<string>;
  /**
   * Assignments scoped to an administrative unit or object, active or eligible. Whether a role
   * condition matches them is not something we can settle from the snapshot, so the evaluator
   * treats them as uncertain ("conditional"), never as a sure match.
   */
  scoped: ReadonlySet<string>;
}

const NO_ROLES: HeldRoles = { active: new Set(), eligible: new Set(), scoped: new Set() };

export class DirectoryIndex {
  private readonly usersById: ReadonlyMap<string, UserRow>;
  /** memberId -> groups that list it (as the collector stored them). */
  private readonly parents = new Map<string, string[]>();
  /** groupId -> member ids. */
  private readonly children = new Map<string, GroupMemberRow[]>();
  private readonly closure = new Map<string, ReadonlySet<string>>();
  private readonly userMembers = new Map<string, ReadonlySet<string>>();
  private readonly roles = new Map<string, { active: Set<string>; eligible: Set<string>; scoped: Set<string> }>();
  readonly templateOf: ReadonlyMap<string, string>;

  /** `now` decides which time-bound role assignments are in force. */
  constructor(data: DirectoryData, readonly now: string) {
    if (data.usersById) this.usersById = data.usersById;
    else {
      const byId = new Map<string, UserRow>();
      for (const u of data.users) byId.set(u.id, u);
      this.usersById = byId;
    }
    for (const m of data.groupMembers) {
      push(this.parents, m.memberId, m.groupId);
      push(this.children, m.groupId, m);
    }
    const templateOf = new Map<string, string>();
    for (const d of data.roleDefinitions) templateOf.set(d.id, d.templateId || d.id);
    this.templateOf = templateOf;
    const nowMs = Date.parse(now);
    for (const a of data.roleAssignments) {
      if (!inForce(a, nowMs)) continue;
      const template = templateOf.get(a.roleDefinitionId) ?? a.roleDefinitionId;
      // A role assigned to a (role-assignable) group is held by every user in it.
      const holders = this.usersById.has(a.principalId) ? [a.principalId] : [...this.usersOfGroup(a.principalId)];
      for (const userId of holders) {
        let held = this.roles.get(userId);
        if (!held) this.roles.set(userId, (held = { active: new Set(), eligible: new Set(), scoped: new Set() }));
        if (!tenantWide(a)) held.scoped.add(template);
        else (a.kind === 'eligible' ? held.eligible : held.active).add(template);
      }
    }
  }

  user(id: string): UserRow | undefined {
    return this.usersById.get(id);
  }

  users(): IterableIterator<UserRow> {
    return this.usersById.values();
  }

  /** Every group the principal belongs to, directly or through nested groups. */
  groupsOf(principalId: string): ReadonlySet<string> {
    if (!this.usersById.has(principalId)) return this.groupClosure(principalId);
    // Users are many: their sets are built on demand from the (cached) closures of their groups.
    const out = new Set<string>();
    for (const g of this.parents.get(principalId) ?? []) {
      out.add(g);
      for (const a of this.groupClosure(g)) out.add(a);
    }
    return out;
  }

  /** The groups that list the principal as a member (as collected: transitively), without their ancestors. */
  directGroupsOf(principalId: string): readonly string[] {
    return this.parents.get(principalId) ?? [];
  }

  /** The groups a group (or other non-user principal) is nested in, cached. */
  groupClosure(id: string): ReadonlySet<string> {
    const cached = this.closure.get(id);
    if (cached) return cached;
    const out = new Set<string>();
    const stack = [...(this.parents.get(id) ?? [])];
    while (stack.length) {
      const g = stack.pop()!;
      if (out.has(g)) continue;
      out.add(g);
      for (const p of this.parents.get(g) ?? []) stack.push(p);
    }
    this.closure.set(id, out);
    return out;
  }

  /** Every user in the group, directly or through nested groups. */
  usersOfGroup(groupId: string): ReadonlySet<string> {
    const cached = this.userMembers.get(groupId);
    if (cached) return cached;
    const out = new Set<string>();
    const seen = new Set<string>();
    const stack = [groupId];
    while (stack.length) {
      const g = stack.pop()!;
      if (seen.has(g)) continue;
      seen.add(g);
      for (const m of this.children.get(g) ?? []) {
        if (this.usersById.has(m.memberId)) out.add(m.memberId);
        else if (this.children.has(m.memberId) || m.memberType === 'group') stack.push(m.memberId);
      }
    }
    this.userMembers.set(groupId, out);
    return out;
  }

  /** The directory roles a user holds, by template id. */
  rolesOf(userId: string): HeldRoles {
    return this.roles.get(userId) ?? NO_ROLES;
  }

  /** Users holding any role, for checks that walk administrators. */
  usersWithRoles(): string[] {
    return [...this.roles.keys()];
  }
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function tenantWide(a: RoleAssignmentRow): boolean {
  return !a.directoryScopeId || a.directoryScopeId === '/';
}

/** An assignment counts while within its window (start <= now < end). */
function inForce(a: RoleAssignmentRow, nowMs: number): boolean {
  if (a.startDateTime && Date.parse(a.startDateTime) > nowMs) return false;
  if (a.endDateTime && Date.parse(a.endDateTime) <= nowMs) return false;
  return true;
}
