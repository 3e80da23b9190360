/**
 * The heavy reads of a snapshot (recomputing its content hash, running the checks) in a worker
 * thread, so a 200k-user snapshot's minute of hashing and checking never stops the services from
 * answering the screens. The worker is analysis-worker.ts (started by ../../threads/start-worker.ts).
 */
import type { Worker } from 'node:worker_threads';
import { runWorker } from '../../threads/run-worker.js';
import { startWorker } from '../../threads/start-worker.js';
import type { CheckResult } from '../../../shared/results.js';
import type { ChecksInputs } from './checks-run.js';
import type { ChecksOutput } from './open-snapshot.js';

export type AnalysisTask = { kind: 'hash'; path: string } | { kind: 'checks'; path: string; inputs: ChecksInputs };

/** What the worker posts: the hash, or the checks' summary then their results in chunks, or an error. */
export type FromAnalysis =
  | { type: 'hash'; expected: string | null; actual: string; intact: boolean }
  | ({ type: 'checks'; total: number } & Omit<ChecksOutput, 'results'>)
  | { type: 'results'; results: CheckResult[] }
  | { type: 'end' }
  | { type: 'error'; message: string };

/** The content hash recomputed off-thread, with the one recorded at collection. */
export async function verifyOffThread(
  path: string,
  signal: AbortSignal,
): Promise<{ expected: string | null; actual: string; intact: boolean }> {
  let hash: { expected: string | null; actual: string; intact: boolean } | null = null;
  await runTask({ kind: 'hash', path }, signal, (m) => {
    if (m.type !== 'hash') return false;
    hash = { expected: m.expected, actual: m.actual, intact: m.intact };
    return true;
  });
  return hash!;
}

/** Every check run off-thread; the results arrive in chunks, each taken in one short step. */
export async function checksOffThread(path: string, inputs: ChecksInputs, signal: AbortSignal): Promise<ChecksOutput> {
  let out: ChecksOutput | null = null;
  await runTask({ kind: 'checks', path, inputs }, signal, (m) => {
    if (m.type === 'checks') {
      const { type: _type, total: _total, ...summary } = m;
      out = { ...summary, results: [] };
    } else if (m.type === 'results') {
      for (const r of m.results) out!.results.push(r);
    }
    return m.type === 'end';
  });
  return out!;
}

/** Runs one task in a new worker; `take` returns true on the message that completes it. */
function runTask(task: AnalysisTask, signal: AbortSignal, take: (m: FromAnalysis) => boolean): Promise<void> {
  return runWorker(() => startAnalysis(task), 'the analysis worker', signal, (m: FromAnalysis) => {
    if (m.type === 'error') throw new Error(m.message);
    return take(m);
  });
}

function startAnalysis(task: AnalysisTask): Worker {
  // The entry lowers the thread's priority too, but compiling it through tsx comes first: lower it now.
  return startWorker(import.meta.url, 'analysis-worker', task, { lowPriority: true });
}
