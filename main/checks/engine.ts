/**
 * Runs the check catalogue over a snapshot: gates each check on the datasets it cannot do
 * without (one "not assessed" result with the coverage table's reason), evaluates it, applies
 * risk exceptions, sorts results stably (check order, then entity name, then id), and sums each
 * check and control. The same snapshot and settings always give byte-identical output.
 *
 * Check status: fail when any entity fails; otherwise not-assessed when any entity (or the whole
 * check) could not be assessed; otherwise pass when at least one entity passed, was accepted as an
 * exception or was decided externally (federated MFA); otherwise not-applicable.
 */
import { OUTCOMES, type CheckResult, type CheckSummary, type ControlResult, type OutcomeCounts } from '../../shared/results.js';
import { controlResults } from '../../shared/frameworks/control-status.js';
import type { FrameworkId } from '../../shared/frameworks/catalogue.js';
import type { SnapshotReader } from '../store/types.js';
import { CHECKS } from './catalogue/index.js';
import { CheckContext } from './context.js';
import { tenantEntity } from './define-check.js';
import { applyExceptions } from './exceptions.js';
import { resolveSettings } from './engine-settings.js';
import type { Check, CheckSettings } from './types.js';

export { resolveSettings };

/** What a run gives: the JSON contract of `entra-audit check --json`. */
export interface CheckRun {
  checks: CheckSummary[];
  results: CheckResult[];
  controls: ControlResult[];
}

export interface RunOptions {
  /** Frameworks whose controls to report (all when empty). */
  frameworks?: readonly FrameworkId[];
  /** The checks to run (default: the whole catalogue). */
  checks?: readonly Check[];
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function isSorted<T>(list: readonly T[], order: (a: T, b: T) => number): boolean {
  for (let i = 1; i < list.length; i++) if (order(list[i - 1], list[i]) > 0) return false;
  return true;
}

function emptyCounts(): OutcomeCounts {
  return Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as OutcomeCounts;
}

function summarise(check: Check, results: CheckResult[], gateReason: string | null): CheckSummary {
  const counts = emptyCounts();
  for (const r of results) counts[r.outcome]++;
  const { evaluate: _evaluate, requires: _requires, ...info } = check;
  let status: CheckSummary['status'];
  if (counts.fail) status = 'fail';
  else if (counts['not-assessed']) status = 'not-assessed';
  else if (counts.pass + counts.exception + counts.external) status = 'pass';
  else status = 'not-applicable';
  const notAssessedReason = status === 'not-assessed' ? gateReason ?? results.find((r) => r.outcome === 'not-assessed')!.reason : null;
  return { ...info, counts, status, notAssessedReason };
}

/** Evaluates one check with its gate, exceptions and stable order. */
function runOne(check: Check, ctx: CheckContext): { results: CheckResult[]; gate: string | null } {
  const gate = ctx.missingReason(check.requires);
  let results: CheckResult[];
  if (gate) {
    results = [{ checkId: check.id, ...tenantEntity(ctx.reader.meta().tenantName || 'Tenant'), outcome: 'not-assessed', reason: gate, evidence: {} }];
  } else {
    results = applyExceptions(check.evaluate(ctx), ctx.settings.exceptions, ctx.settings.now);
  }
  const order = (a: CheckResult, b: CheckResult): number => cmp(a.entityName, b.entityName) || cmp(a.entityId, b.entityId);
  // Per-user checks walk users already in this order: checking is one pass, sorting 200k is not.
  if (!isSorted(results, order)) results.sort(order);
  const ids = new Set<string>();
  for (const r of results) {
    // One hash operation per result: the set did not grow, so the id was already there.
    const before = ids.size;
    if (ids.add(r.entityId).size === before) throw new Error(`check ${check.id} reported entity ${r.entityId} twice`);
  }
  return { results, gate };
}

/** Runs the checks over a snapshot. */
export function runChecks(reader: SnapshotReader, settings: Partial<CheckSettings> = {}, options: RunOptions = {}): CheckRun {
  const ctx = new CheckContext(reader, resolveSettings(reader, settings));
  const checks: CheckSummary[] = [];
  const results: CheckResult[] = [];
  for (const check of options.checks ?? CHECKS) {
    const one = runOne(check, ctx);
    checks.push(summarise(check, one.results, one.gate));
    for (const r of one.results) results.push(r);
  }
  return { checks, results, controls: controlResults(checks, options.frameworks ?? []) };
}
