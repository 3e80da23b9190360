/**
 * The report's per-artifact counts come from SQL aggregates; they must equal what counting the typed
 * rows gives, including the edge cases SQL treats differently (NULL booleans, blank dates, empty tables).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSnapshot, openSnapshot, type TableRecords } from '../../main/store/index.js';
import type { EvidenceCounts, SnapshotReader } from '../../main/store/types.js';
import { META, rawOf, SAMPLES, tempDir } from './fixtures.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

type Users = NonNullable<TableRecords['users']>;

/** The counts as the typed rows state them (what the report computed before the aggregates). */
function countedFromRows(r: SnapshotReader): EvidenceCounts {
  const users = r.users();
  const mfa = r.mfaRegistrations();
  const sps = r.servicePrincipals();
  return {
    users: {
      total: users.length,
      enabled: users.filter((u) => u.accountEnabled).length,
      guests: users.filter((u) => u.userType === 'Guest').length,
      neverSignedIn: users.filter((u) => !u.lastSignInDateTime && !u.lastNonInteractiveSignInDateTime).length,
      synced: users.filter((u) => u.onPremisesSyncEnabled).length,
    },
    mfa: { users: mfa.length, registered: mfa.filter((m) => m.isMfaRegistered).length },
    groups: { groups: r.groups().length, memberships: r.groupMembers().length },
    apps: {
      servicePrincipals: sps.length,
      sso: sps.filter((s) => s.preferredSingleSignOnMode === 'saml' || s.preferredSingleSignOnMode === 'oidc').length,
      assignments: r.appAssignments().length,
    },
  };
}

function snapshotWith(records: Partial<TableRecords>): SnapshotReader {
  const path = `${dir}/s.sqlite`;
  const w = createSnapshot(path, META);
  w.pages('users').writePage(records as TableRecords, null);
  w.finalize();
  return openSnapshot(path, { readonly: true });
}

describe('evidence counts', () => {
  it('are all zero on empty tables (not null)', () => {
    const r = snapshotWith({});
    expect(r.evidenceCounts()).toEqual({
      users: { total: 0, enabled: 0, guests: 0, neverSignedIn: 0, synced: 0 },
      mfa: { users: 0, registered: 0 },
      groups: { groups: 0, memberships: 0 },
      apps: { servicePrincipals: 0, sso: 0, assignments: 0 },
    });
    r.close();
  });

  it('equal the counts of the typed rows, edge cases included', () => {
    const u = SAMPLES.users;
    const rows: Users[number]['row'][] = [
      { ...u, id: 'a', accountEnabled: true, userType: 'Member', onPremisesSyncEnabled: true },
      { ...u, id: 'b', accountEnabled: false, userType: 'Guest', lastSignInDateTime: null, lastNonInteractiveSignInDateTime: '' },
      { ...u, id: 'c', accountEnabled: null as unknown as boolean, userType: 'guest' as 'Guest', onPremisesSyncEnabled: null as unknown as boolean },
      { ...u, id: 'd', lastSignInDateTime: null, lastNonInteractiveSignInDateTime: '2026-11-01T00:00:00Z' },
      { ...u, id: 'e', lastSignInDateTime: null, lastNonInteractiveSignInDateTime: null },
    ];
    const users: Users = rows.map((row) => ({ row, raw: rawOf(row) }));
    const sp = SAMPLES.service_principals;
    const r = snapshotWith({
      users,
      mfa_registrations: [true, false, true].map((isMfaRegistered, i) => {
        const row = { ...SAMPLES.mfa_registrations, userId: `m${i}`, isMfaRegistered };
        return { row, raw: rawOf(row) };
      }),
      service_principals: ['saml', 'oidc', 'password', null].map((mode, i) => {
        const row = { ...sp, id: `sp${i}`, preferredSingleSignOnMode: mode };
        return { row, raw: rawOf(row) };
      }),
      groups: [{ row: SAMPLES.groups, raw: rawOf(SAMPLES.groups) }],
      group_members: [{ row: SAMPLES.group_members, raw: rawOf(SAMPLES.group_members) }],
      app_assignments: [{ row: SAMPLES.app_assignments, raw: rawOf(SAMPLES.app_assignments) }],
    });
    const counts = r.evidenceCounts();
    expect(counts).toEqual(countedFromRows(r));
    expect(counts.users).toEqual({ total: 5, enabled: 3, guests: 1, neverSignedIn: 2, synced: 1 });
    expect(counts.apps.sso).toBe(2);
    expect(counts.mfa).toEqual({ users: 3, registered: 2 });
    r.close();
  });

  it('name only the users asked for that exist', () => {
    const row = { ...SAMPLES.users, displayName: null as unknown as string };
    const r = snapshotWith({
      users: [{ row: SAMPLES.users, raw: rawOf(SAMPLES.users) }, { row: { ...row, id: 'u2' }, raw: rawOf(row) }],
    });
    expect(r.userDisplayNames(['u1', 'u2', 'nobody'])).toEqual(new Map([['u1', SAMPLES.users.displayName], ['u2', '']]));
    r.close();
  });
});
