/**
 * Groups the page commits of a collection into fewer SQLite transactions. Each Graph page is still
 * written atomically with its resume cursor (a savepoint inside the open transaction), but the
 * transaction commits only every `maxMs` or `maxRows`: a B-tree leaf that many pages touch is then
 * written to the WAL once per commit instead of once per page. That multiplied the bytes written
 * ~35-fold at 200k users (72 GB for a 3.2 GB file, BENCHMARKS.md). A crash, even SIGKILL, loses at
 * most the last `maxMs` of pages, and with them their cursors: resuming re-reads exactly those.
 */
import type Database from 'better-sqlite3';

export interface GroupCommitOptions {
  /** Longest time a page may wait uncommitted (ms). */
  maxMs: number;
  /** Rows after which the open transaction commits at once. */
  maxRows: number;
}

export const DEFAULT_GROUP_COMMIT: GroupCommitOptions = { maxMs: 250, maxRows: 50_000 };

export class GroupCommit {
  private pendingRows = 0;
  private startedAt = 0;
  private timer: NodeJS.Timeout | null = null;
  /**
   * The first failed commit. Sticky: the rollback took other datasets' pages with it, pages their
   * collectors believe written, so no write may follow (it would leave a gap behind a later cursor).
   * The run stops; resuming re-reads everything after the last good commit.
   */
  private failure: unknown = null;
  /** Time spent in page writes and commits (ms), and rows written: the ingest rate. */
  busyMs = 0;
  rows = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly options: GroupCommitOptions = DEFAULT_GROUP_COMMIT,
  ) {}

  /** Runs `write` atomically (a savepoint) inside the open group transaction, committing when due. */
  write(rows: number, write: () => void): void {
    this.throwIfFailed();
    const t0 = performance.now();
    try {
      if (!this.db.inTransaction) {
        this.db.exec('BEGIN');
        this.startedAt = t0;
        this.timer = setTimeout(() => this.commitFromTimer(), this.options.maxMs);
        this.timer.unref();
      }
      this.db.transaction(write)();
      this.pendingRows += rows;
      this.rows += rows;
      if (this.pendingRows >= this.options.maxRows || performance.now() - this.startedAt >= this.options.maxMs) this.commitNow();
    } catch (err) {
      if (!this.db.inTransaction) this.failure ??= err;
      throw err;
    } finally {
      this.busyMs += performance.now() - t0;
    }
  }

  /** Commits what is pending (before finalize, close, or anything that must be durable now). */
  flush(): void {
    this.throwIfFailed();
    const t0 = performance.now();
    try {
      this.commitNow();
    } catch (err) {
      this.failure ??= err;
      throw err;
    } finally {
      this.busyMs += performance.now() - t0;
    }
  }

  /** True once a commit failed (see `failure`). */
  get failed(): boolean {
    return this.failure !== null;
  }

  /** Drops what is pending without raising (closing after a failure). */
  abandon(): void {
    this.clearTimer();
    this.pendingRows = 0;
    if (this.db.open && this.db.inTransaction) this.db.exec('ROLLBACK');
  }

  private commitNow(): void {
    this.clearTimer();
    this.pendingRows = 0;
    if (!this.db.inTransaction) return;
    try {
      this.db.exec('COMMIT');
    } catch (err) {
      // SQLite keeps the transaction open after some failed COMMITs (e.g. a full disk): undo it, so the
      // file holds exactly the pages (and cursors) committed before.
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw err;
    }
  }

  private commitFromTimer(): void {
    this.timer = null;
    const t0 = performance.now();
    try {
      this.commitNow();
    } catch (err) {
      this.failure = err;
    } finally {
      this.busyMs += performance.now() - t0;
    }
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Throws the failed commit's error, for every write after it (see `failure`). */
  throwIfFailed(): void {
    if (this.failure !== null) throw this.failure;
  }
}
