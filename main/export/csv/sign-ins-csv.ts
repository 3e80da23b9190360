/**
 * sign-in-logs.csv, the pack's largest file (1M rows at 200k users): written on a worker thread of
 * its own (sign-ins-worker.ts), side by side with the other CSVs, with the figures the PDF
 * summarises tallied in the same pass.
 */
import type { SignInRow } from '../../../shared/snapshot.js';
import { openSnapshot } from '../../store/snapshot-reader.js';
import { runWorker } from '../../threads/run-worker.js';
import { startWorker } from '../../threads/start-worker.js';
import { writeCsvTable } from './csv-table.js';
import { SIGN_INS_TABLE } from './tables-directory.js';

/** Sign-in figures tallied while the sign-ins stream to CSV (the PDF summarises them; no second pass). */
export interface SignInTally {
  total: number;
  failed: number;
  singleFactor: number;
  risky: number;
}

export interface SignInsWritten {
  rows: number;
  tally: SignInTally;
}

/** What the worker posts back: the outcome, or the error with its code (ENOSPC stays recognisable). */
export type FromSignInsWorker =
  | ({ type: 'done' } & SignInsWritten)
  | { type: 'error'; message: string; code?: string };

export interface SignInsTask {
  snapshotPath: string;
  file: string;
}

/** Writes every sign-in of the snapshot (newest first) to `task.file`, on this thread. */
export async function writeSignInsHere(task: SignInsTask): Promise<SignInsWritten> {
  const reader = openSnapshot(task.snapshotPath, { readonly: true });
  try {
    const tally: SignInTally = { total: 0, failed: 0, singleFactor: 0, risky: 0 };
    const rows = await writeCsvTable(task.file, SIGN_INS_TABLE, tallied(reader.signIns(), tally));
    return { rows, tally };
  } finally {
    reader.close();
  }
}

/** The same on a worker thread; `signal` stops it (see runWorker). */
export async function writeSignInsOffThread(task: SignInsTask, signal: AbortSignal): Promise<SignInsWritten> {
  let written: SignInsWritten | null = null;
  const start = () => startWorker(import.meta.url, 'sign-ins-worker', task);
  await runWorker(start, 'the sign-in CSV worker', signal, (m: FromSignInsWorker) => {
    if (m.type === 'error') throw Object.assign(new Error(m.message), m.code ? { code: m.code } : {});
    written = { rows: m.rows, tally: m.tally };
    return true;
  });
  return written!;
}

function* tallied(rows: Iterable<SignInRow>, t: SignInTally): Generator<SignInRow> {
  for (const s of rows) {
    t.total++;
    if (s.errorCode !== 0) t.failed++;
    if (s.authenticationRequirement === 'singleFactorAuthentication') t.singleFactor++;
    if (s.riskLevelDuringSignIn && !['none', 'hidden', 'unknownFutureValue'].includes(s.riskLevelDuringSignIn))
      t.risky++;
    yield s;
  }
}
