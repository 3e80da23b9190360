/**
 * The users screen's server side: the snapshot's users joined with MFA state and failing results,
 * filtered, sorted and sliced here so the bridge only ever carries one page (never 200k rows).
 * The last query's order is cached, so scrolling through one query costs a slice, not a sort.
 */
import type { ChannelParsed } from '../../../shared/ipc.js';
import type { Page, UserListRow } from '../../../shared/ipc-types.js';
import type { MfaRegistrationRow } from '../../../shared/snapshot.js';
import type { CheckResult } from '../../../shared/results.js';
import type { SnapshotReader } from '../../store/types.js';

type Query = ChannelParsed<'users'>;

/** Up to this many leading rows, a query is answered by a partial top-k selection instead of a full sort. */
const TOP_K_LIMIT = 2000;

type SortKey = NonNullable<Query['sort']>;

/** A user table built once per snapshot (and rebuilt when results change). */
export class UserTable {
  private readonly rows: UserListRow[];
  /** Lower-case text searched by the search box, built on the first search. */
  private haystacks: string[] | null = null;
  private readonly sortKeys = new Map<SortKey, (string | number)[]>();
  private cacheKey = '';
  private cacheOrder: number[] = [];

  constructor(reader: SnapshotReader, results: readonly CheckResult[]) {
    const mfaCoverage = reader.coverageOf('mfaRegistration').status;
    const mfaAvailable = mfaCoverage === 'complete' || mfaCoverage === 'partial';
    const mfa = new Map<string, MfaRegistrationRow>();
    for (const m of reader.mfaRegistrations()) mfa.set(m.userId, m);
    const failing = new Map<string, number>();
    for (const r of results)
      if (r.outcome === 'fail' && r.entityType === 'user') failing.set(r.entityId, (failing.get(r.entityId) ?? 0) + 1);
    const users = reader.users();
    this.rows = new Array<UserListRow>(users.length);
    for (let i = 0; i < users.length; i++) {
      const u = users[i];
      const reg = mfa.get(u.id);
      this.rows[i] = {
        id: u.id,
        displayName: u.displayName,
        userPrincipalName: u.userPrincipalName,
        department: u.department,
        userType: u.userType,
        accountEnabled: u.accountEnabled,
        lastSignInDateTime: latest(u.lastSignInDateTime, u.lastNonInteractiveSignInDateTime),
        mfa: reg
          ? reg.isMfaRegistered
            ? 'registered'
            : 'not-registered'
          : mfaAvailable
            ? 'not-registered'
            : 'unknown',
        methods: reg?.methods ?? [],
        failing: failing.get(u.id) ?? 0,
      };
    }
    this.jobTitles = users.map((u) => `${u.jobTitle ?? ''}\n${u.mail ?? ''}`);
  }

  private readonly jobTitles: string[];

  get size(): number {
    return this.rows.length;
  }

  /** One page of the users matching the query, in the asked order. */
  page(q: Query): Page<UserListRow> {
    const needle = q.search?.trim().toLowerCase() ?? '';
    const key = JSON.stringify([needle, q.sort ?? 'displayName', q.dir ?? 'asc', q.userType, q.enabled, q.mfa]);
    if (key === this.cacheKey) return this.slice(this.cacheOrder, q);
    const matches = this.filter(needle, q);
    const keys = this.keysFor(q.sort ?? 'displayName');
    const sign = q.dir === 'desc' ? -1 : 1;
    const cmp = (a: number, b: number) => {
      const ka = keys[a];
      const kb = keys[b];
      return ka < kb ? -sign : ka > kb ? sign : a - b;
    };
    const want = q.offset + q.limit;
    if (want <= TOP_K_LIMIT && matches.length > want * 4) {
      // The first screens of a big table: select the leading rows without sorting all of them.
      return {
        total: matches.length,
        offset: q.offset,
        rows: topK(matches, want, cmp)
          .slice(q.offset)
          .map((i) => this.rows[i]),
      };
    }
    matches.sort(cmp);
    this.cacheKey = key;
    this.cacheOrder = matches;
    return this.slice(matches, q);
  }

  private slice(order: number[], q: Query): Page<UserListRow> {
    return {
      total: order.length,
      offset: q.offset,
      rows: order.slice(q.offset, q.offset + q.limit).map((i) => this.rows[i]),
    };
  }

  private filter(needle: string, q: Query): number[] {
    if (needle && !this.haystacks) {
      this.haystacks = this.rows.map((r, i) =>
        `${r.displayName}\n${r.userPrincipalName}\n${r.department ?? ''}\n${this.jobTitles[i]}`.toLowerCase(),
      );
    }
    const out: number[] = [];
    for (let i = 0; i < this.rows.length; i++) {
      const r = this.rows[i];
      if (needle && !this.haystacks![i].includes(needle)) continue;
      if (q.userType !== undefined && r.userType !== q.userType) continue;
      if (q.enabled !== undefined && r.accountEnabled !== q.enabled) continue;
      if (q.mfa !== undefined && r.mfa !== q.mfa) continue;
      out.push(i);
    }
    return out;
  }

  /** Comparable keys of one column, computed once per column. */
  private keysFor(key: SortKey): (string | number)[] {
    let keys = this.sortKeys.get(key);
    if (!keys) {
      keys = this.rows.map((r) => sortValue(r, key));
      this.sortKeys.set(key, keys);
    }
    return keys;
  }
}

/** The k smallest items in order (binary insertion into a bounded sorted list): O(n log k). */
function topK(items: readonly number[], k: number, cmp: (a: number, b: number) => number): number[] {
  const best: number[] = [];
  for (const item of items) {
    if (best.length === k && cmp(item, best[k - 1]) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(best[mid], item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, item);
    if (best.length > k) best.pop();
  }
  return best;
}

function latest(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

/** A comparable key: strings lower-cased, empty values last in ascending order. */
function sortValue(row: UserListRow, key: SortKey): string | number {
  const v = row[key];
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === null || v === undefined || v === '') return '\uffff';
  return String(v).toLowerCase();
}
