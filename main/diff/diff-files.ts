/**
 * The diff of two snapshot files, read-only, with their stored check results: the one call the CLI,
 * the app's Diff screen and the exporter make.
 */
import type { TerminationRecord } from '../checks/types.js';
import { openSnapshot } from '../store/index.js';
import { diffSnapshots } from './diff-snapshots.js';
import type { SnapshotDiff } from './diff-types.js';
import { storedResults } from './stored-results.js';

/**
 * Opens both snapshots read-only and compares them. Throws the store's SnapshotOpenError for a file
 * that is not a usable snapshot and TenantMismatchError for snapshots of two tenants.
 */
export function diffFiles(oldPath: string, newPath: string, options: { leavers?: readonly TerminationRecord[] } = {}): SnapshotDiff {
  const oldR = openSnapshot(oldPath);
  try {
    const newR = openSnapshot(newPath);
    try {
      return diffSnapshots({ path: oldPath, view: oldR, results: storedResults(oldPath) },
        { path: newPath, view: newR, results: storedResults(newPath) }, options);
    } finally {
      newR.close();
    }
  } finally {
    oldR.close();
  }
}
