/**
 * What the exporter takes in besides the snapshot: the output of a checks run.
 * Mirrors `runChecks(reader, settings)` from main/checks plus the exceptions and MFA passthrough list
 * that run used, so a pack states everything its results depend on.
 */
import type { CheckResult, CheckSummary, ControlResult, RiskException } from '../../shared/results.js';
import type { PassthroughRow } from '../checks/passthrough.js';

/** The results a pack reports, exactly as the checks engine produced them. */
export interface CheckRun {
  checks: CheckSummary[];
  results: CheckResult[];
  controls: ControlResult[];
  exceptions?: RiskException[];
  /** The MFA passthrough artifact (listMfaPassthrough); exportPack computes it when absent. */
  passthrough?: PassthroughRow[];
}
