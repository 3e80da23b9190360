import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS, type DatasetId } from '../../shared/datasets.js';
import { SIGN_IN_PERMISSIONS } from '../../main/auth/permissions.js';
import { isIncomplete } from '../../main/collect/orchestrator.js';
import { collectInto, readerFor, serveTenant, tempDir, type Served } from './harness.js';

/** What the catalogue says a token with `granted` can collect on a P2 tenant. */
function expectedAvailable(granted: Set<string>): Set<DatasetId> {
  const has = (d: DatasetId) => DATASETS.find((x) => x.id === d)!.permissions.some((p) => granted.has(p));
  const out = new Set<DatasetId>();
  for (const d of DATASETS) if (d.id !== 'signInActivity' && d.id !== 'mfaRegistration' && has(d.id)) out.add(d.id);
  if (granted.has('AuditLog.Read.All') && out.has('users')) out.add('signInActivity');
  if (granted.has('AuditLog.Read.All') || (granted.has('UserAuthenticationMethod.Read.All') && out.has('users')))
    out.add('mfaRegistration');
  return out;
}

describe('a token missing one permission', () => {
  let served: Served;
  let dir: string;
  let cleanup: () => void;
  beforeAll(async () => {
    served = await serveTenant({ users: 20, licence: 'p2', seed: 11 });
    ({ dir, cleanup } = tempDir());
  });
  afterAll(async () => {
    await served?.close();
    cleanup?.();
  });

  it.each(SIGN_IN_PERMISSIONS.map((p) => [p]))(
    'without %s: records refusals as unavailable, collects the rest',
    async (missing) => {
      const granted = new Set(SIGN_IN_PERMISSIONS.filter((p) => p !== missing));
      const { graph } = readerFor(served, [...granted]);
      // Only the datasets this permission decides (and the user list the per-user paths need); the
      // tier tests cover a full run with every permission.
      const affected = DATASETS.filter((d) => d.permissions.includes(missing)).map((d) =>
        d.id === 'signInActivity' ? 'users' : d.id,
      );
      const only = [...new Set<DatasetId>([...affected, 'users'])];
      const { report } = await collectInto(served, graph, join(dir, `${missing}.sqlite`), { days: 2, only });
      graph.close();
      const available = expectedAvailable(granted);
      const ran = new Set<DatasetId>([...only, ...(only.includes('users') ? (['signInActivity'] as DatasetId[]) : [])]);
      expect(report.coverage.map((c) => c.dataset).sort()).toEqual([...ran].sort());
      for (const c of report.coverage) {
        if (available.has(c.dataset)) {
          expect(c.status, c.dataset).toBe('complete');
        } else {
          expect(c.status, c.dataset).toBe('unavailable');
          expect(c.code, c.dataset).toBe('Authorization_RequestDenied');
          expect(c.reason, c.dataset).toMatch(/Insufficient privileges|permission/i);
          expect(isIncomplete(c)).toBe(false);
        }
      }
      expect(report.incomplete).toEqual([]);
      if (missing === 'AuditLog.Read.All') {
        expect(report.coverage.find((c) => c.dataset === 'mfaRegistration')?.reason).toMatch(/read per user/);
      }
    },
  );
});
