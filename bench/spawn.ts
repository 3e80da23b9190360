/**
 * Forks benchmark children (tsx, one per phase) and waits for their reports. The emulator child stays
 * up for the phases of its size and is closed explicitly.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildJob, ChildMessage } from './child.js';
import type { EmulatorReady, PhaseResult } from './types.js';

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

function forkChild(job: ChildJob): ChildProcess {
  return fork(CHILD, [JSON.stringify(job)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

/** Runs one phase in a fresh process and resolves with its result. */
export function runChild<T extends PhaseResult>(job: Exclude<ChildJob, { phase: 'emulator' }>): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = forkChild(job);
    let settled = false;
    child.on('message', (m: ChildMessage) => {
      if (m.type === 'result') {
        settled = true;
        resolve(m.result as T);
      } else if (m.type === 'error') {
        settled = true;
        reject(new Error(`${job.phase} failed: ${m.message}`));
      }
    });
    child.on('exit', (code, signal) => {
      if (!settled) reject(new Error(`${job.phase} process ended (${signal ?? `exit ${code}`}) without a result`));
    });
  });
}

/** A running emulator process. */
export interface EmulatorProcess {
  ready: EmulatorReady;
  /** Stops it; resolves with its peak RSS. */
  close(): Promise<number>;
}

export function startEmulatorProcess(job: Extract<ChildJob, { phase: 'emulator' }>['job']): Promise<EmulatorProcess> {
  return new Promise((resolve, reject) => {
    const child = forkChild({ phase: 'emulator', job });
    let closed: ((peak: number) => void) | null = null;
    child.on('message', (m: ChildMessage) => {
      if (m.type === 'ready') {
        resolve({
          ready: m.ready,
          close: () =>
            new Promise<number>((done) => {
              closed = done;
              child.send('close');
            }),
        });
      } else if (m.type === 'closed') closed?.(m.peakRssBytes);
      else if (m.type === 'error') reject(new Error(`emulator failed: ${m.message}`));
    });
    child.on('exit', (code, signal) => {
      closed?.(0);
      reject(new Error(`emulator process ended (${signal ?? `exit ${code}`})`));
    });
  });
}
