/**
 * End to end: a generated tenant collected through the Graph emulator over HTTPS by the real
 * collectors, checked, then changed with mutateTenant, collected and checked again: the diff of the
 * two snapshot files finds exactly the changes made, and the check results they moved.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTenant } from '../../main/demo/generator/index.js';
import { mutateTenant } from '../../main/demo/generator-mutations.js';
import { diffSnapshots } from '../../main/diff/diff-snapshots.js';
import { storedResults } from '../../main/diff/stored-results.js';
import { openSnapshot } from '../../main/store/index.js';
import { collectAndCheck } from './collect-tenant.js';
import { tempDir } from './sqlite-snapshot.js';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

describe('diff of two collected snapshots', () => {
  it('finds exactly the changes made between two collections, and the check results they moved', async () => {
    const { tenant } = generateTenant({ users: 80, seed: 5, licence: 'p2' });
    const q1 = join(dir, 'q1.sqlite');
    await collectAndCheck(tenant, q1, 'q1');

    const r1 = openSnapshot(q1);
    const roleHolders = new Set(r1.roleAssignments().map((a) => a.principalId));
    const members = r1.groupMembers();
    for (const g of r1.groups().filter((x) => x.isAssignableToRole)) for (const m of members) if (m.groupId === g.id) roleHolders.add(m.memberId);
    const plain = r1.users().filter((u) => u.accountEnabled && u.userType === 'Member' && !roleHolders.has(u.id) && u.domain === tenant.primaryDomain);
    const passing = new Set(storedResults(q1).filter((r) => r.checkId === 'mfa-registered-all-users' && r.outcome === 'pass').map((r) => r.entityId));
    const loser = plain.find((u) => passing.has(u.id))!;
    const newAdmin = plain.find((u) => u.id !== loser.id)!;
    const policy = r1.conditionalAccessPolicies().find((p) => p.state === 'enabled')!;
    const app = r1.applications()[0];
    r1.close();
    expect(loser && newAdmin && policy && app).toBeTruthy();

    const { tenant: changed, applied } = mutateTenant(tenant, [
      { kind: 'addRoleAssignment', principalId: newAdmin.id, role: 'Global Administrator' },
      { kind: 'removeStrongMethods', userId: loser.id },
      { kind: 'setPolicyState', policyId: policy.id, state: 'enabledForReportingButNotEnforced' },
      { kind: 'addApplication', displayName: 'Shadow Sync' },
      { kind: 'addAppCredential', applicationId: app.id, credential: 'certificate', displayName: 'CN=ci', endDateTime: '2029-06-01T00:00:00Z' },
    ]);
    const q2 = join(dir, 'q2.sqlite');
    await collectAndCheck(changed, q2, 'q2');

    const a = openSnapshot(q1);
    const b = openSnapshot(q2);
    const d = diffSnapshots({ path: q1, view: a, results: storedResults(q1) }, { path: q2, view: b, results: storedResults(q2) });
    a.close();
    b.close();
    const created = Object.assign({}, ...applied.map((x) => x.created ?? {})) as Record<string, string>;
    const collected = d.changes.filter((c) => c.section !== 'check-results').map((c) => `${c.section} ${c.kind} ${c.entityId}`).sort();
    expect(collected).toEqual([
      `admins added ${newAdmin.id}`,
      `role-assignments added active|${newAdmin.id}|${applied[0].created!.roleDefinitionId}|/`,
      `mfa changed ${loser.id}`,
      `conditional-access changed ${policy.id}`,
      `applications added ${created.applicationId}`,
      `applications added ${created.servicePrincipalId}`,
      `credentials added ${app.id}|${created.keyId}`,
    ].sort());
    expect(d.changes.find((c) => c.section === 'conditional-access')!.description)
      .toBe(`changed state of policy ${policy.displayName} from enabled to report-only`);
    const moved = d.changes.filter((c) => c.section === 'check-results');
    expect(moved).toContainEqual(expect.objectContaining({ kind: 'changed', entityId: loser.id, before: 'pass', after: 'fail',
      description: expect.stringMatching(/^mfa-registered-all-users: .* went from pass to fail/) }));
    expect(d.skipped.map((s) => s.section)).toEqual(['leavers']);
  });
});
