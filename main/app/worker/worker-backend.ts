/**
 * The main-thread side of the service worker: starts it, forwards calls, answers its host requests
 * with the Electron functions it was given, and shuts it down cleanly.
 */
import { Worker } from 'node:worker_threads';
import type { Envelope } from '../../../shared/ipc.js';
import type { ServiceBackend } from '../backend.js';
import type { FromWorker, HostCalls, ToWorker, WorkerInit } from './messages.js';

export interface WorkerBackendOptions {
  /** The worker script (the bundled service-worker.cjs in the app; the .ts file under tsx). */
  script: string | URL;
  init: WorkerInit;
  host: HostCalls;
  execArgv?: string[];
  /** Extra process.argv entries for the worker (a bootstrap that loads the .ts source reads them). */
  argv?: string[];
}

/** Starts the service worker thread. */
export function workerBackend(opts: WorkerBackendOptions): ServiceBackend {
  const worker = new Worker(opts.script, { workerData: opts.init, execArgv: opts.execArgv, argv: opts.argv });
  const pending = new Map<number, (e: Envelope<unknown>) => void>();
  let nextId = 1;
  let closed: (() => void) | null = null;
  let dead: Error | null = null;
  const send = (m: ToWorker) => worker.postMessage(m);

  worker.on('message', (m: FromWorker) => {
    if (m.type === 'result') {
      pending.get(m.id)?.(m.envelope);
      pending.delete(m.id);
    } else if (m.type === 'host-call') {
      const fn = opts.host[m.name] as (...a: unknown[]) => Promise<unknown>;
      fn(...m.args).then(
        (value) => send({ type: 'host-result', id: m.id, ok: true, value }),
        (err: unknown) =>
          send({ type: 'host-result', id: m.id, ok: false, message: err instanceof Error ? err.message : String(err) }),
      );
    } else if (m.type === 'closed') {
      closed?.();
    }
  });
  const fail = (err: Error) => {
    dead = err;
    for (const resolve of pending.values())
      resolve({ ok: false, error: { code: 'failed', message: `the service worker stopped: ${err.message}` } });
    pending.clear();
    closed?.();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));

  return {
    call(channel, input) {
      if (dead)
        return Promise.resolve({
          ok: false,
          error: { code: 'failed', message: `the service worker stopped: ${dead.message}` },
        });
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        send({ type: 'call', id, channel, input });
      });
    },
    async close() {
      if (dead) return;
      await new Promise<void>((resolve) => {
        closed = resolve;
        send({ type: 'close' });
      });
      await worker.terminate();
    },
  };
}
