/**
 * Opening and reading the bookkeeping parts of a snapshot (meta, coverage) shared by writer and
 * reader, with file validation that turns every way a file can be wrong into a SnapshotOpenError.
 */
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import type { DatasetId } from '../../shared/datasets.js';
import type { DatasetCoverage, SnapshotMeta } from '../../shared/snapshot.js';
import { APPLICATION_ID, appliedVersions, checkApplied } from './migrate.js';
import { SnapshotOpenError } from './open-error.js';
import { inspectHeader } from './sqlite-file.js';

/**
 * Opens a file after checking it is one of our snapshots at a schema we understand. Throws
 * SnapshotOpenError: missing, not-a-snapshot (not SQLite, or SQLite but not ours), corrupt
 * (truncated or malformed), newer-schema.
 */
export function openValidated(path: string, readonly: boolean): Database.Database {
  if (!existsSync(path)) throw new SnapshotOpenError('missing', `snapshot ${path} does not exist`, path);
  if (statSync(path).isDirectory())
    throw new SnapshotOpenError('not-a-snapshot', `${path} is a folder, not a snapshot: give the .sqlite file inside it`, path);
  const verdict = inspectHeader(path);
  if (verdict === 'not-sqlite')
    throw new SnapshotOpenError('not-a-snapshot', `${path} is not a snapshot (not a SQLite database file)`, path);
  if (verdict === 'truncated')
    throw new SnapshotOpenError(
      'corrupt',
      `snapshot ${path} is damaged: the file is truncated (shorter than its header says)`,
      path,
    );
  let db: Database.Database;
  try {
    db = new Database(path, { readonly, fileMustExist: true });
  } catch (err) {
    throw asOpenError(err, path);
  }
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    const applied = appliedVersions(db);
    if (appId !== APPLICATION_ID || applied.length === 0) {
      throw new SnapshotOpenError(
        'not-a-snapshot',
        `${path} is a SQLite database but not an Entra Audit snapshot`,
        path,
      );
    }
    checkApplied(applied, path);
    db.prepare('SELECT count(*) FROM meta').get();
    return db;
  } catch (err) {
    db.close();
    throw asOpenError(err, path);
  }
}

/** Kept for the writer's resume path: validates and closes. */
export function validateSnapshotFile(path: string, readonly: boolean): void {
  openValidated(path, readonly).close();
}

function asOpenError(err: unknown, path: string): Error {
  if (err instanceof SnapshotOpenError) return err;
  const code = (err as { code?: string }).code ?? '';
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'SQLITE_NOTADB')
    return new SnapshotOpenError('not-a-snapshot', `${path} is not a snapshot (not a SQLite database file)`, path);
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_IOERR_SHORT_READ') {
    return new SnapshotOpenError('corrupt', `snapshot ${path} is damaged (${message})`, path);
  }
  return err instanceof Error ? err : new Error(message);
}

/** The meta table as SnapshotMeta (values are stored as JSON). */
export function readMeta(db: Database.Database): SnapshotMeta {
  const out: Record<string, unknown> = {};
  for (const { key, value } of db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]) {
    out[key] = JSON.parse(value);
  }
  return out as unknown as SnapshotMeta;
}

/** Every coverage row, in dataset id order. */
export function readCoverage(db: Database.Database): DatasetCoverage[] {
  return (db.prepare('SELECT * FROM datasets ORDER BY dataset').all() as DatasetCoverage[]).map((c) => ({ ...c }));
}

/** A dataset the run never reached: what coverageOf reports for it. */
export function notCollected(dataset: DatasetId): DatasetCoverage {
  return {
    dataset,
    status: 'not-collected',
    code: null,
    reason: 'This dataset was not collected in this run.',
    rows: 0,
    requests: 0,
    throttleWaits: 0,
    startedAt: null,
    finishedAt: null,
  };
}
