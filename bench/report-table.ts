/**
 * The one table `npm run bench` prints: a row per measure, a column per tenant size. Collection times
 * are in Graph time (real time × the time scale) so they compare with the floor Graph's limits set.
 */
import type { BenchReport, SizeReport } from './types.js';

/** The naive baseline at one size: measured, or extrapolated from the measured sizes. */
export interface NaiveFigures {
  requests: number;
  graphSec: number;
  extrapolated: boolean;
}

/**
 * Naive figures for every size. Above the largest measured size they follow the straight line through
 * the two largest measured sizes (its work is per user: one methods call each, pages of 100), or scale
 * with users from a single measured size.
 */
export function naiveFigures(report: BenchReport): (NaiveFigures | null)[] {
  const measured = report.sizes
    .filter((s) => s.naive.kind === 'naive')
    .map((s) => ({ users: s.facts.users, requests: (s.naive as { graph: { requests: number } }).graph.requests, graphSec: ((s.naive as { wallMs: number }).wallMs * s.timeScale) / 1000 }))
    .sort((a, b) => a.users - b.users);
  const fit = (pick: (m: (typeof measured)[number]) => number, users: number): number => {
    if (measured.length === 1) return (pick(measured[0]) * users) / measured[0].users;
    const [a, b] = measured.slice(-2);
    return pick(a) + ((pick(b) - pick(a)) * (users - a.users)) / (b.users - a.users);
  };
  return report.sizes.map((s) => {
    if (s.naive.kind === 'naive') return { requests: s.naive.graph.requests, graphSec: (s.naive.wallMs * s.timeScale) / 1000, extrapolated: false };
    if (measured.length === 0) return null;
    return { requests: Math.round(fit((m) => m.requests, s.facts.users)), graphSec: fit((m) => m.graphSec, s.facts.users), extrapolated: true };
  });
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '–');
const mb = (bytes: number) => `${Math.round(bytes / 1_048_576)} MB`;
const secs = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`);

/** Graph seconds as h:mm:ss (or m:ss). */
export function clock(graphSec: number): string {
  const s = Math.round(graphSec);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${r}` : `${m}:${r}`;
}

const NOT_BUILT = 'n/a (not built)';

/** The rows of the table for one size, in order. */
function column(s: SizeReport, scale: number, naive: NaiveFigures | null): string[] {
  const c = s.collect;
  const e = s.export;
  const u = s.usersScreen;
  const lb = s.lowerBound;
  const graphSec = (ms: number) => (ms * scale) / 1000;
  const out: string[] = [int(s.facts.users), int(s.facts.signInsInWindow), `${scale}×`];
  if (c.kind === 'collect') {
    out.push(
      `${int(c.graph.requests)} / ${int(lb.requests)} = ${ratio(c.graph.requests, lb.requests)}`,
      `${int(c.graph.throttled)} × 429, ${clock(graphSec(c.graph.waitMs))} waited`,
      `${clock(graphSec(c.wallMs))} / ${clock(lb.floorGraphSec)} = ${ratio(graphSec(c.wallMs), lb.floorGraphSec)}`,
      `${lb.floorBucket}; ${secs(c.wallMs)} real`,
      mb(c.peakRssBytes),
      `${int(c.rowsWritten / (c.writeMs / 1000))} (${int(c.rowsWritten)} rows)`,
      secs(c.finalizeMs),
      int(c.snapshotBytes / c.users),
    );
  } else out.push(...Array<string>(8).fill(NOT_BUILT));
  if (e.kind === 'export') {
    out.push(
      `${secs(e.checksMs)}, ${mb(e.checksPeakRssBytes)}`,
      `${secs(e.csvMs)}, ${mb(e.csvPeakRssBytes)} (${int(e.csvRows.signIns)} sign-ins)`,
      `${secs(e.pdfMs)}, ${mb(e.pdfPeakRssBytes)} (${Math.round(e.pdfBytes / 1024)} KB)`,
    );
  } else out.push(...Array<string>(3).fill(NOT_BUILT));
  out.push(u.kind === 'usersScreen' ? `${secs(u.firstRowsMs)} (open ${secs(u.openMs)})` : NOT_BUILT);
  const peaks = [c, e, u].filter((p) => p.kind !== 'notBuilt').map((p) => (p as { peakRssBytes: number }).peakRssBytes);
  out.push(peaks.length ? mb(Math.max(...peaks)) : NOT_BUILT);
  if (naive && c.kind === 'collect') {
    const mark = naive.extrapolated ? ' (extrapolated)' : '';
    out.push(
      `${int(naive.requests)} = ${ratio(naive.requests, c.graph.requests)} ours${mark}`,
      `${clock(naive.graphSec)} = ${ratio(naive.graphSec, graphSec(c.wallMs))} ours${mark}`,
    );
  } else out.push(s.naive.kind === 'notBuilt' ? NOT_BUILT : '–', s.naive.kind === 'notBuilt' ? NOT_BUILT : '–');
  return out;
}

const LABELS = [
  'Users',
  'Sign-ins in the 30-day window',
  'Time scale (Graph clock speed-up)',
  'Requests: ours / lower bound',
  'Throttling met (Graph time)',
  'Collection wall / floor (Graph time)',
  'Floor set by; our real wall time',
  'Collect peak RSS',
  'SQLite ingest rows/s',
  'Finalize: indexes, content hash, quick_check',
  'Snapshot bytes per user',
  'All checks: time, peak RSS',
  'CSV export: time, peak RSS',
  'PDF report: time, peak RSS',
  'Users screen first rows',
  'Pipeline peak RSS (max of phases)',
  'Naive requests (÷ ours)',
  'Naive wall, Graph time (÷ ours)',
];

/** The table as Markdown (readable as plain text too). */
export function formatTable(report: BenchReport): string {
  const naive = naiveFigures(report);
  const cols = report.sizes.map((s, i) => column(s, s.timeScale, naive[i]));
  const head = ['Measure', ...report.sizes.map((s) => `${int(s.users)} users`)];
  const rows = LABELS.map((label, r) => [label, ...cols.map((c) => c[r])]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
