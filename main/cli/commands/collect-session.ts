/**
 * One collection into a snapshot file, shared by `collect` and `demo`: open or resume the file, fix
 * the sign-in window, run the orchestrator with terminal progress and Ctrl+C as cancel, finalize,
 * print the coverage, and turn the result into an exit code with a specific message.
 */
import { existsSync } from 'node:fs';
import { runCollection, type CollectRunReport } from '../../collect/orchestrator.js';
import { resolveSignInWindow } from '../../collect/sign-in-window.js';
import type { ExplainContext } from '../../graph/error-explanations.js';
import type { GraphReader } from '../../graph/types.js';
import {
  createSnapshot,
  resumeSnapshot,
  type NewSnapshotMeta,
  type SnapshotWriter,
} from '../../store/snapshot-writer.js';
import { SnapshotOpenError } from '../../store/open-error.js';
import { CliError, EXIT } from '../cli-error.js';
import { terminalProgress } from './collect-progress.js';

export interface SessionInput {
  graph: GraphReader;
  out: string;
  /** Continue an unfinished snapshot at `out` instead of starting a new one. */
  resume: boolean;
  meta: NewSnapshotMeta;
  signInDays: number;
  /** End of the sign-in window (default now). */
  signInUntil?: string;
  explainContext?: ExplainContext;
}

export interface SessionResult {
  report: CollectRunReport;
  contentHash: string;
  path: string;
}

function openWriter(input: SessionInput): SnapshotWriter {
  if (!existsSync(input.out)) return createSnapshot(input.out, input.meta);
  if (!input.resume)
    throw new CliError(
      `${input.out} already exists: pass --resume to continue it, or choose another --out`,
      EXIT.usage,
    );
  let writer: SnapshotWriter;
  try {
    writer = resumeSnapshot(input.out);
  } catch (err) {
    if (err instanceof SnapshotOpenError) throw new CliError(`cannot resume: ${err.message}`, EXIT.badInput);
    throw err;
  }
  const tenant = writer.meta().tenantId;
  if (tenant && input.meta.tenantId && tenant !== input.meta.tenantId) {
    writer.close();
    throw new CliError(
      `${input.out} holds tenant ${tenant}, but the sign-in is for tenant ${input.meta.tenantId}: resume with the same tenant`,
      EXIT.badInput,
    );
  }
  return writer;
}

/** SQLite's SQLITE_FULL or the OS's ENOSPC: nothing is wrong with the data, the medium has no room. */
function isDiskFull(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || /database or disk is full/i.test(String((err as Error)?.message));
}

/** Collects into `input.out` and finalizes it (also after a cancel, so the file is self-contained). */
export async function collectToFile(input: SessionInput): Promise<SessionResult> {
  const writer = openWriter(input);
  const controller = new AbortController();
  const cancel = () => {
    if (!controller.signal.aborted)
      process.stderr.write('\ncancelling: finishing the pages in flight (Ctrl+C again to quit at once)\n');
    else process.exit(130);
    controller.abort(new Error('cancelled by the user'));
  };
  process.on('SIGINT', cancel);
  process.on('SIGTERM', cancel);
  const progress = terminalProgress();
  let result: SessionResult;
  // A failing close is reported only when the collection itself succeeded (a throw inside finally would
  // replace the error that explains the failure); a full disk on close loses nothing committed.
  let closeError: unknown = null;
  try {
    const signInWindow = resolveSignInWindow(writer, input.signInDays, input.signInUntil);
    const report = await runCollection({
      graph: input.graph,
      writer,
      signInWindow,
      signal: controller.signal,
      onProgress: progress.onProgress,
      explainContext: input.explainContext,
    });
    progress.end();
    const contentHash = writer.finalize();
    result = { report, contentHash, path: input.out };
  } catch (err) {
    if (isDiskFull(err))
      throw new CliError(
        `the disk is full. ${input.out} keeps every page committed so far and opens intact: free some space, then run the same command with --resume`,
        EXIT.incomplete,
      );
    throw err;
  } finally {
    progress.end();
    try {
      writer.close();
    } catch (err) {
      if (!isDiskFull(err)) closeError = err;
    }
    process.off('SIGINT', cancel);
    process.off('SIGTERM', cancel);
  }
  if (closeError !== null) throw closeError;
  return result;
}

/** The coverage table as text (dataset, status, rows, requests, reason). */
export function formatCoverage(report: CollectRunReport): string {
  const rows = report.coverage.map((c) => [
    c.dataset,
    c.status,
    String(c.rows),
    String(c.requests),
    c.code ?? '',
    c.reason ?? '',
  ]);
  const head = ['Dataset', 'Status', 'Rows', 'Requests', 'Code', 'Reason'];
  const widths = head.slice(0, 5).map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < 5 ? c.padEnd(widths[i]) : c))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}

/** Exit code and message for a finished session: 0 only when everything allowed was collected. */
export function sessionExit(result: SessionResult): number {
  const { report } = result;
  if (report.cancelled) {
    process.stderr.write(
      `Collection cancelled. What was collected is kept in ${result.path}; continue with --resume.\n`,
    );
    return EXIT.incomplete;
  }
  if (report.incomplete.length > 0) {
    const lines = report.incomplete.map(
      (c) => `- ${c.dataset} (${c.status}${c.code ? `, ${c.code}` : ''}): ${c.reason ?? 'not collected'}`,
    );
    process.stderr.write(
      `Collection incomplete: ${report.incomplete.length} dataset(s) the permissions and licence allow were not fully collected:\n${lines.join('\n')}\nContinue with --resume once the cause is fixed.\n`,
    );
    return EXIT.incomplete;
  }
  return EXIT.ok;
}
