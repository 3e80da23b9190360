/**
 * Test fixture: writes ViewData into a real, finalized SQLite snapshot through the store's writer,
 * so diff, review and sampling tests also run against files the app would open.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSnapshot, type TableRecords } from '../../main/store/index.js';
import { DATASETS } from '../../shared/datasets.js';
import type { ViewData } from './memory-view.js';
import { TENANT_ID } from './memory-view.js';

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ead-diff-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const rows = <T>(list: T[] | undefined) => (list ?? []).map((row) => ({ row, raw: row }));

/** Writes `data` as a finished snapshot at `path`; returns its content hash. */
export function writeSnapshot(path: string, data: ViewData): string {
  const w = createSnapshot(path, {
    snapshotId: data.meta?.snapshotId ?? 'snap-1', appVersion: '0.1.0', tenantId: data.meta?.tenantId ?? TENANT_ID,
    tenantName: data.meta?.tenantName ?? 'Contoso', primaryDomain: 'contoso.com', cloud: 'global', graphBaseUrl: 'https://graph.microsoft.com',
    authMode: 'demo', collectedBy: 'auditor@contoso.com', clientAppId: null, grantedPermissions: [], licence: 'p2',
    collectionStartedAt: data.meta?.collectionStartedAt ?? '2026-06-01T10:00:00Z', signInDays: 30,
  });
  const records: TableRecords = {
    users: rows(data.users), deleted_users: rows(data.deletedUsers), mfa_registrations: rows(data.mfa), groups: rows(data.groups),
    group_members: rows(data.members), role_definitions: rows(data.roleDefinitions), role_assignments: rows(data.roleAssignments),
    service_principals: rows(data.servicePrincipals), app_assignments: rows(data.appAssignments), applications: rows(data.applications),
    app_credentials: rows(data.credentials), ca_policies: rows(data.policies), named_locations: rows(data.locations), devices: rows(data.devices),
    sign_ins: rows(data.signIns),
  };
  w.pages('users').writePage(records, null);
  for (const d of DATASETS) {
    const status = data.notComplete?.[d.id] ?? 'complete';
    w.setCoverage({ dataset: d.id, status, code: null, reason: status === 'complete' ? null : 'not licensed', rows: 0, requests: 1,
      throttleWaits: 0, startedAt: null, finishedAt: null });
  }
  return w.finalize();
}
