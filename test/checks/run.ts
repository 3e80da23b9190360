/** Runs one check through the real engine and indexes its results by entity id. */
import { runChecks } from '../../main/checks/engine.js';
import type { Check, CheckSettings } from '../../main/checks/types.js';
import type { SnapshotReader } from '../../main/store/types.js';
import type { CheckResult, CheckSummary } from '../../shared/results.js';

export function run(check: Check, reader: SnapshotReader, settings: Partial<CheckSettings> = {}): {
  summary: CheckSummary;
  results: CheckResult[];
  by: (entityId: string) => CheckResult;
  outcomes: Record<string, string>;
} {
  const r = runChecks(reader, settings, { checks: [check] });
  const by = (id: string) => {
    const found = r.results.find((x) => x.entityId === id);
    if (!found) throw new Error(`no result for ${id}: ${r.results.map((x) => x.entityId).join(', ')}`);
    return found;
  };
  return { summary: r.checks[0], results: r.results, by, outcomes: Object.fromEntries(r.results.map((x) => [x.entityId, x.outcome])) };
}
