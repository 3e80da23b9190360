/**
 * One block per check (counts, description, remediation, failing entities cut at a limit with a
 * pointer to the CSV, exceptions), then one control table per framework.
 */
import { SEVERITIES, type CheckResult, type CheckSummary } from '../../../shared/results.js';
import { frameworkTitle } from './section-front.js';
import { COLORS, columns, type Flow } from './layout.js';
import type { ReportInput } from './report-input.js';

/** Failing entities listed per check in the PDF; the rest are in csv/check-results.csv. */
export const ENTITY_LIMIT = 50;

/** The failing results the PDF lists (at most ENTITY_LIMIT per check) and each check's failing count. */
export function failingShown(results: readonly CheckResult[]): {
  shown: Map<string, CheckResult[]>;
  failCount: Map<string, number>;
} {
  const shown = new Map<string, CheckResult[]>();
  const failCount = new Map<string, number>();
  for (const res of results) {
    if (res.outcome !== 'fail') continue;
    failCount.set(res.checkId, (failCount.get(res.checkId) ?? 0) + 1);
    const list = shown.get(res.checkId) ?? [];
    if (list.length < ENTITY_LIMIT) list.push(res);
    shown.set(res.checkId, list);
  }
  return { shown, failCount };
}

export function checksSection(flow: Flow, r: ReportInput): void {
  flow.heading('Checks');
  flow.para(
    `Checks are ordered failing first, then by severity. Each lists at most ${ENTITY_LIMIT} failing entities; csv/check-results.csv holds every result with its object id and evidence.`,
  );
  const { shown, failCount } = failingShown(r.run.results);
  const rank = (c: CheckSummary) =>
    ['fail', 'not-assessed', 'pass', 'not-applicable'].indexOf(c.status) * 10 + SEVERITIES.indexOf(c.severity);
  const ordered = [...r.run.checks].sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
  const exceptions = r.run.exceptions ?? [];
  for (const c of ordered) {
    flow.ensure(140);
    flow.heading(`${c.title}`, 2);
    flow.keyValues(
      [
        ['Check id / severity', `${c.id}  ·  ${c.severity}  ·  applies to each ${c.appliesTo}`],
        ['Status', c.status + (c.notAssessedReason ? `: ${c.notAssessedReason}` : '')],
        [
          'Counts',
          `fail ${c.counts.fail} · pass ${c.counts.pass} · exception ${c.counts.exception} · external ${c.counts.external} · not applicable ${c.counts['not-applicable']} · not assessed ${c.counts['not-assessed']}`,
        ],
      ],
      120,
      8.5,
    );
    flow.para(`References: ${c.references.join(', ') || '-'}.  Controls: ${c.controls.join(', ') || '-'}.`, {
      size: 8,
      color: COLORS.muted,
    });
    flow.para(c.description, { size: 8.5 });
    if (c.status === 'fail') flow.para(`Remediation: ${c.remediation}`, { size: 8.5, color: COLORS.muted });
    const failing = shown.get(c.id) ?? [];
    if (failing.length) {
      flow.table(
        columns([
          ['Failing entity', 3.2],
          ['Display name', 2.6],
          ['Reason', 4.2],
        ]),
        failing.map((f) => [f.entityName, r.displayNames.get(f.entityId) ?? '', f.reason]),
        7.5,
      );
      const total = failCount.get(c.id) ?? 0;
      if (total > failing.length) {
        flow.para(
          `… and ${(total - failing.length).toLocaleString('en-US')} more failing entities: see csv/check-results.csv (checkId = ${c.id}).`,
          { size: 8.5, bold: true },
        );
      }
    }
    const ex = exceptions.filter((e) => e.checkId === c.id);
    if (ex.length) {
      flow.table(
        columns([
          ['Exception', 1.6],
          ['Entity', 2.2],
          ['Approver', 2],
          ['Expires', 1.6],
          ['Reason', 3.6],
        ]),
        ex.map((e) => [e.id, e.entityId, e.approver, e.expiresAt.slice(0, 10), e.reason]),
        7.5,
      );
    }
  }
}

export function controlsSection(flow: Flow, r: ReportInput): void {
  flow.heading('Controls by framework');
  flow.para(
    'A control passes when every check mapped to it passes; "partial" when some fail; "not assessed" when a mapped check could not run. The CSV controls-<framework>.csv lists the same rows with the evidence files.',
  );
  for (const f of r.frameworks) {
    const rows = r.run.controls.filter((c) => c.framework === f);
    flow.heading(frameworkTitle(f), 2);
    flow.table(
      columns([
        ['Control', 1.5],
        ['Title', 5],
        ['Status', 1.4, { status: true }],
        ['Checks', 3],
      ]),
      rows.map((c) => [c.controlId, c.title, c.status, c.checkIds.join(', ')]),
      7.5,
    );
  }
}
