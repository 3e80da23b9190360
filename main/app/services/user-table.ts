/**
 * The users screen's server side: the snapshot's users joined with MFA state and failing results,
 * filtered, sorted and sliced here so the bridge only ever carries one page (never 200k rows).
 * The last query's order is cached, so scrolling through one query costs a slice, not a sort.
 */
import type { ChannelParsed } from '../../../shared/ipc.js';
import type { MfaState, Page, UserListRow } from '../../../shared/ipc-types.js';
import type { CheckResult } from '../../../shared/results.js';
import type { SnapshotReader } from '../../store/types.js';

type Query = ChannelParsed<'users'>;

interface Entry {
  row: UserListRow;
  /** Lower-case text searched by the search box. */
  haystack: string;
}

/** A user table built once per snapshot (and rebuilt when results change). */
export class UserTable {
  private readonly entries: Entry[];
  private cacheKey = '';
  private cacheOrder: Entry[] = [];

  constructor(reader: SnapshotReader, results: readonly CheckResult[]) {
    const mfaAvailable =
      reader.coverageOf('mfaRegistration').status === 'complete' ||
      reader.coverageOf('mfaRegistration').status === 'partial';
    const mfa = new Map(reader.mfaRegistrations().map((m) => [m.userId, m]));
    const failing = new Map<string, number>();
    for (const r of results)
      if (r.outcome === 'fail' && r.entityType === 'user') failing.set(r.entityId, (failing.get(r.entityId) ?? 0) + 1);
    this.entries = reader.users().map((u) => {
      const reg = mfa.get(u.id);
      const state: MfaState = reg
        ? reg.isMfaRegistered
          ? 'registered'
          : 'not-registered'
        : mfaAvailable
          ? 'not-registered'
          : 'unknown';
      const row: UserListRow = {
        id: u.id,
        displayName: u.displayName,
        userPrincipalName: u.userPrincipalName,
        department: u.department,
        userType: u.userType,
        accountEnabled: u.accountEnabled,
        lastSignInDateTime: latest(u.lastSignInDateTime, u.lastNonInteractiveSignInDateTime),
        mfa: state,
        methods: reg?.methods ?? [],
        failing: failing.get(u.id) ?? 0,
      };
      return {
        row,
        haystack:
          `${u.displayName}\n${u.userPrincipalName}\n${u.department ?? ''}\n${u.jobTitle ?? ''}\n${u.mail ?? ''}`.toLowerCase(),
      };
    });
  }

  get size(): number {
    return this.entries.length;
  }

  /** One page of the users matching the query, in the asked order. */
  page(q: Query): Page<UserListRow> {
    const order = this.order(q);
    return { total: order.length, offset: q.offset, rows: order.slice(q.offset, q.offset + q.limit).map((e) => e.row) };
  }

  private order(q: Query): Entry[] {
    const key = JSON.stringify([
      q.search?.trim().toLowerCase() ?? '',
      q.sort ?? 'displayName',
      q.dir ?? 'asc',
      q.userType,
      q.enabled,
      q.mfa,
    ]);
    if (key === this.cacheKey) return this.cacheOrder;
    const needle = q.search?.trim().toLowerCase() ?? '';
    const list = this.entries.filter(
      (e) =>
        (!needle || e.haystack.includes(needle)) &&
        (q.userType === undefined || e.row.userType === q.userType) &&
        (q.enabled === undefined || e.row.accountEnabled === q.enabled) &&
        (q.mfa === undefined || e.row.mfa === q.mfa),
    );
    const sortKey = q.sort ?? 'displayName';
    const sign = q.dir === 'desc' ? -1 : 1;
    const keyed = list.map((e) => ({ e, k: sortValue(e.row, sortKey) }));
    keyed.sort((a, b) => (a.k < b.k ? -sign : a.k > b.k ? sign : a.e.row.id < b.e.row.id ? -1 : 1));
    this.cacheKey = key;
    this.cacheOrder = keyed.map((x) => x.e);
    return this.cacheOrder;
  }
}

function latest(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

/** A comparable key: strings lower-cased, empty values last in ascending order. */
function sortValue(row: UserListRow, key: NonNullable<Query['sort']>): string | number {
  const v = row[key];
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === null || v === undefined || v === '') return '\uffff';
  return String(v).toLowerCase();
}
