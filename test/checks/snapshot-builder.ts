/**
 * Writes small hand-built snapshots with the real store (a SQLite file in a temp dir) for the check
 * tests: pass the rows you need, everything else is empty, every dataset "complete" unless said.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { DATASETS, type DatasetId, type LicenceTier } from '../../shared/datasets.js';
import type { AuthMode, DatasetCoverage, DatasetStatus } from '../../shared/snapshot.js';
import { createSnapshot, openSnapshot, type SqliteSnapshotReader, type TableName, type TableRows } from '../../main/store/index.js';

export type Rows = { [T in TableName]?: TableRows[T][] };

/** Which dataset each table's rows are written under. */
const TABLE_DATASET: Record<TableName, DatasetId> = {
  organization: 'organization', skus: 'subscribedSkus', domains: 'domains', users: 'users', deleted_users: 'deletedUsers',
  mfa_registrations: 'mfaRegistration', ca_policies: 'conditionalAccess', named_locations: 'conditionalAccess',
  auth_strengths: 'conditionalAccess', security_defaults: 'conditionalAccess', sign_ins: 'signIns', groups: 'groups',
  group_members: 'groups', role_definitions: 'roles', role_assignments: 'roles', service_principals: 'applications',
  app_assignments: 'applications', app_permission_grants: 'applications', applications: 'applications',
  app_credentials: 'applications', devices: 'devices', alerts: 'alerts', risk_detections: 'riskDetections', risky_users: 'riskyUsers',
};

export interface BuildOptions {
  /** Evaluation/collection time written as collectionFinishedAt. */
  now?: string;
  licence?: LicenceTier;
  /** Datasets not complete, with their status (reason and code get fixed test words). */
  coverage?: Partial<Record<DatasetId, DatasetStatus>>;
  authMode?: AuthMode;
  /** Extra meta keys (e.g. signInWindowTo). */
  meta?: Record<string, unknown>;
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

let n = 0;

/** Writes and finalises a snapshot; returns its path. */
export function buildSnapshot(rows: Rows, options: BuildOptions = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'ead-checks-'));
  dirs.push(dir);
  const path = join(dir, `snap-${++n}.sqlite`);
  const now = options.now ?? '2026-06-01T00:00:00.000Z';
  const w = createSnapshot(path, {
    snapshotId: `snap-${n}`, appVersion: '0.1.0', tenantId: '11111111-2222-3333-4444-555555555555', tenantName: 'Contoso Test',
    primaryDomain: 'contoso.example', cloud: 'global', graphBaseUrl: 'https://graph.microsoft.com', authMode: options.authMode ?? 'demo',
    collectedBy: 'app:test', clientAppId: 'test', grantedPermissions: [], licence: options.licence ?? 'p2',
    collectionStartedAt: now, signInDays: 30,
  });
  for (const [table, list] of Object.entries(rows) as [TableName, object[]][]) {
    if (!list?.length) continue;
    w.pages(TABLE_DATASET[table]).writePage({ [table]: list.map((row) => ({ row, raw: row })) }, null, table);
  }
  for (const d of DATASETS) {
    const status = options.coverage?.[d.id] ?? 'complete';
    const c: DatasetCoverage = {
      dataset: d.id, status, code: status === 'complete' ? null : 'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
      reason: status === 'complete' ? null : `${d.title} needs Entra ID ${d.licence.toUpperCase()} (test)`, rows: 0, requests: 1,
      throttleWaits: 0, startedAt: now, finishedAt: now,
    };
    w.setCoverage(c);
  }
  w.setMeta({ collectionFinishedAt: now, ...options.meta });
  w.finalize();
  w.close();
  return path;
}

/** Builds and opens a snapshot. */
export function snapshot(rows: Rows, options: BuildOptions = {}): SqliteSnapshotReader {
  return openSnapshot(buildSnapshot(rows, options));
}
