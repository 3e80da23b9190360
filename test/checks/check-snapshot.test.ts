import { describe, expect, it } from 'vitest';
import { checkSnapshot } from '../../main/checks/check-snapshot.js';
import { openResultsLayer, openSnapshot, verifyContentHash } from '../../main/store/index.js';
import { buildSnapshot } from './snapshot-builder.js';
import { NOW, tenantRows } from './catalogue/tenant-fixture.js';

describe('checkSnapshot', () => {
  it('applies exceptions stored in the snapshot, stores results, and leaves the content hash intact', () => {
    const path = buildSnapshot(tenantRows(), { now: NOW });
    const layer = openResultsLayer(path);
    layer.saveExceptions([{ id: 'EX-APP', checkId: 'apps-without-owners', entityId: 'app-2', reason: 'Retiring in June', approver: 'cio', createdAt: '2026-05-01', expiresAt: '2026-06-30' }]);
    layer.close();
    const { run, storeError, settings } = checkSnapshot(path);
    expect(storeError).toBeNull();
    expect(settings.now).toBe(NOW);
    expect(run.results.find((r) => r.checkId === 'apps-without-owners' && r.entityId === 'app-2')!.outcome).toBe('exception');
    const stored = openResultsLayer(path);
    expect(stored.checkResults()).toHaveLength(run.results.length);
    stored.close();
    const reader = openSnapshot(path);
    expect(verifyContentHash(reader).intact).toBe(true);
    reader.close();
  });

  it('a given exception with the same id replaces the stored one; store: false writes nothing', () => {
    const path = buildSnapshot(tenantRows(), { now: NOW });
    const { run } = checkSnapshot(path, { store: false, exceptions: [{ id: 'EX-APP', checkId: 'apps-without-owners', entityId: 'app-2', reason: 'x', approver: 'y', createdAt: '2026-01-01', expiresAt: '2026-01-31' }] });
    expect(run.results.find((r) => r.entityId === 'app-2')!.outcome).toBe('fail');
    const layer = openResultsLayer(path);
    expect(layer.checkResults()).toHaveLength(0);
    layer.close();
  });
});
