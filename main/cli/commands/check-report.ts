/**
 * The terminal summary of a check run: checks by severity, the checks that fail or could not be
 * assessed, and control status by framework. Plain text, aligned columns, no colour codes.
 */
import { FRAMEWORKS } from '../../../shared/frameworks/catalogue.js';
import { SEVERITIES, type CheckSummary, type ControlResult, type ControlStatus } from '../../../shared/results.js';
import type { CheckRun } from '../../checks/engine.js';

function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

const STATUSES: CheckSummary['status'][] = ['pass', 'fail', 'not-assessed', 'not-applicable'];
const CONTROL_STATUSES: ControlStatus[] = ['pass', 'partial', 'fail', 'not-assessed', 'not-applicable'];

/** The summary printed by `entra-audit check`. */
export function formatCheckReport(run: CheckRun, tenantName: string, evaluatedAt: string): string {
  const out: string[] = [`Checks for ${tenantName}, evaluated at ${evaluatedAt}`, ''];
  const bySeverity = SEVERITIES.map((s) => {
    const cs = run.checks.filter((c) => c.severity === s);
    const failing = cs.reduce((n, c) => n + c.counts.fail, 0);
    return [s, cs.length, ...STATUSES.map((st) => cs.filter((c) => c.status === st).length), failing];
  });
  out.push(table(['Severity', 'Checks', 'Pass', 'Fail', 'Not assessed', 'N/A', 'Failing entities'], bySeverity), '');

  const notable = run.checks.filter((c) => c.status === 'fail' || c.status === 'not-assessed');
  if (notable.length) {
    out.push(table(['Check', 'Severity', 'Status', 'Fail', 'Pass', 'Exception', 'External', 'Not assessed'],
      notable.map((c) => [c.id, c.severity, c.status, c.counts.fail, c.counts.pass, c.counts.exception, c.counts.external, c.counts['not-assessed']])), '');
    for (const c of notable.filter((x) => x.status === 'not-assessed')) out.push(`not assessed: ${c.id}: ${c.notAssessedReason}`);
    if (notable.some((x) => x.status === 'not-assessed')) out.push('');
  }

  const frameworks = FRAMEWORKS.filter((f) => run.controls.some((c) => c.framework === f.id));
  const count = (cs: ControlResult[], s: ControlStatus) => cs.filter((c) => c.status === s).length;
  out.push(table(['Framework', 'Controls', 'Pass', 'Partial', 'Fail', 'Not assessed', 'N/A'],
    frameworks.map((f) => {
      const cs = run.controls.filter((c) => c.framework === f.id);
      return [f.title, cs.length, ...CONTROL_STATUSES.map((s) => count(cs, s))];
    })));
  const failing = run.checks.filter((c) => c.status === 'fail').length;
  out.push('', failing ? `${failing} check(s) with findings.` : 'No failing checks.');
  return out.join('\n');
}
