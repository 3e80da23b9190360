/**
 * Check results that changed between two snapshots that both carry results: an entity whose outcome
 * moved (pass → fail, fail → exception ...), and entities a check judged in only one of them.
 */
import type { CheckResult } from '../../shared/results.js';
import type { DiffChange } from './diff-types.js';

const key = (r: CheckResult) => `${r.checkId}|${r.entityId}`;

/** Per-entity outcome changes; results with the same outcome are no change, whatever their evidence. */
export function diffResults(oldResults: readonly CheckResult[], newResults: readonly CheckResult[]): DiffChange[] {
  const before = new Map(oldResults.map((r) => [key(r), r]));
  const after = new Map(newResults.map((r) => [key(r), r]));
  const out: DiffChange[] = [];
  const base = (r: CheckResult) => ({ section: 'check-results' as const, entityType: r.entityType, entityId: r.entityId, entityName: r.entityName });
  for (const [k, r] of after) {
    const old = before.get(k);
    if (!old) out.push({ ...base(r), kind: 'added', description: `${r.checkId}: ${r.entityName} is new, ${r.outcome} (${r.reason})`, before: null, after: r.outcome });
    else if (old.outcome !== r.outcome) out.push({ ...base(r), kind: 'changed',
      description: `${r.checkId}: ${r.entityName} went from ${old.outcome} to ${r.outcome} (${r.reason})`, before: old.outcome, after: r.outcome });
  }
  for (const [k, r] of before) if (!after.has(k)) out.push({ ...base(r), kind: 'removed',
    description: `${r.checkId}: ${r.entityName} is no longer judged (was ${r.outcome})`, before: r.outcome, after: null });
  return out;
}
