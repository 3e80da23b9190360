import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  APPLICATION_ID,
  appliedVersions,
  assertMigrationOrder,
  migrate,
  SCHEMA_VERSION,
} from '../../main/store/migrate.js';
import { MIGRATIONS } from '../../main/store/migrations/index.js';
import { SnapshotOpenError } from '../../main/store/open-error.js';
import { sqlType, TABLES } from '../../main/store/tables.js';
import { tempDir } from './fixtures.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('migrations', () => {
  it('are numbered 1..N in order', () => {
    expect(() => assertMigrationOrder(MIGRATIONS)).not.toThrow();
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('reject a list out of order', () => {
    const m = (version: number) => ({ version, name: `m${version}`, sql: 'SELECT 1' });
    expect(() => assertMigrationOrder([m(1), m(3), m(2)])).toThrow(/in order/);
    expect(() => assertMigrationOrder([m(2)])).toThrow(/in order/);
  });

  it('create every collected table with the columns tables.ts declares, stamped as ours', () => {
    const db = new Database(join(dir, 's.sqlite'));
    migrate(db, 's');
    expect(appliedVersions(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    for (const t of TABLES) {
      const info = db.prepare(`PRAGMA table_info(${t.name})`).all() as { name: string; type: string }[];
      expect(info.map((c) => [c.name, c.type])).toEqual([
        ...t.columns.map(([c, k]) => [c, sqlType(k)]),
        ['raw', 'TEXT'],
      ]);
    }
    db.close();
  });

  it('apply only the missing ones, each once, and track them', () => {
    const db = new Database(join(dir, 's.sqlite'));
    migrate(db, 's');
    const next = [...MIGRATIONS, { version: SCHEMA_VERSION + 1, name: 'add-notes', sql: 'CREATE TABLE layer_notes (x TEXT)' }];
    migrate(db, 's', next);
    migrate(db, 's', next);
    expect(appliedVersions(db)).toEqual([...MIGRATIONS.map((m) => m.version), SCHEMA_VERSION + 1]);
    expect(db.prepare('SELECT name FROM schema_migrations WHERE version = ?').pluck().get(SCHEMA_VERSION + 1)).toBe('add-notes');
    db.close();
  });

  it('bring a schema 1 file up to date: the sign-in summary index is added', () => {
    const db = new Database(join(dir, 'v1.sqlite'));
    migrate(db, 'v1', MIGRATIONS.slice(0, 1));
    const hasIndex = (): boolean => !!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sign_ins_summary'").get();
    expect(hasIndex()).toBe(false);
    migrate(db, 'v1');
    expect(hasIndex()).toBe(true);
    expect(appliedVersions(db)).toEqual([1, 2]);
    db.close();
  });

  it('fail loudly on a file whose schema is newer, or whose history has a gap', () => {
    const db = new Database(join(dir, 's.sqlite'));
    migrate(db, 's');
    db.prepare("INSERT INTO schema_migrations VALUES (?, 'x', 'y')").run(SCHEMA_VERSION + 2);
    let err: unknown;
    try {
      migrate(db, 's');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SnapshotOpenError);
    expect((err as SnapshotOpenError).kind).toBe('newer-schema');
    const withGap = [
      ...MIGRATIONS,
      { version: SCHEMA_VERSION + 1, name: 'a', sql: 'SELECT 1' },
      { version: SCHEMA_VERSION + 2, name: 'b', sql: 'SELECT 1' },
    ];
    expect(() => migrate(db, 's', withGap)).toThrow(/out of order/);
    db.close();
  });
});
