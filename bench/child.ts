/**
 * Entry of every benchmark child process (forked with tsx): runs one phase named in argv[2] and sends
 * its result to the parent over IPC. A phase whose product code is not in this checkout reports
 * "not built" instead of a number.
 */
import type { CollectJob } from './phase-collect.js';
import type { EmulatorJob } from './emulator-host.js';
import type { ExportJob } from './phase-export.js';
import type { NaiveJob } from './phase-naive.js';
import type { UsersScreenJob } from './phase-users-screen.js';
import type { NotBuilt, PhaseResult } from './types.js';

export type ChildJob =
  | { phase: 'emulator'; job: EmulatorJob }
  | { phase: 'collect'; job: CollectJob }
  | { phase: 'naive'; job: NaiveJob }
  | { phase: 'export'; job: ExportJob }
  | { phase: 'usersScreen'; job: UsersScreenJob };

/** Messages a child sends. */
export type ChildMessage =
  | { type: 'result'; result: PhaseResult }
  | { type: 'error'; message: string }
  | { type: 'ready'; ready: import('./types.js').EmulatorReady }
  | { type: 'closed'; peakRssBytes: number };

/** The product module a failed import was missing, when that is why it failed. */
function missingModule(err: unknown): string | null {
  const e = err as { code?: string; message?: string };
  if (e?.code === 'ERR_MODULE_NOT_FOUND') return /Cannot find module '([^']+)'/.exec(e.message ?? '')?.[1] ?? e.message ?? 'a module';
  if (err instanceof SyntaxError && /does not provide an export named/.test(err.message)) return err.message;
  return null;
}

async function runPhase(c: ChildJob, send: (m: ChildMessage) => void): Promise<void> {
  const notBuilt = (missing: string): NotBuilt => ({ kind: 'notBuilt', phase: c.phase, missing });
  try {
    switch (c.phase) {
      case 'emulator':
        return await (await import('./emulator-host.js')).hostEmulator(c.job, send);
      case 'collect':
        return send({ type: 'result', result: await (await import('./phase-collect.js')).runCollectPhase(c.job) });
      case 'naive':
        return send({ type: 'result', result: await (await import('./phase-naive.js')).runNaivePhase(c.job) });
      case 'export':
        return send({ type: 'result', result: await (await import('./phase-export.js')).runExportPhase(c.job) });
      case 'usersScreen':
        return send({ type: 'result', result: await (await import('./phase-users-screen.js')).runUsersScreenPhase(c.job) });
    }
  } catch (err) {
    const missing = missingModule(err);
    if (missing) return send({ type: 'result', result: notBuilt(missing) });
    throw err;
  }
}

const send = (m: ChildMessage) => process.send?.(m);
runPhase(JSON.parse(process.argv[2]) as ChildJob, send)
  .catch((err: unknown) => send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) }))
  .finally(() => process.disconnect?.());
