/**
 * The SQL summaries must say exactly what a row-by-row reading of the same sign-ins says: every
 * combination of success, interactivity, device state (including unknown), risk and client app.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createSnapshot, openSnapshot } from '../../main/store/index.js';
import type { SignInSummary } from '../../main/store/types.js';
import type { SignInRow } from '../../shared/snapshot.js';
import { META, SAMPLES, tempDir } from './fixtures.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

/** Every combination of the fields the summaries look at, spread over three users (and one without). */
function variedSignIns(): SignInRow[] {
  const out: SignInRow[] = [];
  const bools = [true, false, null];
  let n = 0;
  for (const userId of ['u1', 'u2', 'u3', ''])
    for (const clientAppUsed of ['Browser', 'IMAP4', 'Exchange ActiveSync', null, ''])
      for (const errorCode of [0, 50126])
        for (const isInteractive of bools)
          for (const authenticationRequirement of ['singleFactorAuthentication', 'multiFactorAuthentication', null])
            for (const deviceId of ['d1', '', null])
              for (const deviceIsCompliant of bools)
                for (const deviceIsManaged of bools) {
                  n++;
                  out.push({ ...SAMPLES.sign_ins, id: `s${n}`, userId, userPrincipalName: `${userId || 'x'}${n % 2 ? 'b' : 'a'}@contoso.example`,
                    createdDateTime: new Date(Date.UTC(2026, 10, 1) + n * 60_000).toISOString(), clientAppUsed, errorCode, isInteractive,
                    authenticationRequirement, deviceId, deviceIsCompliant, deviceIsManaged, riskLevelDuringSignIn: n % 5 ? 'none' : 'high' });
                }
  return out;
}

/** The reading the summaries replace, one row at a time. */
function foldRows(rows: SignInRow[]): SignInSummary[] {
  const byKey = new Map<string, SignInSummary>();
  for (const s of rows) {
    if (!s.userId) continue;
    const key = `${s.userId}\u0000${s.clientAppUsed ?? '\u0001null'}`;
    let t = byKey.get(key);
    if (!t) {
      t = { userId: s.userId, userPrincipalName: s.userPrincipalName, clientAppUsed: s.clientAppUsed, signIns: 0, successes: 0, lastSuccess: null,
        singleFactorSuccesses: 0, nonCompliantDeviceSuccesses: 0, unmanagedDeviceSuccesses: 0, highRiskSuccesses: 0 };
      byKey.set(key, t);
    }
    t.signIns++;
    if (s.userPrincipalName < t.userPrincipalName) t.userPrincipalName = s.userPrincipalName;
    if (s.errorCode !== 0) continue;
    t.successes++;
    if (!t.lastSuccess || s.createdDateTime > t.lastSuccess) t.lastSuccess = s.createdDateTime;
    if (s.isInteractive !== false && s.authenticationRequirement === 'singleFactorAuthentication') t.singleFactorSuccesses++;
    if (s.deviceId && s.deviceIsCompliant === false && s.deviceIsManaged === true) t.nonCompliantDeviceSuccesses++;
    else if (!s.deviceId || s.deviceIsManaged === false) t.unmanagedDeviceSuccesses++;
    if (s.riskLevelDuringSignIn === 'high') t.highRiskSuccesses++;
  }
  const key = (s: SignInSummary): string => `${s.userId}\u0000${s.clientAppUsed ?? ''}`;
  return [...byKey.values()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

describe('signInSummaries', () => {
  it('agrees with a row-by-row count for every combination of the fields it reads', () => {
    const rows = variedSignIns();
    const path = join(dir, 'varied.sqlite');
    const w = createSnapshot(path, META);
    w.pages('signIns').writePage({ sign_ins: rows.map((row) => ({ row, raw: row })) }, null);
    w.finalize();
    const reader = openSnapshot(path);
    try {
      const summaries = reader.signInSummaries();
      expect(summaries.length).toBe(3 * 5);
      expect(summaries).toEqual(foldRows(rows));
      expect(summaries.some((s) => s.nonCompliantDeviceSuccesses > 0 && s.unmanagedDeviceSuccesses > 0 && s.singleFactorSuccesses > 0)).toBe(true);
    } finally {
      reader.close();
    }
  });

  it('reads the covering index of a finished snapshot and says the same as the table without it (schema 1 files)', () => {
    const rows = variedSignIns();
    const path = join(dir, 'indexed.sqlite');
    const w = createSnapshot(path, META);
    w.pages('signIns').writePage({ sign_ins: rows.map((row) => ({ row, raw: row })) }, null);
    w.finalize();
    const plan = (file: string): string => {
      const db = new Database(file, { readonly: true });
      try {
        const indexed = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sign_ins_summary'").get();
        return indexed ? 'index' : 'table';
      } finally {
        db.close();
      }
    };
    expect(plan(path)).toBe('index');
    const withIndex = openSnapshot(path);
    const fromIndex = withIndex.signInSummaries();
    withIndex.close();

    const older = join(dir, 'without-index.sqlite');
    copyFileSync(path, older);
    const db = new Database(older);
    db.exec('DROP INDEX sign_ins_summary');
    db.close();
    expect(plan(older)).toBe('table');
    const withoutIndex = openSnapshot(older);
    try {
      expect(withoutIndex.signInSummaries()).toEqual(fromIndex);
      expect(fromIndex).toEqual(foldRows(rows));
    } finally {
      withoutIndex.close();
    }
  });

  it('is empty for a snapshot without sign-ins', () => {
    const path = join(dir, 'empty.sqlite');
    createSnapshot(path, META).finalize();
    const reader = openSnapshot(path);
    try {
      expect(reader.signInSummaries()).toEqual([]);
    } finally {
      reader.close();
    }
  });
});
