/**
 * The engines the services drive (checks, collection, export), behind the small interfaces the app
 * needs. Each loads its module on first use; a module not in this build yet gives a clear
 * "not available" error. This is the one file that knows their entry points.
 */
import type { JobContext } from './jobs.js';
import type { LiveConnection } from './connection.js';
export { collectInto } from './collect-run.js';
import type { ChecksOutput, ChecksRunner } from './open-snapshot.js';
import type { ExportOutcome, VerifyLine } from '../../../shared/ipc-types.js';
import type { RiskException } from '../../../shared/results.js';
import type { SqliteSnapshotReader } from '../../store/index.js';
import { optionalModule } from './optional-module.js';

// Modules landing in parallel are loaded by name until they are in the tree.
const CHECKS = '../../checks/index.js';
const EXPORT = '../../export/index.js';
const PREFLIGHT = '../../auth/preflight.js';

type ChecksModule = { runChecks(reader: SqliteSnapshotReader, settings: { exceptions: RiskException[] }): ChecksOutput | Promise<ChecksOutput> };

/** Runs the checks; when the engine is not in this build the snapshot still opens (screens say so). */
export const runChecks: ChecksRunner = async (reader, exceptions) => {
  let mod: ChecksModule;
  try {
    mod = await optionalModule(() => import(CHECKS) as Promise<ChecksModule>, 'The checks engine');
  } catch {
    return null;
  }
  return mod.runChecks(reader, { exceptions });
};

/** Writes and verifies an evidence pack. */
export async function exportPackTo(
  snapshot: SqliteSnapshotReader,
  checks: ChecksOutput,
  exceptions: RiskException[],
  opts: { destination: string; frameworks: string[]; signer: { kind: 'self-signed' } | { kind: 'p12'; path: string; passphrase: string }; profileDir: string },
  ctx: JobContext,
): Promise<ExportOutcome> {
  const mod = await optionalModule(() => import(EXPORT) as Promise<Record<string, unknown>>, 'Export');
  void mod;
  void snapshot;
  void checks;
  void exceptions;
  void opts;
  void ctx;
  throw new Error('Export is not available in this build yet');
}

/** Verifies a pack folder or zip. */
export async function verifyPackAt(path: string): Promise<{ ok: boolean; lines: VerifyLine[] }> {
  const mod = await optionalModule(() => import(EXPORT) as Promise<Record<string, unknown>>, 'Pack verification');
  void mod;
  void path;
  throw new Error('Pack verification is not available in this build yet');
}

/** The preflight table for the connection. */
export async function preflightFor(conn: LiveConnection): Promise<never> {
  const mod = await optionalModule(() => import(PREFLIGHT) as Promise<Record<string, unknown>>, 'Preflight');
  void mod;
  void conn;
  throw new Error('Preflight is not available in this build yet');
}
