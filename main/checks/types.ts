/**
 * What a check is and what it is run with. Checks are pure functions of a snapshot (through
 * SnapshotReader) and these settings: the same snapshot and settings always give the same results.
 */
import type { DatasetId } from '../../shared/datasets.js';
import type { CheckInfo, CheckResult, RiskException } from '../../shared/results.js';
import type { CheckContext } from './context.js';

/** One row of a terminated-employees list (see terminations-csv.ts). */
export interface TerminationRecord {
  /** Line of the file where the row starts (1 = header), for messages an HR person can follow. */
  line: number;
  userPrincipalName: string | null;
  mail: string | null;
  employeeId: string | null;
  /** ISO 8601 date (YYYY-MM-DD) or date-time as given. */
  terminationDate: string;
}

export interface CheckSettings {
  /** The evaluation time (ISO 8601). Default: the snapshot's collectionFinishedAt, so reruns agree. */
  now: string;
  /** Days without any sign-in after which an account counts as inactive. Default 90. */
  inactiveDays: number;
  /** Days after a termination date by which a leaver's account must be disabled or deleted. Default 7. */
  graceDays: number;
  /** The terminated-employees list; without it the leaver part of the offboarding check is not assessed. */
  terminations?: TerminationRecord[];
  /** Accepted risks; expired ones are ignored. */
  exceptions: RiskException[];
}

export const DEFAULT_INACTIVE_DAYS = 90;
export const DEFAULT_GRACE_DAYS = 7;

/** A check: its catalogue entry and how it evaluates a snapshot. */
export interface Check extends CheckInfo {
  /**
   * Datasets without which the check cannot list its entities at all: when one is not complete the
   * engine reports the whole check "not assessed" with the coverage table's reason.
   */
  requires: DatasetId[];
  /** Per-entity results; the engine applies exceptions and sorts. */
  evaluate(ctx: CheckContext): CheckResult[];
}
