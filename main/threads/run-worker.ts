/**
 * One job on a worker thread, as a promise: settled once, by the message that completes it, the
 * worker's error, an early exit, or the caller's cancel. On a failure or a cancel the thread is
 * terminated before the promise rejects, so nothing is left running once the caller hears of it.
 */
import type { Worker } from 'node:worker_threads';

/**
 * `start` is not called when `signal` is already aborted. `take` gets each message and returns true
 * on the one that completes the job; it throws to fail it (e.g. on the worker's error message).
 * `label` names the worker in the early-exit error.
 */
export function runWorker<M>(start: () => Worker, label: string, signal: AbortSignal, take: (m: M) => boolean): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const worker = start();
    let settled = false;
    const settle = (err: unknown | null) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      if (err === null) resolve();
      else void worker.terminate().finally(() => reject(err));
    };
    const onAbort = () => settle(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: M) => {
      if (settled) return;
      try {
        if (take(m)) settle(null);
      } catch (err) {
        settle(err);
      }
    });
    worker.on('error', (err) => settle(err));
    worker.on('exit', (code) => settle(new Error(`${label} stopped early (exit code ${code})`)));
  });
}
