/**
 * Group commit: pages wait for one shared transaction, but each page is still all-or-nothing with its
 * cursor, the wait is bounded, and what was committed is exactly what another connection sees.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSnapshot, type TableRecords } from '../../main/store/index.js';
import { DEFAULT_GROUP_COMMIT, GroupCommit } from '../../main/store/group-commit.js';
import { META, SAMPLES, tempDir } from './fixtures.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** What a second connection (another process, or the file after a crash) sees committed. */
function committed(path: string): { users: string[]; cursors: { slice: string; nextLink: string | null; pages: number }[] } {
  const db = new Database(path, { readonly: true });
  try {
    return {
      users: db.prepare('SELECT id FROM users ORDER BY id').pluck().all() as string[],
      cursors: db.prepare("SELECT slice, nextLink, pages FROM resume WHERE dataset = 'users' ORDER BY slice").all() as never,
    };
  } finally {
    db.close();
  }
}

const user = (id: string): TableRecords => ({ users: [{ row: { ...SAMPLES.users, id }, raw: { id } }] });

describe('group commit', () => {
  it('commits waiting pages on its own within the time bound, rows and cursors together', async () => {
    const path = join(dir, 's.sqlite');
    const w = createSnapshot(path, META);
    const pages = w.pages('users');
    pages.writePage(user('u1'), 'next-1');
    pages.writePage(user('u2'), 'next-2');
    expect(committed(path).users).toEqual([]);
    expect(pages.cursor()).toEqual({ nextLink: 'next-2', done: false, pages: 2 });
    await sleep(DEFAULT_GROUP_COMMIT.maxMs + 250);
    expect(committed(path)).toEqual({ users: ['u1', 'u2'], cursors: [{ slice: 'all', nextLink: 'next-2', pages: 2 }] });
    w.close();
  });

  it('rolls back only the page that fails mid-way, keeping the pages before it in the group', () => {
    const path = join(dir, 's.sqlite');
    const w = createSnapshot(path, META);
    const pages = w.pages('users');
    pages.writePage(user('u1'), 'next-1');
    // The second row has no raw JSON at all: it fails after the first row of the page went in.
    const bad = { users: [{ row: { ...SAMPLES.users, id: 'u2' }, raw: { id: 'u2' } }, { row: { ...SAMPLES.users, id: 'u3' }, raw: undefined }] };
    expect(() => pages.writePage(bad as unknown as TableRecords, 'next-3')).toThrow();
    expect(pages.cursor()).toEqual({ nextLink: 'next-1', done: false, pages: 1 });
    expect(w.countRows('users')).toBe(1);
    w.close();
    expect(committed(path)).toEqual({ users: ['u1'], cursors: [{ slice: 'all', nextLink: 'next-1', pages: 1 }] });
  });

  it('commits what waits when the writer closes, and counts what it ingested', () => {
    const path = join(dir, 's.sqlite');
    const w = createSnapshot(path, META);
    w.pages('users').writePage(user('u1'), null);
    expect(w.ingestStats().rows).toBe(1);
    w.close();
    expect(committed(path)).toEqual({ users: ['u1'], cursors: [{ slice: 'all', nextLink: null, pages: 1 }] });
  });
});

describe('deferred indexes', () => {
  const secondaryIndexes = (db: Database.Database): string[] =>
    db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name NOT LIKE 'layer_%' ORDER BY name").pluck().all() as string[];

  it('leaves them out while collecting and builds exactly the schema\'s indexes in finalize, also after a resume', async () => {
    const { resumeSnapshot } = await import('../../main/store/index.js');
    const reference = join(dir, 'reference.sqlite');
    createSnapshot(reference, META).finalize();
    const path = join(dir, 's.sqlite');
    const w = createSnapshot(path, META);
    w.pages('signIns').writePage({ sign_ins: [{ row: SAMPLES.sign_ins, raw: SAMPLES.sign_ins }] }, 'next');
    w.close();
    const open = new Database(path, { readonly: true });
    expect(secondaryIndexes(open)).toEqual([]);
    open.close();
    resumeSnapshot(path).finalize();
    const [ref, done] = [new Database(reference, { readonly: true }), new Database(path, { readonly: true })];
    expect(secondaryIndexes(ref).length).toBeGreaterThanOrEqual(6);
    expect(secondaryIndexes(done)).toEqual(secondaryIndexes(ref));
    expect(done.prepare("SELECT count(*) FROM meta WHERE key = 'deferredIndexes'").pluck().get()).toBe(0);
    ref.close();
    done.close();
  });
});

describe('a failed group commit', () => {
  it('stops every later write with the same error, so no page lands behind a lost one', () => {
    const path = join(dir, 'full.sqlite');
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE pages (dataset TEXT, n INTEGER, body TEXT)');
    const group = new GroupCommit(db, { maxMs: 60_000, maxRows: 3 });
    const insert = db.prepare('INSERT INTO pages VALUES (?, ?, ?)');
    db.pragma('max_page_count = 40'); // a full disk, as SQLite reports it (SQLITE_FULL)
    let failure: unknown = null;
    let written = 0;
    for (let n = 0; n < 500 && !failure; n++) {
      try {
        group.write(1, () => insert.run(n % 2 ? 'users' : 'groups', n, 'x'.repeat(2000)));
        written++;
      } catch (err) {
        failure = err;
      }
    }
    expect((failure as { code?: string }).code).toBe('SQLITE_FULL');
    expect(group.failed).toBe(true);
    expect(() => group.write(1, () => insert.run('users', 999, 'late'))).toThrow(failure as Error);
    expect(() => group.flush()).toThrow(failure as Error);
    group.abandon();
    const kept = db.prepare('SELECT n FROM pages ORDER BY n').pluck().all() as number[];
    // What survives is a prefix of the pages, committed in whole groups: never a gap.
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => i));
    expect(kept.length % 3).toBe(0);
    expect(kept.length).toBeLessThan(written + 1);
    db.close();
  });
});
