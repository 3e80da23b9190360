import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createSnapshot,
  openResultsLayer,
  openSnapshot,
  resumeSnapshot,
  SCHEMA_VERSION,
  verifyContentHash,
  type TableName,
  type TableRecords,
} from '../../main/store/index.js';
import { TABLES } from '../../main/store/tables.js';
import { PAGE_SIZE } from '../../main/store/snapshot-writer.js';
import { datasetSpec, type DatasetId } from '../../shared/datasets.js';
import { META, rawOf, SAMPLES, tempDir } from './fixtures.js';

const hasSqliteCli = (() => {
  try {
    execFileSync('sqlite3', ['-version']);
    return true;
  } catch {
    return false;
  }
})();

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

function everyRecord(): TableRecords {
  const records: Record<string, { row: unknown; raw: unknown }[]> = {};
  for (const [table, row] of Object.entries(SAMPLES)) records[table] = [{ row, raw: rawOf(row) }];
  return records as TableRecords;
}

function fullSnapshot(path: string): string {
  const w = createSnapshot(path, META);
  w.pages('users').writePage(everyRecord(), null);
  for (const id of ['users', 'signIns', 'groups'] as DatasetId[]) {
    w.setCoverage({
      dataset: id,
      status: 'complete',
      code: null,
      reason: null,
      rows: 1,
      requests: 2,
      throttleWaits: 0,
      startedAt: 'a',
      finishedAt: 'b',
    });
  }
  return w.finalize();
}

describe('snapshot round trip', () => {
  it('reads back every row type exactly, with raw JSON verbatim', () => {
    const path = join(dir, 's.sqlite');
    fullSnapshot(path);
    const r = openSnapshot(path, { readonly: true });
    expect(r.skus()).toEqual([SAMPLES.skus]);
    expect(r.domains()).toEqual([SAMPLES.domains]);
    expect(r.users()).toEqual([SAMPLES.users]);
    expect(r.deletedUsers()).toEqual([SAMPLES.deleted_users]);
    expect(r.mfaRegistrations()).toEqual([SAMPLES.mfa_registrations]);
    expect(r.conditionalAccessPolicies()).toEqual([rawOf(SAMPLES.ca_policies)]);
    expect(r.namedLocations()).toEqual([rawOf(SAMPLES.named_locations)]);
    expect(r.authenticationStrengthPolicies()).toEqual([rawOf(SAMPLES.auth_strengths)]);
    expect(r.securityDefaultsEnabled()).toBe(false);
    expect([...r.signIns()]).toEqual([SAMPLES.sign_ins]);
    expect(r.signInCount()).toBe(1);
    expect(r.groups()).toEqual([SAMPLES.groups]);
    expect(r.groupMembers()).toEqual([SAMPLES.group_members]);
    expect(r.roleDefinitions()).toEqual([SAMPLES.role_definitions]);
    expect(r.roleAssignments()).toEqual([SAMPLES.role_assignments]);
    expect(r.servicePrincipals()).toEqual([SAMPLES.service_principals]);
    expect(r.appAssignments()).toEqual([SAMPLES.app_assignments]);
    expect(r.appPermissionGrants()).toEqual([SAMPLES.app_permission_grants]);
    expect(r.applications()).toEqual([SAMPLES.applications]);
    expect(r.appCredentials()).toEqual([SAMPLES.app_credentials]);
    expect(r.devices()).toEqual([SAMPLES.devices]);
    expect(r.directoryNames()).toEqual(
      new Map([
        [SAMPLES.users.id, SAMPLES.users.userPrincipalName],
        [SAMPLES.groups.id, SAMPLES.groups.displayName ?? ''],
        [SAMPLES.service_principals.id, SAMPLES.service_principals.displayName ?? ''],
        [SAMPLES.devices.id, SAMPLES.devices.displayName ?? ''],
      ]),
    );
    expect(r.alerts()).toEqual([SAMPLES.alerts]);
    expect(r.riskDetections()).toEqual([SAMPLES.risk_detections]);
    expect(r.riskyUsers()).toEqual([SAMPLES.risky_users]);
    expect(r.raw('users', 'u1')).toEqual(rawOf(SAMPLES.users));
    expect(r.raw('conditionalAccess', 'p1')).toEqual(rawOf(SAMPLES.ca_policies));
    expect(r.raw('users', 'nope')).toBeNull();
    r.close();
  });

  it('keeps meta and coverage, and reports unreached datasets as not-collected', () => {
    const path = join(dir, 's.sqlite');
    const hash = fullSnapshot(path);
    const r = openSnapshot(path);
    const meta = r.meta();
    expect(meta).toMatchObject({ ...META, schemaVersion: SCHEMA_VERSION, contentHash: hash });
    expect(meta.collectionFinishedAt).toMatch(/^\d{4}-/);
    expect(r.coverage().map((c) => c.dataset)).toEqual(['groups', 'signIns', 'users']);
    expect(r.coverageOf('users')).toMatchObject({ status: 'complete', rows: 1, requests: 2 });
    expect(r.coverageOf('alerts').status).toBe('not-collected');
    r.close();
  });

  it('filters and orders sign-ins newest first', () => {
    const path = join(dir, 's.sqlite');
    const w = createSnapshot(path, META);
    const base = SAMPLES.sign_ins;
    const rows = ['2026-11-01T00:00:00Z', '2026-11-03T00:00:00Z', '2026-11-02T00:00:00Z'].map((t, i) => ({
      ...base,
      id: `s${i}`,
      createdDateTime: t,
      userId: i === 1 ? 'u2' : 'u1',
    }));
    w.pages('signIns').writePage({ sign_ins: rows.map((row) => ({ row, raw: row })) }, null);
    w.finalize();
    const r = openSnapshot(path);
    expect([...r.signIns()].map((s) => s.id)).toEqual(['s1', 's2', 's0']);
    expect([...r.signIns({ from: '2026-11-02T00:00:00Z' })].map((s) => s.id)).toEqual(['s1', 's2']);
    expect([...r.signIns({ to: '2026-11-02T00:00:00Z' })].map((s) => s.id)).toEqual(['s0']);
    expect([...r.signIns({ userId: 'u1' })].map((s) => s.id)).toEqual(['s2', 's0']);
    r.close();
  });

  it('maps every table to datasets the catalogue knows', () => {
    for (const t of TABLES) for (const d of t.datasets) expect(datasetSpec(d).id).toBe(d);
    expect(Object.keys(SAMPLES).sort()).toEqual(TABLES.map((t) => t.name).sort());
  });
});

describe('resume cursor', () => {
  it('commits rows and cursor together and survives reopening', () => {
    const path = join(dir, 's.sqlite');
    const w = createSnapshot(path, META);
    const pw = w.pages('signIns');
    expect(pw.cursor('day-1')).toBeNull();
    const row = SAMPLES.sign_ins;
    pw.writePage({ sign_ins: [{ row, raw: row }] }, 'https://graph/next?page=2', 'day-1');
    w.close();
    expect(existsSync(`${path}-wal`) || existsSync(path)).toBe(true);

    const w2 = resumeSnapshot(path);
    const pw2 = w2.pages('signIns');
    expect(pw2.cursor('day-1')).toEqual({ nextLink: 'https://graph/next?page=2', done: false, pages: 1 });
    expect(pw2.cursor('day-2')).toBeNull();
    expect(w2.pages('users').cursor('day-1')).toBeNull();
    pw2.writePage({ sign_ins: [{ row: { ...row, id: 's2' }, raw: row }] }, null, 'day-1');
    expect(pw2.cursor('day-1')).toEqual({ nextLink: null, done: true, pages: 2 });
    expect(w2.countRows('sign_ins')).toBe(2);
    expect(w2.meta().tenantId).toBe(META.tenantId);
    w2.finalize();
  });

  it('rolls back the rows when a page fails, leaving the cursor where it was', () => {
    const path = join(dir, 's.sqlite');
    const w = createSnapshot(path, META);
    const pw = w.pages('users');
    pw.writePage({ users: [{ row: SAMPLES.users, raw: {} }] }, 'next-1');
    const bad = {
      users: [{ row: { ...SAMPLES.users, id: 'u2' }, raw: {} }],
      nope: [{ row: {}, raw: {} }],
    } as unknown as TableRecords;
    expect(() => pw.writePage(bad, 'next-2')).toThrow(/unknown snapshot table/);
    expect(pw.cursor()).toEqual({ nextLink: 'next-1', done: false, pages: 1 });
    expect(w.countRows('users')).toBe(1);
    w.close();
  });

  it('lists ids after a position, for per-entity resumption', () => {
    const path = join(dir, 's.sqlite');
    const w = createSnapshot(path, META);
    const groups = ['g3', 'g1', 'g2'].map((id) => ({ row: { ...SAMPLES.groups, id }, raw: {} }));
    w.pages('groups').writePage({ groups }, null);
    expect(w.ids('groups', 'id')).toEqual(['g1', 'g2', 'g3']);
    expect(w.ids('groups', 'id', 'g1')).toEqual(['g2', 'g3']);
    w.clear('groups', ['groups']);
    expect(w.countRows('groups')).toBe(0);
    expect(w.pages('groups').cursor()).toBeNull();
    w.close();
  });
});

describe('finalize and content hash', () => {
  it('leaves one self-contained file that SQLite says is intact', () => {
    const path = join(dir, 's.sqlite');
    fullSnapshot(path);
    expect(readdirSync(dir)).toEqual(['s.sqlite']);
    if (hasSqliteCli) expect(execFileSync('sqlite3', [path, 'PRAGMA integrity_check']).toString().trim()).toBe('ok');
    if (hasSqliteCli) expect(execFileSync('sqlite3', [path, 'PRAGMA journal_mode']).toString().trim()).toBe('delete');
    const r = openSnapshot(path);
    expect(r.integrityCheck()).toBe('ok');
    r.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
    db.close();
  });

  it('is stable across reopening and equal for equal content', () => {
    const a = join(dir, 'a.sqlite');
    const b = join(dir, 'b.sqlite');
    const ha = fullSnapshot(a);
    const hb = fullSnapshot(b);
    expect(ha).toMatch(/^[0-9a-f]{64}$/);
    expect(hb).toBe(ha);
    const r = openSnapshot(a);
    expect(verifyContentHash(r)).toEqual({ expected: ha, actual: ha, intact: true });
    r.close();
    const r2 = openSnapshot(a);
    expect(r2.computeContentHash()).toBe(ha);
    r2.close();
  });

  it('does not change when the results layer is written', () => {
    const path = join(dir, 's.sqlite');
    const hash = fullSnapshot(path);
    const layer = openResultsLayer(path);
    layer.saveCheckResults([
      {
        checkId: 'C1',
        entityType: 'user',
        entityId: 'u1',
        entityName: 'Ada',
        outcome: 'fail',
        reason: 'no MFA',
        evidence: { methods: 0, ok: false },
      },
    ]);
    layer.saveExceptions([
      {
        id: 'x1',
        checkId: 'C1',
        entityId: 'u1',
        reason: 'break-glass',
        approver: 'CISO',
        createdAt: '2026-11-27',
        expiresAt: '2027-01-01',
      },
    ]);
    expect(layer.checkResults()).toEqual([
      {
        checkId: 'C1',
        entityType: 'user',
        entityId: 'u1',
        entityName: 'Ada',
        outcome: 'fail',
        reason: 'no MFA',
        evidence: { methods: 0, ok: false },
      },
    ]);
    expect(layer.exceptions()).toHaveLength(1);
    layer.close();
    const r = openSnapshot(path);
    expect(verifyContentHash(r)).toEqual({ expected: hash, actual: hash, intact: true });
    r.close();
  });

  it.runIf(hasSqliteCli)('detects a collected row changed after the fact', () => {
    const path = join(dir, 's.sqlite');
    const hash = fullSnapshot(path);
    execFileSync('sqlite3', [path, "UPDATE users SET accountEnabled = 0 WHERE id = 'u1'"]);
    const r = openSnapshot(path);
    const v = verifyContentHash(r);
    expect(v.expected).toBe(hash);
    expect(v.intact).toBe(false);
    r.close();
  });

  it('hashes each table so moving a row between tables changes it', () => {
    const a = join(dir, 'a.sqlite');
    const b = join(dir, 'b.sqlite');
    const row = SAMPLES.app_assignments;
    const wa = createSnapshot(a, META);
    wa.pages('applications').writePage({ app_assignments: [{ row, raw: row }] }, null);
    const wb = createSnapshot(b, META);
    wb.pages('applications').writePage({ app_permission_grants: [{ row, raw: row }] }, null);
    expect(wa.finalize()).not.toBe(wb.finalize());
  });

  it('refuses to overwrite an existing file', () => {
    const path = join(dir, 's.sqlite');
    fullSnapshot(path);
    expect(() => createSnapshot(path, META)).toThrow(/already exists/);
  });

  it('ingests a large page through prepared statements', () => {
    const path = join(dir, 's.sqlite');
    const w = createSnapshot(path, META);
    const base = SAMPLES.sign_ins;
    const pw = w.pages('signIns');
    for (let p = 0; p < 20; p++) {
      const rows = Array.from({ length: 1000 }, (_, i) => {
        const row = { ...base, id: `s-${p}-${i}` };
        return { row, raw: JSON.stringify(row) };
      });
      pw.writePage({ sign_ins: rows }, p === 19 ? null : `next-${p}`);
    }
    expect(w.countRows('sign_ins' as TableName)).toBe(20000);
    w.finalize();
  });
});
