import Database from 'better-sqlite3';
import { copyFileSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSnapshot, openSnapshot, SCHEMA_VERSION, SnapshotOpenError, type SnapshotOpenErrorKind } from '../../main/store/index.js';
import { META, SAMPLES, tempDir } from './fixtures.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

function openError(path: string): SnapshotOpenError {
  try {
    openSnapshot(path).close();
  } catch (err) {
    if (err instanceof SnapshotOpenError) return err;
    throw err;
  }
  throw new Error('expected openSnapshot to fail');
}

function expectKind(path: string, kind: SnapshotOpenErrorKind, message: RegExp): void {
  const err = openError(path);
  expect(err.kind).toBe(kind);
  expect(err.message).toMatch(message);
}

function bigSnapshot(path: string): void {
  const w = createSnapshot(path, META);
  const rows = Array.from({ length: 2000 }, (_, i) => {
    const row = { ...SAMPLES.users, id: `u${i}` };
    return { row, raw: row };
  });
  w.pages('users').writePage({ users: rows }, null);
  w.finalize();
}

describe('openSnapshot errors', () => {
  it('missing file', () => expectKind(join(dir, 'nope.sqlite'), 'missing', /does not exist/));

  it('a file that is not SQLite', () => {
    const path = join(dir, 'notes.sqlite');
    writeFileSync(path, 'hello, this is a text file and not a database at all\n'.repeat(10));
    expectKind(path, 'not-a-snapshot', /not a SQLite database/);
  });

  it('an empty file', () => {
    const path = join(dir, 'empty.sqlite');
    writeFileSync(path, '');
    expectKind(path, 'not-a-snapshot', /not a SQLite database/);
  });

  it('a SQLite database that is not ours', () => {
    const path = join(dir, 'other.sqlite');
    const db = new Database(path);
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    db.close();
    expectKind(path, 'not-a-snapshot', /not an Entra Audit snapshot/);
  });

  it('a truncated snapshot', () => {
    const path = join(dir, 's.sqlite');
    bigSnapshot(path);
    truncateSync(path, Math.floor(statSync(path).size / 2));
    expectKind(path, 'corrupt', /damaged/);
  });

  it('a snapshot with overwritten pages', () => {
    const path = join(dir, 's.sqlite');
    bigSnapshot(path);
    const bytes = readFileSync(path);
    bytes.fill(0xa5, 4096, bytes.length);
    const broken = join(dir, 'broken.sqlite');
    writeFileSync(broken, bytes);
    expectKind(broken, 'corrupt', /damaged/);
  });

  it('a snapshot from a newer schema', () => {
    const path = join(dir, 's.sqlite');
    bigSnapshot(path);
    const copy = join(dir, 'newer.sqlite');
    copyFileSync(path, copy);
    const db = new Database(copy);
    db.prepare("INSERT INTO schema_migrations (version, name, appliedAt) VALUES (?, 'future', 'x')").run(SCHEMA_VERSION + 1);
    db.close();
    expectKind(
      copy,
      'newer-schema',
      new RegExp(`^This snapshot was made by a newer version \\(schema ${SCHEMA_VERSION + 1}\\); update Entra Audit Desktop to open it$`),
    );
  });
});
