/** Hand-made inputs for export tests that do not need a snapshot file. */
import type { SnapshotMeta } from '../../shared/snapshot.js';

export function sampleMeta(over: Partial<SnapshotMeta> = {}): SnapshotMeta {
  return {
    snapshotId: 'snap-1',
    schemaVersion: 1,
    appVersion: '0.1.0',
    tenantId: '11111111-2222-3333-4444-555555555555',
    tenantName: 'Contoso Ελλάς Ltd',
    primaryDomain: 'contoso.example',
    cloud: 'global',
    graphBaseUrl: 'https://graph.microsoft.com',
    authMode: 'demo',
    collectedBy: 'auditor@contoso.example',
    clientAppId: '00000000-aaaa-bbbb-cccc-000000000000',
    grantedPermissions: ['User.Read.All', 'AuditLog.Read.All'],
    licence: 'p1',
    collectionStartedAt: '2026-11-01T08:00:00.000Z',
    collectionFinishedAt: '2026-11-01T08:05:00.000Z',
    signInDays: 30,
    contentHash: 'a'.repeat(64),
    ...over,
  };
}
