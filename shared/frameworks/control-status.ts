/**
 * A control's status from the checks mapped to it. Rules (kept apart so "not assessed" never
 * reads as "pass"):
 *  - fail: at least one mapped check fails and none passes;
 *  - partial: mixed evidence: some mapped checks pass while others fail or could not be assessed
 *    (never counted as pass);
 *  - not-assessed: nothing fails, nothing passes, and at least one check could not be assessed; also a
 *    control only evidenced by artifacts (no automated check): the auditor judges the artifact;
 *  - pass: every mapped check that applies passes (exceptions and external outcomes do not fail a check);
 *  - not-applicable: every mapped check is not applicable.
 */
import type { CheckSummary, ControlResult, ControlStatus } from '../results.js';
import { EVIDENCE_ARTIFACTS } from './artifacts.js';
import { FRAMEWORKS, type FrameworkId } from './catalogue.js';

/** The status a set of check statuses gives a control (see the rules above). */
export function controlStatus(statuses: readonly CheckSummary['status'][]): ControlStatus {
  const has = (s: CheckSummary['status']) => statuses.includes(s);
  if (has('fail')) return has('pass') ? 'partial' : 'fail';
  if (has('not-assessed')) return has('pass') ? 'partial' : 'not-assessed';
  if (has('pass')) return 'pass';
  return statuses.length ? 'not-applicable' : 'not-assessed';
}

/**
 * Control results for the chosen frameworks (all when empty), in catalogue order. A control appears
 * when at least one check or evidence artifact maps to it.
 */
export function controlResults(checks: readonly CheckSummary[], frameworks: readonly FrameworkId[] = []): ControlResult[] {
  const out: ControlResult[] = [];
  for (const f of FRAMEWORKS) {
    if (frameworks.length && !frameworks.includes(f.id)) continue;
    for (const c of f.controls) {
      const ref = `${f.id}:${c.id}`;
      const mapped = checks.filter((k) => k.controls.includes(ref));
      const artifacts = EVIDENCE_ARTIFACTS.filter((a) => a.controls.includes(ref)).map((a) => a.id);
      if (!mapped.length && !artifacts.length) continue;
      out.push({
        framework: f.id,
        controlId: c.id,
        title: c.title,
        status: controlStatus(mapped.map((k) => k.status)),
        checkIds: mapped.map((k) => k.id).sort(),
        artifacts,
      });
    }
  }
  return out;
}
