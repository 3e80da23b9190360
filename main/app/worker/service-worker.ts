/**
 * The worker-thread entry: runs the services (session, collection, checks, export) off the Electron
 * main thread. Calls arrive as messages; Electron-only host functions are asked of the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { inProcessBackend } from '../backend.js';
import type { Host } from '../services/host.js';
import type { FromWorker, HostCallName, ToWorker, WorkerInit } from './messages.js';

const port = parentPort;
if (!port) throw new Error('service-worker.ts runs in a worker thread');
const init = workerData as WorkerInit;
const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
let nextId = 1;

function post(message: FromWorker): void {
  port!.postMessage(message);
}

function ask<T>(name: HostCallName, ...args: unknown[]): Promise<T> {
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
    post({ type: 'host-call', id, name, args });
  });
}

const host: Host = {
  transport: 'electron',
  appVersion: init.appVersion,
  dataDir: init.dataDir,
  demoSpeedup: init.demoSpeedup,
  ...(init.nativeDialogs
    ? {
        pickSnapshotFile: () => ask<string | null>('pickSnapshotFile'),
        pickDirectory: () => ask<string | null>('pickDirectory'),
        openExternal: (url: string) => ask<void>('openExternal', url),
        secrets: {
          save: (k: string, v: string) => ask<void>('secretSave', k, v),
          load: (k: string) => ask<string | null>('secretLoad', k),
        },
      }
    : {}),
};
const backend = inProcessBackend(host);

port.on('message', (m: ToWorker) => {
  if (m.type === 'call') {
    void backend.call(m.channel, m.input).then((envelope) => post({ type: 'result', id: m.id, envelope }));
  } else if (m.type === 'host-result') {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (!w) return;
    if (m.ok) w.resolve(m.value);
    else w.reject(new Error(m.message ?? 'host call failed'));
  } else if (m.type === 'close') {
    void backend.close().finally(() => post({ type: 'closed' }));
  }
});
