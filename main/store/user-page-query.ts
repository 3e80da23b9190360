/**
 * The users screen's query: one page of users with their MFA registration, filtered, sorted and sliced
 * by SQLite on its own read-only connection, so a 200k-user snapshot never becomes a 200k-row table in
 * JS. Failing-result counts (known once the checks have run) are loaded into a temp table and then
 * sort and show like any other column.
 *
 * Order matches what the screen always had: strings compared lower-cased, empty values last in
 * ascending order (first in descending), ties by user id. The first pages of the whole table are a
 * top-N query; deeper or filtered pages are cut from one cached order of row ids (8 bytes per
 * matching user, one order kept), so scrolling costs a lookup, not a sort.
 */
import type Database from 'better-sqlite3';
import type { USER_SORT_KEYS } from '../../shared/ipc.js';
import type { MfaState, Page, UserListRow } from '../../shared/ipc-types.js';
import { openValidated, readCoverage } from './snapshot-queries.js';
import { decodeValue } from './tables.js';

export type UserSortKey = (typeof USER_SORT_KEYS)[number];

export interface UserPageRequest {
  offset: number;
  limit: number;
  search?: string;
  sort?: UserSortKey;
  dir?: 'asc' | 'desc';
  userType?: 'Member' | 'Guest';
  enabled?: boolean;
  mfa?: MfaState;
}

/** Pages up to this depth are answered by a top-N query instead of building the whole order. */
const TOP_N_DEPTH = 1000;

const LAST_SIGN_IN = `CASE
  WHEN u.lastSignInDateTime IS NULL OR u.lastSignInDateTime = '' THEN u.lastNonInteractiveSignInDateTime
  WHEN u.lastNonInteractiveSignInDateTime IS NULL OR u.lastNonInteractiveSignInDateTime = '' THEN u.lastSignInDateTime
  WHEN u.lastSignInDateTime > u.lastNonInteractiveSignInDateTime THEN u.lastSignInDateTime
  ELSE u.lastNonInteractiveSignInDateTime END`;

/** What the search box looks through, lower-cased (ea_lower is JavaScript's toLowerCase). */
const HAYSTACK = `ea_lower(coalesce(u.displayName, '') || char(10) || coalesce(u.userPrincipalName, '') || char(10) ||
  coalesce(u.department, '') || char(10) || coalesce(u.jobTitle, '') || char(10) || coalesce(u.mail, ''))`;

const ROW_COLUMNS = `u.rowid AS rid, u.id, u.displayName, u.userPrincipalName, u.department, u.userType,
  u.accountEnabled, ${LAST_SIGN_IN} AS lastSignIn, m.methods`;

interface SelectedRow {
  rid: number;
  id: string;
  displayName: string;
  userPrincipalName: string;
  department: string | null;
  userType: 'Member' | 'Guest';
  accountEnabled: number | null;
  lastSignIn: string | null;
  methods: string | null;
  mfa: MfaState;
  failing?: number;
}

/** A snapshot's users, paged by SQL. */
export class UserPageQuery {
  private failingLoaded = false;
  /** Bumped whenever the failing counts change, so cached orders are never stale. */
  private version = 0;
  private order: { key: string; rowids: Float64Array } | null = null;
  private readonly mfaState: string;

  private constructor(private readonly db: Database.Database) {
    // A page is asked for by a person waiting: while another connection writes the file, say so at once
    // (SQLITE_BUSY) rather than stall the calling thread.
    db.pragma('busy_timeout = 0');
    db.function('ea_lower', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? s.toLowerCase() : s));
    // A user without a registration row is "not registered" when the report was read, else unknown.
    const mfa = readCoverage(db).find((c) => c.dataset === 'mfaRegistration')?.status;
    const absent = mfa === 'complete' || mfa === 'partial' ? 'not-registered' : 'unknown';
    this.mfaState = `CASE WHEN m.userId IS NULL THEN '${absent}' WHEN m.isMfaRegistered THEN 'registered' ELSE 'not-registered' END`;
  }

  /** Opens the snapshot read-only (throws SnapshotOpenError like openSnapshot). */
  static open(path: string): UserPageQuery {
    return new UserPageQuery(openValidated(path, true));
  }

  /**
   * Loads each user's failing-result count (users left out have none); from then on rows carry
   * `failing` and the `failing` sort is available. Replaces counts loaded before.
   */
  loadFailingCounts(counts: ReadonlyMap<string, number>): void {
    this.db.exec('CREATE TEMP TABLE IF NOT EXISTS user_failing (userId TEXT PRIMARY KEY, failing INTEGER NOT NULL)');
    const insert = this.db.prepare('INSERT INTO temp.user_failing (userId, failing) VALUES (?, ?)');
    this.db.transaction(() => {
      this.db.exec('DELETE FROM temp.user_failing');
      for (const [userId, n] of counts) if (n > 0) insert.run(userId, n);
    })();
    this.failingLoaded = true;
    this.version++;
    this.order = null;
  }

  /** Whether failing counts are loaded (rows carry null for `failing` until then). */
  get hasFailingCounts(): boolean {
    return this.failingLoaded;
  }

  /** One page of the users matching the request, in the asked order. */
  page(q: UserPageRequest): Page<UserListRow> {
    const sort = q.sort ?? 'displayName';
    if (sort === 'failing' && !this.failingLoaded) throw new Error('failing counts are not loaded');
    const where = this.where(q);
    const joins = this.joins(sort, q.mfa !== undefined);
    const orderKey = JSON.stringify([where.sql, where.params, sort, q.dir ?? 'asc', this.version]);
    const select = `SELECT u.rowid FROM users u ${joins} ${where.sql} ORDER BY ${orderBy(sort, q.dir, this.mfaState)}`;
    if (this.order?.key !== orderKey) {
      if (!where.sql && q.offset + q.limit <= TOP_N_DEPTH) {
        // The first screens of the whole table: the total from an index, the rows by a top-N sort.
        const total = this.db.prepare('SELECT count(*) FROM users').pluck().get() as number;
        const rowids = this.db.prepare(`${select} LIMIT ? OFFSET ?`).pluck().all(q.limit, q.offset) as number[];
        return { total, offset: q.offset, rows: this.rows(rowids) };
      }
      // Deeper, or filtered: one pass gives the total and the order the next pages are cut from.
      const rowids = Float64Array.from(
        this.db
          .prepare(select)
          .pluck()
          .all(...where.params) as number[],
      );
      this.order = { key: orderKey, rowids };
    }
    const { rowids } = this.order;
    return { total: rowids.length, offset: q.offset, rows: this.rows(rowids.subarray(q.offset, q.offset + q.limit)) };
  }

  close(): void {
    this.db.close();
  }

  private where(q: UserPageRequest): { sql: string; params: unknown[] } {
    const terms: string[] = [];
    const params: unknown[] = [];
    const needle = q.search?.trim().toLowerCase() ?? '';
    if (needle) {
      terms.push(`instr(${HAYSTACK}, ?) > 0`);
      params.push(needle);
    }
    if (q.userType !== undefined) {
      terms.push('u.userType = ?');
      params.push(q.userType);
    }
    if (q.enabled !== undefined) {
      terms.push('u.accountEnabled = ?');
      params.push(q.enabled ? 1 : 0);
    }
    if (q.mfa !== undefined) {
      terms.push(`${this.mfaState} = ?`);
      params.push(q.mfa);
    }
    return { sql: terms.length ? `WHERE ${terms.join(' AND ')}` : '', params };
  }

  /** Only the joins a filter or the sort needs: the scan stays on the users table otherwise. */
  private joins(sort: UserSortKey, mfaFilter: boolean): string {
    const mfa = mfaFilter || sort === 'mfa' ? 'LEFT JOIN mfa_registrations m ON m.userId = u.id' : '';
    const failing = sort === 'failing' ? 'LEFT JOIN temp.user_failing f ON f.userId = u.id' : '';
    return `${mfa} ${failing}`;
  }

  /** The rows of these users, in the order given. */
  private rows(rowids: ArrayLike<number>): UserListRow[] {
    if (rowids.length === 0) return [];
    const ids = Array.from(rowids);
    const failing = this.failingLoaded ? ', coalesce(f.failing, 0) AS failing' : '';
    const join = this.failingLoaded ? 'LEFT JOIN temp.user_failing f ON f.userId = u.id' : '';
    const selected = this.db
      .prepare(
        `SELECT ${ROW_COLUMNS}, ${this.mfaState} AS mfa ${failing} FROM users u
         LEFT JOIN mfa_registrations m ON m.userId = u.id ${join}
         WHERE u.rowid IN (${ids.map(() => '?').join(', ')})`,
      )
      .all(...ids) as SelectedRow[];
    const byRowid = new Map(selected.map((r) => [r.rid, r]));
    return ids.map((rid) => toListRow(byRowid.get(rid)!));
  }
}

function toListRow(r: SelectedRow): UserListRow {
  return {
    id: r.id,
    displayName: r.displayName,
    userPrincipalName: r.userPrincipalName,
    department: r.department,
    userType: r.userType,
    accountEnabled: decodeValue('bool', r.accountEnabled) as boolean,
    lastSignInDateTime: r.lastSignIn,
    mfa: r.mfa,
    methods: (decodeValue('json', r.methods) as string[] | null) ?? [],
    failing: r.failing ?? null,
  };
}

/** ORDER BY for a sort column: empty values last (ascending), then the value, then the id. */
function orderBy(sort: UserSortKey, dir: 'asc' | 'desc' = 'asc', mfaState: string): string {
  const d = dir === 'desc' ? 'DESC' : 'ASC';
  const text = (expr: string) => `(${expr} IS NULL OR ${expr} = '') ${d}, ea_lower(nullif(${expr}, '')) ${d}, u.id`;
  switch (sort) {
    case 'displayName':
    case 'userPrincipalName':
    case 'department':
    case 'userType':
      return text(`u.${sort}`);
    case 'lastSignInDateTime':
      return text(`(${LAST_SIGN_IN})`);
    case 'mfa':
      return text(`(${mfaState})`);
    case 'accountEnabled':
      return `(u.accountEnabled IS NULL) ${d}, u.accountEnabled ${d}, u.id`;
    case 'failing':
      return `coalesce(f.failing, 0) ${d}, u.id`;
  }
}
