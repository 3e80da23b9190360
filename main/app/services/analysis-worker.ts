/**
 * Worker-thread entry of the snapshot analysis (started by off-thread.ts): recomputes the content
 * hash or runs the checks on its own read-only connection and posts the outcome back; results go in
 * chunks so the service thread takes them in many short steps rather than one long one.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { AnalysisTask, FromAnalysis } from './off-thread.js';

const RESULTS_PER_MESSAGE = 20_000;

function post(m: FromAnalysis): void {
  parentPort!.postMessage(m);
}

async function analyse(task: AnalysisTask): Promise<void> {
  const { openSnapshot, verifyContentHash } = await import('../../store/index.js');
  const reader = openSnapshot(task.path, { readonly: true });
  try {
    if (task.kind === 'hash') {
      post({ type: 'hash', ...verifyContentHash(reader) });
      return;
    }
    const { runChecksHere } = await import('./checks-run.js');
    const { results, ...summary } = runChecksHere(reader, task.inputs);
    post({ type: 'checks', total: results.length, ...summary });
    for (let i = 0; i < results.length; i += RESULTS_PER_MESSAGE)
      post({ type: 'results', results: results.slice(i, i + RESULTS_PER_MESSAGE) });
    post({ type: 'end' });
  } finally {
    reader.close();
  }
}

// Background work gives way to the thread answering the screens. Only on Linux does this reach just
// the calling thread (elsewhere it would lower the whole app).
if (process.platform === 'linux') setPriority(0, 10);

analyse(workerData as AnalysisTask).catch((err: unknown) =>
  post({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
);
