/**
 * The users screen's SQL query on a real snapshot file: every sort column and direction, filters and
 * search give the order the screen defines (lower-cased strings, empty values last when ascending,
 * ties by id), page by page exactly as in one piece, near the top (top-N) and deep (cached order);
 * MFA state comes from the registration join; failing counts appear only once loaded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_SORT_KEYS } from '../../shared/ipc.js';
import type { UserListRow } from '../../shared/ipc-types.js';
import type { MfaRegistrationRow, UserRow } from '../../shared/snapshot.js';
import { UserPageQuery, type UserPageRequest } from '../../main/store/index.js';
import { buildSnapshot } from '../checks/snapshot-builder.js';

const NAMES = ['Ada', 'ada', 'Émile', 'émile', 'Zoë', 'bob', '', 'Ölaf', 'Bob', '  spaced'];
const DEPTS = ['Sales', null, 'sales', '', 'R&D', 'Ops'];

/** 1,300 users: more than the top-N depth, with duplicates, empties, case and accents. */
function users(): UserRow[] {
  return Array.from({ length: 1300 }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(1300 - i).padStart(12, '0')}`,
    userPrincipalName: `${i % 7 === 0 ? 'X' : 'x'}user${i}@contoso.example`,
    displayName: `${NAMES[i % NAMES.length]}${i % 3 === 0 ? '' : ` ${i % 50}`}`,
    mail: i % 11 === 0 ? `needle.${i}@mail.example` : null,
    givenName: null,
    surname: null,
    department: DEPTS[i % DEPTS.length],
    jobTitle: i % 13 === 0 ? 'Night Auditor' : null,
    employeeId: null,
    userType: i % 9 === 0 ? 'Guest' : 'Member',
    accountEnabled: i % 4 !== 0,
    createdDateTime: null,
    onPremisesSyncEnabled: false,
    passwordPolicies: null,
    lastPasswordChangeDateTime: null,
    lastSignInDateTime: i % 5 === 0 ? null : `2026-0${(i % 9) + 1}-01T00:00:00Z`,
    lastNonInteractiveSignInDateTime: i % 3 === 0 ? `2026-0${(i % 7) + 2}-15T00:00:00Z` : i % 10 === 1 ? '' : null,
    domain: 'contoso.example',
    managerId: null,
  }));
}

function registrations(list: UserRow[]): MfaRegistrationRow[] {
  return list
    .filter((_, i) => i % 6 !== 5)
    .map((u, i) => ({
      userId: u.id,
      userPrincipalName: u.userPrincipalName,
      methods: i % 2 ? ['microsoftAuthenticatorPush'] : [],
      isMfaRegistered: i % 2 === 1,
      isAdmin: null,
      source: 'registrationReport',
    }));
}

/** The screen's order, written plainly in JS: the oracle the SQL must agree with. */
function expected(rows: UserListRow[], q: UserPageRequest): UserListRow[] {
  const needle = q.search?.trim().toLowerCase() ?? '';
  const byId = new Map(list.map((u) => [u.id, u]));
  const kept = rows.filter((r) => {
    const u = byId.get(r.id)!;
    const hay = [u.displayName, u.userPrincipalName, u.department ?? '', u.jobTitle ?? '', u.mail ?? ''].join('\n');
    return (
      (!needle || hay.toLowerCase().includes(needle)) &&
      (q.userType === undefined || r.userType === q.userType) &&
      (q.enabled === undefined || r.accountEnabled === q.enabled) &&
      (q.mfa === undefined || r.mfa === q.mfa)
    );
  });
  const key = (r: UserListRow): string | number => {
    const v = r[q.sort ?? 'displayName'];
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    return v === null || v === '' ? '\uffff' : String(v).toLowerCase();
  };
  const sign = q.dir === 'desc' ? -1 : 1;
  return kept.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -sign : ka > kb ? sign : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

let list: UserRow[];
let query: UserPageQuery;
let everyone: UserListRow[];

describe('paged user query', () => {
  beforeAll(() => {
    list = users();
    query = UserPageQuery.open(buildSnapshot({ users: list, mfa_registrations: registrations(list) }));
    everyone = query.page({ offset: 0, limit: 5000 }).rows;
  });
  afterAll(() => query.close());

  it('gives each user once with MFA state from the registration join and no failing count yet', () => {
    expect(everyone).toHaveLength(list.length);
    expect(new Set(everyone.map((r) => r.id)).size).toBe(list.length);
    const unregistered = list.filter((_, i) => i % 6 === 5).map((u) => u.id);
    const byId = new Map(everyone.map((r) => [r.id, r]));
    for (const id of unregistered) expect(byId.get(id)).toMatchObject({ mfa: 'not-registered', methods: [] });
    expect(everyone.filter((r) => r.mfa === 'registered').every((r) => r.methods.length === 1)).toBe(true);
    expect(everyone.every((r) => r.failing === null)).toBe(true);
    const u1 = byId.get(list[1].id)!;
    expect(u1.lastSignInDateTime).toBe(list[1].lastSignInDateTime);
    const u3 = byId.get(list[3].id)!;
    expect(u3.lastSignInDateTime).toBe('2026-05-15T00:00:00Z');
    expect(() => query.page({ offset: 0, limit: 10, sort: 'failing' })).toThrow(/not loaded/);
  });

  it('orders every column both ways like the screen, near the top and deep, page by page', () => {
    for (const sort of USER_SORT_KEYS.filter((k) => k !== 'failing')) {
      for (const dir of ['asc', 'desc'] as const) {
        const want = expected(everyone, { offset: 0, limit: 0, sort, dir }).map((r) => r.id);
        const top = query.page({ offset: 0, limit: 100, sort, dir });
        expect(top.total).toBe(list.length);
        expect(
          top.rows.map((r) => r.id),
          `${sort} ${dir} top`,
        ).toEqual(want.slice(0, 100));
        expect(
          query.page({ offset: 950, limit: 40, sort, dir }).rows.map((r) => r.id),
          `${sort} ${dir} 950`,
        ).toEqual(want.slice(950, 990));
        const deep = query.page({ offset: 1100, limit: 250, sort, dir });
        expect(
          deep.rows.map((r) => r.id),
          `${sort} ${dir} deep`,
        ).toEqual(want.slice(1100, 1350));
        expect(query.page({ offset: 400, limit: 5, sort, dir }).rows.map((r) => r.id)).toEqual(want.slice(400, 405));
      }
    }
  });

  it('filters and searches in SQL with the same results as the screen', () => {
    const cases: UserPageRequest[] = [
      { offset: 0, limit: 500, userType: 'Guest' },
      { offset: 0, limit: 500, enabled: false, sort: 'department', dir: 'desc' },
      { offset: 0, limit: 500, mfa: 'not-registered', enabled: true, sort: 'mfa' },
      { offset: 0, limit: 500, search: '  NEEDLE ' },
      { offset: 0, limit: 500, search: 'night aud', userType: 'Member' },
      { offset: 0, limit: 500, search: 'émile', sort: 'lastSignInDateTime', dir: 'desc' },
      { offset: 0, limit: 500, search: 'R&D' },
    ];
    for (const q of cases) {
      const want = expected(everyone, q);
      const got = query.page(q);
      expect(want.length, JSON.stringify(q)).toBeGreaterThan(0);
      expect(got.total, JSON.stringify(q)).toBe(want.length);
      expect(
        got.rows.map((r) => r.id),
        JSON.stringify(q),
      ).toEqual(want.slice(0, 500).map((r) => r.id));
    }
    expect(query.page({ offset: 0, limit: 10, search: 'nobody-has-this' })).toEqual({ total: 0, offset: 0, rows: [] });
  });

  it('shows and sorts failing counts once loaded, and reloads them', () => {
    const counts = new Map(list.filter((_, i) => i % 4 === 1).map((u, i) => [u.id, (i % 3) + 1]));
    query.loadFailingCounts(counts);
    const rows = query.page({ offset: 0, limit: 5000 }).rows;
    for (const r of rows) expect(r.failing).toBe(counts.get(r.id) ?? 0);
    for (const dir of ['asc', 'desc'] as const) {
      const want = expected(rows, { offset: 0, limit: 0, sort: 'failing', dir }).map((r) => r.id);
      expect(query.page({ offset: 0, limit: 300, sort: 'failing', dir }).rows.map((r) => r.id)).toEqual(
        want.slice(0, 300),
      );
      expect(query.page({ offset: 1200, limit: 100, sort: 'failing', dir }).rows.map((r) => r.id)).toEqual(
        want.slice(1200),
      );
    }
    query.loadFailingCounts(new Map([[list[7].id, 9]]));
    const top = query.page({ offset: 0, limit: 2, sort: 'failing', dir: 'desc' }).rows;
    expect(top[0]).toMatchObject({ id: list[7].id, failing: 9 });
    expect(top[1].failing).toBe(0);
    expect(
      query.page({ offset: 1200, limit: 100, sort: 'failing', dir: 'desc' }).rows.every((r) => r.failing === 0),
    ).toBe(true);
  });

  it('calls MFA unknown when the registration report was not collected', () => {
    const q = UserPageQuery.open(
      buildSnapshot({ users: list.slice(0, 20) }, { coverage: { mfaRegistration: 'unavailable' } }),
    );
    try {
      expect(q.page({ offset: 0, limit: 50 }).rows.every((r) => r.mfa === 'unknown')).toBe(true);
      expect(q.page({ offset: 0, limit: 50, mfa: 'unknown' }).total).toBe(20);
    } finally {
      q.close();
    }
  });
});
