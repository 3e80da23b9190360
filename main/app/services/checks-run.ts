/**
 * The checks run itself, in whatever thread calls it: every check of the catalogue plus the MFA
 * passthrough list the apps screen shows, and (for a live snapshot) the results written to the
 * snapshot's results layer. The app calls it off its service thread (analysis-worker.ts).
 */
import { runChecks as runEngine } from '../../checks/engine.js';
import { listMfaPassthrough } from '../../checks/passthrough.js';
import type { TerminationRecord } from '../../checks/types.js';
import { openResultsLayer, type SqliteSnapshotReader } from '../../store/index.js';
import type { RiskException } from '../../../shared/results.js';
import type { ChecksOutput } from './open-snapshot.js';

export interface ChecksInputs {
  exceptions: RiskException[];
  terminations?: TerminationRecord[];
  /** Store the results in the snapshot's results layer (live snapshots; review ones are never written). */
  saveResults?: boolean;
}

/** Runs every check; the MFA passthrough list comes along for the apps screen. */
export function runChecksHere(reader: SqliteSnapshotReader, inputs: ChecksInputs): ChecksOutput {
  const { exceptions, terminations } = inputs;
  const run = runEngine(reader, { exceptions, terminations });
  const passthrough = new Map<string, { coverage: 'full' | 'partial' | 'none'; uncovered: number }>();
  for (const row of listMfaPassthrough(reader, { exceptions, terminations })) {
    const entry = passthrough.get(row.appId) ?? { coverage: row.coverage, uncovered: 0 };
    if (row.leftOutUserId) entry.uncovered++;
    passthrough.set(row.appId, entry);
  }
  if (inputs.saveResults) {
    const layer = openResultsLayer(reader.path);
    try {
      layer.saveCheckResults(run.results);
    } finally {
      layer.close();
    }
  }
  return { ...run, passthrough };
}
