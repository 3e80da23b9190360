/**
 * Reads the check results a snapshot carries (the store's results layer), opening the file
 * read-only: a diff must work on a snapshot on read-only media and must never modify it.
 */
import type { CheckResult } from '../../shared/results.js';
import { openValidated } from '../store/snapshot-queries.js';

/** The stored results of a snapshot, or [] when checks were never run on it. */
export function storedResults(path: string): CheckResult[] {
  const db = openValidated(path, true);
  try {
    const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'layer_check_results'").get();
    if (!has) return [];
    const rows = db.prepare('SELECT * FROM layer_check_results ORDER BY checkId, entityId').all() as
      (Omit<CheckResult, 'evidence' | 'exceptionId'> & { evidence: string; exceptionId: string | null })[];
    return rows.map(({ evidence, exceptionId, ...r }) => ({ ...r, evidence: JSON.parse(evidence), ...(exceptionId ? { exceptionId } : {}) }));
  } finally {
    db.close();
  }
}
