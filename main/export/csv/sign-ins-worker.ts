/** Worker-thread entry that writes sign-in-logs.csv (started by sign-ins-csv.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { writeSignInsHere, type FromSignInsWorker, type SignInsTask } from './sign-ins-csv.js';

function post(m: FromSignInsWorker): void {
  parentPort!.postMessage(m);
}

writeSignInsHere(workerData as SignInsTask).then(
  (written) => post({ type: 'done', ...written }),
  (err: unknown) => {
    const code = (err as { code?: unknown } | null)?.code;
    post({ type: 'error', message: err instanceof Error ? err.message : String(err), ...(typeof code === 'string' ? { code } : {}) });
  },
);
