/**
 * One call for the CLI, the demo and the app: open a snapshot, run the checks with the exceptions it
 * already stores plus the given ones, store the results in its results layer, and return the run.
 */
import type { FrameworkId } from '../../shared/frameworks/catalogue.js';
import type { RiskException } from '../../shared/results.js';
import type { SnapshotMeta } from '../../shared/snapshot.js';
import { openResultsLayer, openSnapshot } from '../store/index.js';
import { resolveSettings, runChecks, type CheckRun } from './engine.js';
import { storeResults } from './store-results.js';
import type { CheckSettings } from './types.js';

export interface CheckSnapshotOptions extends Partial<Omit<CheckSettings, 'exceptions'>> {
  /** Exceptions to apply besides those stored in the snapshot (same id: these win). */
  exceptions?: RiskException[];
  frameworks?: readonly FrameworkId[];
  /** Write results (and the given exceptions) into the snapshot. Default true. */
  store?: boolean;
}

export interface CheckSnapshotResult {
  run: CheckRun;
  settings: CheckSettings;
  meta: SnapshotMeta;
  /** Why storing failed (e.g. read-only media), or null when stored or not asked. */
  storeError: string | null;
}

/** Exceptions stored in the snapshot's results layer (none when it cannot be opened for that). */
export function storedExceptions(path: string): RiskException[] {
  try {
    const layer = openResultsLayer(path);
    try {
      return layer.exceptions();
    } finally {
      layer.close();
    }
  } catch {
    return [];
  }
}

/** Runs the checks on the snapshot file at `path` (throws SnapshotOpenError when it is not one). */
export function checkSnapshot(path: string, options: CheckSnapshotOptions = {}): CheckSnapshotResult {
  const { exceptions: given = [], frameworks, store = true, ...partial } = options;
  const givenIds = new Set(given.map((e) => e.id));
  const exceptions = [...storedExceptions(path).filter((e) => !givenIds.has(e.id)), ...given];
  const reader = openSnapshot(path);
  let run: CheckRun;
  let settings: CheckSettings;
  let meta: SnapshotMeta;
  try {
    settings = resolveSettings(reader, { ...partial, exceptions });
    run = runChecks(reader, settings, { frameworks });
    meta = reader.meta();
  } finally {
    reader.close();
  }
  let storeError: string | null = null;
  if (store) {
    try {
      storeResults(path, run.results, given);
    } catch (err) {
      storeError = (err as Error).message;
    }
  }
  return { run, settings, meta, storeError };
}
