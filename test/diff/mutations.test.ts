import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTenant, type GeneratedTenant } from '../../main/demo/generator/index.js';
import { mutateTenant, type TenantChange } from '../../main/demo/generator-mutations.js';
import { diffSnapshots } from '../../main/diff/diff-snapshots.js';
import { strongMethods } from '../../main/diff/strong-methods.js';
import { parseTerminationsCsv as parseTerminations } from '../../main/checks/terminations-csv.js';
import { openSnapshot } from '../../main/store/index.js';
import { memoryView, type ViewData } from './memory-view.js';
import { tempDir, writeSnapshot } from './sqlite-snapshot.js';
import { tenantViewData } from './tenant-view.js';

let gen: GeneratedTenant;
let before: ViewData;
let dir: string;
let cleanup: () => void;
beforeAll(() => {
  gen = generateTenant({ users: 400, seed: 11, licence: 'p2' });
  before = tenantViewData(gen.tenant, 'q1');
  ({ dir, cleanup } = tempDir());
});
afterAll(() => cleanup());

/** Picks the objects each change will touch, so that no two changes overlap. */
function plan() {
  const t = gen.tenant;
  const roleHolders = new Set(before.roleAssignments!.map((a) => a.principalId));
  for (const g of before.groups!.filter((x) => x.isAssignableToRole)) for (const m of before.members!) if (m.groupId === g.id) roleHolders.add(m.memberId);
  const plain = before.users!.filter((u) => u.accountEnabled && u.userType === 'Member' && !roleHolders.has(u.id));
  const [newAdmin, newEligible] = plain;
  const strong = before.mfa!.find((r) => strongMethods(r.methods).length > 0 && r.userId !== newAdmin.id && r.userId !== newEligible.id)!;
  const leaver = gen.truth.leavers.find((l) => l.userId && !l.keptAccess.enabled && before.users!.some((u) => u.id === l.userId && !u.accountEnabled))!;
  const ga = before.roleDefinitions!.find((d) => d.displayName === 'Global Administrator')!;
  // An active assignment of a user who holds no other privileged role: removing it removes an admin.
  const privileged = new Set(before.roleDefinitions!.filter((d) => d.isPrivileged).map((d) => d.id));
  const counts = new Map<string, number>();
  for (const a of before.roleAssignments!) if (privileged.has(a.roleDefinitionId)) counts.set(a.principalId, (counts.get(a.principalId) ?? 0) + 1);
  const removed = before.roleAssignments!.find((a) => a.kind === 'active' && privileged.has(a.roleDefinitionId) && counts.get(a.principalId) === 1 &&
    before.users!.some((u) => u.id === a.principalId) && a.roleDefinitionId !== ga.id)!;
  const [p1, p2] = (t.conditionalAccessPolicies as { id: string; state: string; displayName: string; conditions: { users?: { excludeGroups?: string[] } } }[])
    .filter((p) => p.state === 'enabled');
  const group = before.groups!.find((g) => !g.isAssignableToRole && !(p1.conditions.users?.excludeGroups ?? []).includes(g.id))!;
  const app = before.applications![0];
  return { newAdmin, newEligible, strong, leaver, ga, removed, p1, p2, group, app };
}

describe('diff of a generated tenant before and after named changes', () => {
  it('finds exactly the changes made, through real SQLite snapshots', () => {
    const pick = plan();
    const changes: TenantChange[] = [
      { kind: 'addRoleAssignment', principalId: pick.newAdmin.id, role: 'Global Administrator' },
      { kind: 'addRoleAssignment', principalId: pick.newEligible.id, role: 'Security Administrator', eligible: true },
      { kind: 'removeRoleAssignment', assignmentId: pick.removed.id },
      { kind: 'removeStrongMethods', userId: pick.strong.userId },
      { kind: 'enableAccount', userId: pick.leaver.userId! },
      { kind: 'excludeGroupFromPolicy', policyId: pick.p1.id, groupId: pick.group.id },
      { kind: 'setPolicyState', policyId: pick.p2.id, state: 'enabledForReportingButNotEnforced' },
      { kind: 'addApplication', displayName: 'Shadow Sync' },
      { kind: 'addAppCredential', applicationId: pick.app.id, credential: 'secret', displayName: 'ci-token', endDateTime: '2028-06-01T00:00:00Z' },
    ];
    const { tenant: after, applied } = mutateTenant(gen.tenant, changes);
    expect(gen.tenant.applications.some((a) => a.displayName === 'Shadow Sync')).toBe(false);
    const created = Object.assign({}, ...applied.map((a) => a.created ?? {})) as Record<string, string>;

    const oldPath = join(dir, 'q1.sqlite');
    const newPath = join(dir, 'q2.sqlite');
    writeSnapshot(oldPath, before);
    writeSnapshot(newPath, tenantViewData(after, 'q2'));
    const oldR = openSnapshot(oldPath);
    const newR = openSnapshot(newPath);
    const d = diffSnapshots({ path: oldPath, view: oldR }, { path: newPath, view: newR });
    oldR.close();
    newR.close();

    const upn = (id: string) => before.users!.find((u) => u.id === id)!.userPrincipalName;
    const removedRole = before.roleDefinitions!.find((r) => r.id === pick.removed.roleDefinitionId)!.displayName;
    const key = (c: { section: string; kind: string; entityId: string }) => `${c.section} ${c.kind} ${c.entityId}`;
    expect(d.changes.map(key).sort()).toEqual([
      `admins added ${pick.newAdmin.id}`,
      `admins added ${pick.newEligible.id}`,
      `admins removed ${pick.removed.principalId}`,
      `role-assignments added active|${pick.newAdmin.id}|${pick.ga.id}|/`,
      `role-assignments added eligible|${pick.newEligible.id}|${applied[1].created!.roleDefinitionId}|/`,
      `role-assignments removed active|${pick.removed.principalId}|${pick.removed.roleDefinitionId}|/`,
      `mfa changed ${pick.strong.userId}`,
      `accounts changed ${pick.leaver.userId}`,
      `conditional-access changed ${pick.p1.id}`,
      `conditional-access changed ${pick.p2.id}`,
      `applications added ${created.applicationId}`,
      `applications added ${created.servicePrincipalId}`,
      `credentials added ${pick.app.id}|${created.keyId}`,
    ].sort());
    const text = d.changes.map((c) => c.description);
    expect(text).toContain(`new admin: user ${upn(pick.newAdmin.id)} holds Global Administrator (active)`);
    expect(text).toContain(`user ${upn(pick.removed.principalId)} lost active role ${removedRole}`);
    expect(text).toContain(`excluded group ${pick.group.displayName} from policy ${pick.p1.displayName}`);
    expect(text).toContain(`changed state of policy ${pick.p2.displayName} from enabled to report-only`);
    expect(text).toContain(`account ${upn(pick.leaver.userId!)} was re-enabled`);
    expect(d.skipped.map((s) => s.section).sort()).toEqual(['check-results', 'leavers']);
  });

  it('lists the leavers still enabled, per the generator\'s truth, and the one re-enabled', () => {
    const pick = plan();
    const { tenant: after } = mutateTenant(gen.tenant, [{ kind: 'enableAccount', userId: pick.leaver.userId! }]);
    const leavers = parseTerminations(gen.terminationsCsv);
    const d = diffSnapshots({ path: 'q1', view: memoryView(before) }, { path: 'q2', view: memoryView(tenantViewData(after, 'q2')) }, { leavers });
    const asOf = gen.tenant.now.slice(0, 10);
    const expected = gen.truth.leavers.filter((l) => l.userId && l.terminationDate < asOf && (l.keptAccess.enabled || l.userId === pick.leaver.userId)).map((l) => l.userId);
    const found = d.changes.filter((c) => c.section === 'leavers');
    expect(found.map((c) => c.entityId).sort()).toEqual([...new Set(expected)].sort());
    expect(found.find((c) => c.entityId === pick.leaver.userId)!.description).toMatch(/re-enabled since the old snapshot/);
    expect(expected.length).toBeGreaterThan(1);
  });
});
