/**
 * The benchmark harness at a tiny size: every phase runs in its own process against the emulator and
 * reports; the figures hang together (both collections complete and never below the lower bound, the
 * export holds every user and every sign-in of the window, the users screen shows its first page).
 * No figure is timed here: speed belongs in `npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBench } from '../../bench/main.js';
import { formatTable } from '../../bench/report-table.js';
import type { BenchReport } from '../../bench/types.js';

const workDir = mkdtempSync(join(tmpdir(), 'bench-test-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('npm run bench at 200 users', () => {
  let report: BenchReport;

  it('measures every phase in its own process', { timeout: 240_000 }, async () => {
    report = await runBench({ sizes: [200], timeScale: 200, latencyMs: 80, naiveMaxUsers: 200, signInsPerUserPerDay: 0.3, seed: 3, workDir }, () => {});
    const [size] = report.sizes;
    expect(size.collect.kind).toBe('collect');
    expect(size.naive.kind).toBe('naive');
    expect(size.export.kind).toBe('export');
    expect(size.usersScreen.kind).toBe('usersScreen');
  });

  it('collects everything, never in fewer requests than the lower bound; the naive way takes more', () => {
    const [size] = report.sizes;
    if (size.collect.kind !== 'collect' || size.naive.kind !== 'naive') throw new Error('phases missing');
    expect(size.collect.incomplete).toEqual([]);
    expect(size.collect.graph.requests).toBeGreaterThanOrEqual(size.lowerBound.requests);
    expect(size.naive.graph.requests).toBeGreaterThan(size.collect.graph.requests);
    // One authentication-methods call per user at least.
    expect(size.naive.graph.requests).toBeGreaterThan(size.facts.users);
    expect(size.collect.rowsWritten).toBeGreaterThan(size.facts.users + size.facts.signInsInWindow);
  });

  it('exports every user and every sign-in of the window, and the users screen pages them', () => {
    const [size] = report.sizes;
    if (size.export.kind !== 'export' || size.usersScreen.kind !== 'usersScreen') throw new Error('phases missing');
    expect(size.export.csvRows.users).toBe(size.facts.users);
    expect(size.export.csvRows.signIns).toBe(size.facts.signInsInWindow);
    expect(size.export.pdfBytes).toBeGreaterThan(0);
    expect(size.usersScreen.total).toBe(size.facts.users);
    expect(size.usersScreen.rows).toBe(Math.min(100, size.facts.users));
  });

  it('prints one table with a row per measure and the naive ratio', () => {
    const table = formatTable(report);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/\| Measure +\| 200 users +\|/);
    for (const label of ['Requests: ours / lower bound', 'Collection wall / floor (Graph time)', 'SQLite ingest rows/s', 'PDF report: time, peak RSS', 'Users screen first rows', 'Naive requests (÷ ours)']) {
      expect(lines.some((l) => l.startsWith(`| ${label}`))).toBe(true);
    }
    expect(table).not.toContain('n/a (not built)');
    expect(table).toMatch(/Naive requests \(÷ ours\) +\| [\d,]+ = \d+\.\d\d× ours/);
  });
});
