/**
 * Persists a run's results (and the exceptions it applied) in the snapshot's results layer, apart
 * from the collected data: the content hash does not change.
 */
import type { CheckResult, RiskException } from '../../shared/results.js';
import { openResultsLayer } from '../store/results-layer.js';

/** Replaces the stored check results of the snapshot at `path`; upserts the exceptions used. */
export function storeResults(path: string, results: CheckResult[], exceptions: readonly RiskException[] = []): void {
  const layer = openResultsLayer(path);
  try {
    layer.saveCheckResults(results);
    if (exceptions.length) layer.saveExceptions([...exceptions]);
  } finally {
    layer.close();
  }
}
