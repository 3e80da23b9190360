/**
 * The Diff screen's service: compares two snapshot files (read-only, via diffFiles) and shapes the
 * result per section for the renderer, with each "not compared" reason. A file that is not a
 * snapshot, or two tenants, come back as the person's mistake (invalid-input), not a failure.
 */
import type { DiffView } from '../../../shared/ipc-types.js';
import { diffFiles } from '../../diff/diff-files.js';
import { DIFF_SECTIONS, TenantMismatchError, type DiffSection } from '../../diff/diff-types.js';
import { SnapshotOpenError } from '../../store/open-error.js';
import { ServiceError } from './service-error.js';

const TITLES: Record<DiffSection, string> = {
  admins: 'Administrators',
  'role-assignments': 'Role assignments',
  mfa: 'MFA',
  accounts: 'Accounts',
  leavers: 'Leavers still active',
  'conditional-access': 'Conditional access',
  applications: 'Applications',
  credentials: 'Application credentials',
  'check-results': 'Check results',
};

/** Diffs `oldPath` against `newPath` for the Diff screen. */
export function snapshotDiff(oldPath: string, newPath: string): DiffView {
  let d;
  try {
    d = diffFiles(oldPath, newPath);
  } catch (err) {
    if (err instanceof SnapshotOpenError || err instanceof TenantMismatchError)
      throw new ServiceError('invalid-input', (err as Error).message);
    throw err;
  }
  return {
    tenantName: d.tenantName,
    old: { path: d.old.path, collectedAt: d.old.collectedAt },
    new: { path: d.new.path, collectedAt: d.new.collectedAt },
    reversed: d.old.collectedAt > d.new.collectedAt,
    total: d.changes.length,
    sections: DIFF_SECTIONS.map((s) => ({
      section: s,
      title: TITLES[s],
      changes: d.changes
        .filter((c) => c.section === s)
        .map((c) => ({ kind: c.kind, entityType: c.entityType, entityId: c.entityId, entityName: c.entityName, description: c.description })),
      notCompared: d.skipped.filter((k) => k.section === s).map((k) => k.reason),
    })),
  };
}
