/**
 * Writes a snapshot during collection: WAL, each Graph page written atomically together with its resume
 * cursor, page commits grouped into one transaction every 250 ms (group-commit.ts: a crash, even
 * SIGKILL, resumes from the last committed page), coverage and meta, and a `finalize()` that builds the
 * deferred indexes and leaves one self-contained, fsynced, integrity-checked file with its content hash.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { DatasetId } from '../../shared/datasets.js';
import type { DatasetCoverage, SnapshotMeta } from '../../shared/snapshot.js';
import { computeContentHash } from './content-hash.js';
import { buildDeferredIndexes, deferIndexes } from './deferred-indexes.js';
import { GroupCommit } from './group-commit.js';
import { migrate, SCHEMA_VERSION } from './migrate.js';
import { prepareInsert } from './row-codec.js';
import { inspectHeader, fsyncFileAndDir } from './sqlite-file.js';
import { TABLES, tableSpec, type TableName, type TableRows } from './tables.js';
import { readCoverage, readMeta, validateSnapshotFile } from './snapshot-queries.js';

/** Meta the caller knows when a run starts; the store fills schemaVersion, contentHash, finish time. */
export type NewSnapshotMeta = Omit<SnapshotMeta, 'schemaVersion' | 'contentHash' | 'collectionFinishedAt'>;

/** Rows of one page, by table: each with Graph's raw object (or its JSON text). */
export type TableRecords = { [T in TableName]?: { row: TableRows[T]; raw: unknown }[] };

/** Where a dataset slice stopped: the last committed nextLink (or position), and whether it finished. */
export interface ResumeCursor {
  nextLink: string | null;
  done: boolean;
  pages: number;
}

/** SQLite page size of new snapshots, in bytes. */
export const PAGE_SIZE = 16384;

/** The default slice name for datasets collected as a single list. */
export const WHOLE = 'all';

/** Per-dataset page writer: cursor lookups and one-transaction page commits. */
export interface PageWriter {
  readonly dataset: DatasetId;
  /** The committed cursor of a slice, or null if it never committed a page. */
  cursor(slice?: string): ResumeCursor | null;
  /**
   * Writes one page's rows and the slice's cursor atomically, committed with the next group commit
   * (at most 250 ms later). `nextLink` null marks the slice done; otherwise it is where to continue
   * (an @odata.nextLink, or a position such as the last id done).
   */
  writePage(records: TableRecords, nextLink: string | null, slice?: string): void;
}

/** The write side of a snapshot during collection. */
export interface SnapshotWriter {
  readonly path: string;
  pages(dataset: DatasetId): PageWriter;
  meta(): SnapshotMeta;
  /** Updates meta keys (SnapshotMeta fields, or extra keys such as signInWindowFrom). */
  setMeta(values: Partial<SnapshotMeta> | Record<string, unknown>): void;
  metaValue(key: string): unknown;
  setCoverage(coverage: DatasetCoverage): void;
  coverage(): DatasetCoverage[];
  /** Rows in a table, optionally where one column equals a value. */
  countRows(table: TableName, where?: { column: string; value: string }): number;
  /** Column values of a table in key order (e.g. group ids to fetch members for), after `after`. */
  ids(table: TableName, column: string, after?: string | null): string[];
  /** [key, value] pairs of two columns in key order, after `after` (e.g. user id -> UPN for per-user reads). */
  pairs(table: TableName, keyColumn: string, valueColumn: string, after?: string | null): [string, string | null][];
  /** Removes a dataset's rows from some tables and its cursors: a dataset restarted from scratch. */
  clear(dataset: DatasetId, tables: TableName[]): void;
  /** Rows written so far and the time spent writing and committing them, index builds included (ms). */
  ingestStats(): { rows: number; ms: number };
  /** Builds the deferred indexes, checkpoints, leaves journal mode DELETE (no -wal), hashes, integrity-checks, fsyncs. Returns the hash. */
  finalize(): string;
  close(): void;
}

/** Creates a new snapshot file (refuses to overwrite) with its schema and the run's meta. */
export function createSnapshot(path: string, meta: NewSnapshotMeta): SnapshotWriter {
  if (existsSync(path)) throw new Error(`${path} already exists: choose a new file, or resume collecting into it`);
  const db = new Database(path);
  // Set before the first table exists. Graph objects (a sign-in's raw JSON is ~2 KB) fit several to a
  // 16 KiB page instead of one to a 4 KiB page: a smaller file and faster ingest.
  db.pragma(`page_size = ${PAGE_SIZE}`);
  setupWriting(db);
  migrate(db, path);
  deferIndexes(db);
  const writer = new SqliteSnapshotWriter(db, path);
  writer.setMeta({ ...meta, schemaVersion: SCHEMA_VERSION, contentHash: null, collectionFinishedAt: null });
  return writer;
}

/** Opens an unfinished (or finished) snapshot to continue collecting into it. */
export function resumeSnapshot(path: string): SnapshotWriter {
  validateSnapshotFile(path, false);
  const db = new Database(path, { fileMustExist: true });
  setupWriting(db);
  migrate(db, path);
  deferIndexes(db);
  const writer = new SqliteSnapshotWriter(db, path);
  writer.setMeta({ contentHash: null, collectionFinishedAt: null });
  return writer;
}

function setupWriting(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = OFF');
  // Index pages keyed on GUIDs are touched at random: a cache that holds them (128 MiB at most) and a
  // larger WAL between checkpoints save rewriting the same pages over and over.
  db.pragma('cache_size = -131072');
  db.pragma('wal_autocheckpoint = 16384');
}

class SqliteSnapshotWriter implements SnapshotWriter {
  private readonly inserts = new Map<TableName, (row: object, raw: unknown) => void>();
  private readonly saveCursor: Database.Statement;
  private readonly getCursor: Database.Statement;
  private readonly putMeta: Database.Statement;
  private readonly group: GroupCommit;
  private indexMs = 0;
  private closed = false;

  constructor(
    private readonly db: Database.Database,
    readonly path: string,
  ) {
    for (const spec of TABLES) this.inserts.set(spec.name, prepareInsert(db, spec));
    this.saveCursor = db.prepare(
      'INSERT INTO resume (dataset, slice, nextLink, done, pages) VALUES (?, ?, ?, ?, 1) ' +
        'ON CONFLICT (dataset, slice) DO UPDATE SET nextLink = excluded.nextLink, done = excluded.done, pages = pages + 1',
    );
    this.getCursor = db.prepare('SELECT nextLink, done, pages FROM resume WHERE dataset = ? AND slice = ?');
    this.putMeta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
    this.group = new GroupCommit(db);
  }

  pages(dataset: DatasetId): PageWriter {
    const write = (records: TableRecords, nextLink: string | null, slice: string): void => {
      const lists = Object.entries(records) as [TableName, { row: object; raw: unknown }[]][];
      for (const [table] of lists) if (!this.inserts.has(table)) throw new Error(`unknown snapshot table ${table}`);
      const rows = lists.reduce((n, [, list]) => n + list.length, 0);
      this.group.write(rows, () => {
        for (const [table, list] of lists) {
          const insert = this.inserts.get(table)!;
          for (const r of list) insert(r.row, r.raw);
        }
        this.saveCursor.run(dataset, slice, nextLink, nextLink === null ? 1 : 0);
      });
    };
    return {
      dataset,
      cursor: (slice = WHOLE) => {
        const row = this.getCursor.get(dataset, slice) as
          { nextLink: string | null; done: number; pages: number } | undefined;
        return row ? { nextLink: row.nextLink, done: row.done === 1, pages: row.pages } : null;
      },
      writePage: (records, nextLink, slice = WHOLE) => {
        write(records, nextLink, slice);
      },
    };
  }

  meta(): SnapshotMeta {
    return readMeta(this.db);
  }

  setMeta(values: Partial<SnapshotMeta> | Record<string, unknown>): void {
    this.group.throwIfFailed();
    this.db.transaction(() => {
      for (const [k, v] of Object.entries(values)) if (v !== undefined) this.putMeta.run(k, JSON.stringify(v));
    })();
  }

  metaValue(key: string): unknown {
    const v = this.db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
    return v === undefined ? undefined : JSON.parse(v);
  }

  setCoverage(c: DatasetCoverage): void {
    this.group.throwIfFailed();
    this.db
      .prepare(
        'INSERT OR REPLACE INTO datasets (dataset, status, code, reason, rows, requests, throttleWaits, startedAt, finishedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(c.dataset, c.status, c.code, c.reason, c.rows, c.requests, c.throttleWaits, c.startedAt, c.finishedAt);
  }

  coverage(): DatasetCoverage[] {
    return readCoverage(this.db);
  }

  countRows(table: TableName, where?: { column: string; value: string }): number {
    tableSpec(table);
    if (!where) return this.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return this.db
      .prepare(`SELECT count(*) FROM ${table} WHERE "${where.column}" = ?`)
      .pluck()
      .get(where.value) as number;
  }

  ids(table: TableName, column: string, after?: string | null): string[] {
    const spec = tableSpec(table);
    if (!spec.columns.some(([c]) => c === column)) throw new Error(`no column ${column} in ${table}`);
    const sql = `SELECT "${column}" FROM ${table} ${after != null ? `WHERE "${column}" > ?` : ''} ORDER BY "${column}"`;
    const stmt = this.db.prepare(sql).pluck();
    return (after != null ? stmt.all(after) : stmt.all()) as string[];
  }

  pairs(table: TableName, keyColumn: string, valueColumn: string, after?: string | null): [string, string | null][] {
    const spec = tableSpec(table);
    for (const c of [keyColumn, valueColumn])
      if (!spec.columns.some(([n]) => n === c)) throw new Error(`no column ${c} in ${table}`);
    const sql = `SELECT "${keyColumn}", "${valueColumn}" FROM ${table} ${after != null ? `WHERE "${keyColumn}" > ?` : ''} ORDER BY "${keyColumn}"`;
    const stmt = this.db.prepare(sql).raw(true);
    return (after != null ? stmt.all(after) : stmt.all()) as [string, string | null][];
  }

  clear(dataset: DatasetId, tables: TableName[]): void {
    this.group.throwIfFailed();
    this.db.transaction(() => {
      for (const t of tables) this.db.prepare(`DELETE FROM ${tableSpec(t).name}`).run();
      this.db.prepare('DELETE FROM resume WHERE dataset = ?').run(dataset);
    })();
  }

  ingestStats(): { rows: number; ms: number } {
    return { rows: this.group.rows, ms: this.group.busyMs + this.indexMs };
  }

  finalize(): string {
    this.group.flush();
    const t0 = performance.now();
    buildDeferredIndexes(this.db);
    this.indexMs += performance.now() - t0;
    if (!this.meta().collectionFinishedAt) this.setMeta({ collectionFinishedAt: new Date().toISOString() });
    const hash = computeContentHash(this.db);
    this.setMeta({ contentHash: hash });
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    const mode = this.db.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw new Error(`could not leave WAL mode (journal_mode is ${String(mode)})`);
    // quick_check reads every page and B-tree and every row's format: what a bad write or a bad disk
    // breaks. It skips matching each index entry to its row, which at 200k users took 22 of 27 s, for
    // indexes SQLite built from those rows moments ago (the content hash covers the rows themselves).
    const check = this.db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`snapshot failed its integrity check: ${String(check)}`);
    this.close();
    fsyncFileAndDir(this.path);
    if (existsSync(`${this.path}-wal`)) throw new Error(`${this.path}-wal was left behind`);
    if (inspectHeader(this.path) !== 'sqlite')
      throw new Error(`${this.path} is not a complete SQLite file after finalize`);
    return hash;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    // After a failed commit the caller already has the error: close with what was committed before it.
    if (!this.group.failed) {
      try {
        this.group.flush();
      } catch (err) {
        this.group.abandon();
        this.db.close();
        throw err;
      }
    }
    this.group.abandon();
    this.db.close();
  }
}
