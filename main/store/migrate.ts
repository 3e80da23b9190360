/**
 * Applies the numbered migrations to a snapshot and refuses files whose history does not match ours:
 * out-of-order or unknown versions, or a schema newer than this app understands.
 */
import type Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations/index.js';
import { SnapshotOpenError } from './open-error.js';

/** SQLite `application_id` stamped on every snapshot ("EAD1"), so a foreign SQLite file is recognised. */
export const APPLICATION_ID = 0x45414431;

/** The schema version this app writes and reads. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** Throws unless the list is 1, 2, 3 ... in order (a programming error caught by tests and at start). */
export function assertMigrationOrder(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(
        `migration ${m.name} has version ${m.version}, expected ${i + 1}: migrations must be numbered 1, 2, 3 ... in order`,
      );
  });
}

/** Versions recorded in the file, ascending; [] when the tracking table is absent. */
export function appliedVersions(db: Database.Database): number[] {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!exists) return [];
  return (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map(
    (r) => r.version,
  );
}

/** Fails loudly when the file's schema is newer than ours or its history has gaps. */
export function checkApplied(applied: number[], path: string, list: readonly Migration[] = MIGRATIONS): void {
  const latest = list[list.length - 1].version;
  const newest = applied.length ? applied[applied.length - 1] : 0;
  if (newest > latest) {
    throw new SnapshotOpenError(
      'newer-schema',
      `This snapshot was made by a newer version (schema ${newest}); update Entra Audit Desktop to open it`,
      path,
    );
  }
  applied.forEach((v, i) => {
    if (v !== i + 1)
      throw new SnapshotOpenError(
        'bad-migrations',
        `snapshot ${path} has schema migrations out of order (found ${applied.join(', ')})`,
        path,
      );
  });
}

/** Brings a writable snapshot up to SCHEMA_VERSION, each migration in its own transaction. */
export function migrate(db: Database.Database, path: string, list: readonly Migration[] = MIGRATIONS): void {
  assertMigrationOrder(list);
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, appliedAt TEXT NOT NULL)',
  );
  const applied = appliedVersions(db);
  checkApplied(applied, path, list);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, appliedAt) VALUES (?, ?, ?)');
  for (const m of list.slice(applied.length)) {
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    })();
  }
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma(`user_version = ${list[list.length - 1].version}`);
}
