/**
 * The Diff screen's channel over real parts: two snapshots of a generated tenant collected through
 * the Graph emulator (the second after mutateTenant), compared through dispatch as the renderer
 * calls it: exactly the changes made, in words per section, the skipped section with its reason,
 * and readable refusals for a file that is not a snapshot or a bad input.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/app/services/dispatch.js';
import { createHandlers } from '../../main/app/services/handlers.js';
import { runChecks } from '../../main/app/services/engines.js';
import { AppSession } from '../../main/app/services/session.js';
import { generateTenant } from '../../main/demo/generator/index.js';
import { mutateTenant } from '../../main/demo/generator-mutations.js';
import { openSnapshot } from '../../main/store/index.js';
import type { DiffView } from '../../shared/ipc-types.js';
import { collectAndCheck } from '../diff/collect-tenant.js';
import { tempDir } from '../diff/sqlite-snapshot.js';

let dir: string;
let cleanup: () => void;
let session: AppSession;
let handlers: ReturnType<typeof createHandlers>;
let q1: string;
let q2: string;
let newAdmin: { id: string };

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  session = new AppSession(
    { transport: 'http', appVersion: '0.1.0-test', dataDir: join(dir, 'data'), demoSpeedup: 500, signerDir: join(dir, 'signer') },
    runChecks,
  );
  handlers = createHandlers(session);
  const { tenant } = generateTenant({ users: 50, seed: 7, licence: 'p2' });
  q1 = join(dir, 'q1.sqlite');
  await collectAndCheck(tenant, q1, 'q1');
  const r = openSnapshot(q1);
  const holders = new Set(r.roleAssignments().map((a) => a.principalId));
  const groupMembers = new Set(r.groupMembers().map((m) => m.memberId));
  newAdmin = r.users().find((u) => u.accountEnabled && u.userType === 'Member' && !holders.has(u.id) && !groupMembers.has(u.id))
    ?? r.users().find((u) => u.accountEnabled && !holders.has(u.id))!;
  r.close();
  const { tenant: changed } = mutateTenant(tenant, [
    { kind: 'addRoleAssignment', principalId: newAdmin.id, role: 'Global Administrator' },
    { kind: 'addApplication', displayName: 'Shadow Sync' },
  ]);
  q2 = join(dir, 'q2.sqlite');
  await collectAndCheck(changed, q2, 'q2');
}, 120_000);

afterAll(async () => {
  await session.close();
  cleanup();
});

describe('snapshotDiff channel', () => {
  it('shows exactly the changes made, in words per section, and why a section was not compared', async () => {
    const env = await dispatch(handlers, 'snapshotDiff', { oldPath: q1, newPath: q2 });
    expect(env.ok, env.ok ? '' : env.error.message).toBe(true);
    const d = (env as { ok: true; result: DiffView }).result;
    expect(d.reversed).toBe(false);
    expect(d.sections.map((s) => s.section)).toEqual(['admins', 'role-assignments', 'mfa', 'accounts', 'leavers',
      'conditional-access', 'applications', 'credentials', 'check-results']);
    const of = (s: string) => d.sections.find((x) => x.section === s)!;
    expect(of('admins').changes).toEqual([expect.objectContaining({ kind: 'added', entityId: newAdmin.id })]);
    expect(of('admins').changes[0].description).toMatch(/Global Administrator/);
    expect(of('role-assignments').changes.map((c) => c.kind)).toEqual(['added']);
    expect(of('applications').changes.map((c) => `${c.kind} ${c.entityType} ${c.entityName}`).sort())
      .toEqual(['added application Shadow Sync', 'added servicePrincipal Shadow Sync']);
    for (const s of ['mfa', 'accounts', 'conditional-access', 'credentials']) expect(of(s).changes, s).toEqual([]);
    expect(of('leavers').notCompared).toEqual(['no terminations list was given']);
    expect(d.total).toBe(d.sections.reduce((n, s) => n + s.changes.length, 0));
  });

  it('refuses a file that is not a snapshot, and a call without the second path, as invalid input', async () => {
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'not a database');
    const bad = await dispatch(handlers, 'snapshotDiff', { oldPath: q1, newPath: junk });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const missing = await dispatch(handlers, 'snapshotDiff', { oldPath: q1 } as never);
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
