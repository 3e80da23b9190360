/**
 * The report's opening: cover (who, what, when, how collected), coverage statement (what was and
 * was not collected, and why) and executive summary (per-framework status, chart, failing checks).
 */
import { DATASETS } from '../../../shared/datasets.js';
import { FRAMEWORKS } from '../../../shared/frameworks/catalogue.js';
import { SEVERITIES, type ControlStatus } from '../../../shared/results.js';
import { CHART_ORDER, statusChart, type ChartRow } from './chart.js';
import { COLORS, columns, CONTENT_WIDTH, PAGE, type Flow } from './layout.js';
import type { ReportInput } from './report-input.js';
import { drawLine } from './text.js';

/** Framework title for an id (the id itself when unknown). */
export function frameworkTitle(id: string): string {
  return FRAMEWORKS.find((f) => f.id === id)?.title ?? id;
}

export function coverSection(flow: Flow, r: ReportInput): void {
  const { doc, fonts } = flow;
  const m = r.meta;
  flow.doc.outline.addItem('Cover');
  doc.rect(0, 0, PAGE.width, 190).fill(COLORS.accent);
  drawLine(doc, fonts, 'Microsoft Entra ID security audit', PAGE.left, 60, CONTENT_WIDTH, {
    size: 13,
    color: '#cfe0f1',
  });
  drawLine(doc, fonts, m.tenantName, PAGE.left, 82, CONTENT_WIDTH, { size: 26, bold: true, color: '#ffffff' });
  drawLine(doc, fonts, `${m.primaryDomain}  ·  tenant ${m.tenantId}`, PAGE.left, 124, CONTENT_WIDTH, {
    size: 10,
    color: '#cfe0f1',
  });
  drawLine(doc, fonts, 'Evidence report', PAGE.left, 150, CONTENT_WIDTH, { size: 10, color: '#cfe0f1' });
  flow.y = 220;
  flow.keyValues([
    ['Collection window', `${m.collectionStartedAt} to ${m.collectionFinishedAt ?? 'not finished'} (UTC)`],
    ['Sign-in history', `${m.signInDays} days before collection`],
    ['Collected by', m.collectedBy],
    ['Sign-in method', m.authMode],
    ['Application (client) id', m.clientAppId ?? 'none (delegated token)'],
    ['Cloud / Graph endpoint', `${m.cloud}  ${m.graphBaseUrl}`],
    ['Entra ID licence found', m.licence.toUpperCase()],
    ['Snapshot id', m.snapshotId],
    ['Snapshot content hash', m.contentHash ?? 'not recorded (collection unfinished)'],
    ['Tool', `Entra Audit Desktop ${r.toolVersion} (snapshot written by ${m.appVersion}, schema ${m.schemaVersion})`],
    ['Report created', r.now.toISOString()],
    ['Signed by', `${r.signer.subject}${r.signer.selfSigned ? ' (self-signed)' : ''}`],
    ...r.signer.fingerprint
      .toUpperCase()
      .match(/.{1,32}/g)!
      .map((part, i): [string, string] => [i === 0 ? 'Signer SHA-256' : '', part.match(/../g)!.join(':')]),
  ]);
  flow.space(6);
  flow.para('Permissions granted to the collecting application (all read-only):', { bold: true, size: 9.5 });
  const perms = [...m.grantedPermissions].sort();
  flow.para(perms.length ? perms.join(', ') : 'none recorded', { size: 9 });
  flow.space(6);
  flow.para(
    'This report summarises a read-only snapshot of the tenant. Full populations (every user, sign-in, membership and per-entity result) are in the CSV files of this evidence pack; manifest.json lists every file with its SHA-256 and is signed, and VERIFY.txt gives the commands to check the pack with standard tools.',
    { size: 9, color: COLORS.muted },
  );
}

export function coverageSection(flow: Flow, r: ReportInput): void {
  flow.heading('Coverage statement');
  const complete = r.coverage.filter((c) => c.status === 'complete');
  const missing = r.coverage.filter((c) => c.status !== 'complete');
  flow.para(
    `${complete.length} of ${r.coverage.length} datasets were collected completely.` +
      (missing.length
        ? ` Not complete: ${missing.map((c) => `${titleOf(c.dataset)} (${c.status})`).join(', ')}. Checks that need a dataset that is not complete are reported as "not assessed", never as passing.`
        : ' Every check had the data it needs.'),
  );
  flow.table(
    columns([
      ['Dataset', 3],
      ['Status', 1.6, { status: true }],
      ['Rows', 1.1],
      ['Requests', 1.4],
      ['Why not complete', 5],
    ]),
    r.coverage.map((c) => [titleOf(c.dataset), c.status, String(c.rows), String(c.requests), c.reason ?? c.code ?? '']),
  );
}

export function summarySection(flow: Flow, r: ReportInput): void {
  flow.heading('Executive summary');
  const checks = r.run.checks;
  const by = (s: string) => checks.filter((c) => c.status === s).length;
  flow.para(
    `${checks.length} checks ran: ${by('fail')} failing, ${by('pass')} passing, ${by('not-assessed')} not assessed, ${by('not-applicable')} not applicable. ` +
      `${r.run.results.length.toLocaleString('en-US')} per-entity results are in csv/check-results.csv.`,
  );
  flow.heading('Controls by framework', 2);
  const rows: ChartRow[] = r.frameworks.map((f) => {
    const counts = Object.fromEntries(CHART_ORDER.map((s) => [s, 0])) as Record<ControlStatus, number>;
    for (const c of r.run.controls) if (c.framework === f) counts[c.status]++;
    return { label: frameworkTitle(f), counts };
  });
  statusChart(flow, rows);
  flow.table(
    columns([
      ['Framework', 4],
      ['Controls', 1.2],
      ['Pass', 1],
      ['Partial', 1],
      ['Fail', 1],
      ['Not assessed', 1.4],
      ['Overall', 1.4, { status: true }],
    ]),
    rows.map((row) => {
      const total = CHART_ORDER.reduce((a, s) => a + row.counts[s], 0);
      const overall = row.counts.fail
        ? 'fail'
        : row.counts.partial
          ? 'partial'
          : row.counts['not-assessed']
            ? 'not-assessed'
            : row.counts.pass
              ? 'pass'
              : 'not-applicable';
      return [
        row.label,
        String(total),
        String(row.counts.pass),
        String(row.counts.partial),
        String(row.counts.fail),
        String(row.counts['not-assessed']),
        overall,
      ];
    }),
  );
  flow.heading('Failing checks by severity', 2);
  const failing = checks
    .filter((c) => c.status === 'fail')
    .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  if (!failing.length) flow.para('No check failed.');
  else {
    flow.table(
      columns([
        ['Severity', 1.2, { status: true }],
        ['Check', 5],
        ['Failing', 1],
        ['Passing', 1],
        ['Exceptions', 1.2],
      ]),
      failing.map((c) => [
        c.severity,
        c.title,
        String(c.counts.fail),
        String(c.counts.pass),
        String(c.counts.exception),
      ]),
    );
  }
}

function titleOf(dataset: string): string {
  return DATASETS.find((d) => d.id === dataset)?.title ?? dataset;
}
