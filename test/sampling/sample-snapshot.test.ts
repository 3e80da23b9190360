import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseTerminationsCsv as parseTerminations } from '../../main/checks/terminations-csv.js';
import { sampleSnapshot } from '../../main/sampling/sample-snapshot.js';
import { openSnapshot } from '../../main/store/index.js';
import type { SignInRow } from '../../shared/snapshot.js';
import { assignment, memoryView, roleDef, user, type ViewData } from '../diff/memory-view.js';
import { tempDir, writeSnapshot } from '../diff/sqlite-snapshot.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const signIn = (i: number): SignInRow => ({
  id: `si-${String(i).padStart(5, '0')}`, createdDateTime: `2026-05-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`, userId: `u${i % 50}`,
  userPrincipalName: `user${i % 50}@contoso.com`, appId: 'a', appDisplayName: 'Teams', resourceDisplayName: null, clientAppUsed: 'Browser',
  ipAddress: '203.0.113.9', city: 'Oslo', countryOrRegion: 'NO', errorCode: 0, failureReason: null, conditionalAccessStatus: 'success',
  authenticationRequirement: 'multiFactorAuthentication', riskLevelDuringSignIn: 'none', riskLevelAggregated: null, riskState: null,
  isInteractive: true, deviceId: null, deviceIsCompliant: null, deviceIsManaged: null, deviceTrustType: null,
});

function tenant(): ViewData {
  return {
    users: Array.from({ length: 50 }, (_, i) => user(`u${i}`, `user${i}@contoso.com`, { employeeId: `E${i}`, accountEnabled: i % 5 !== 0 })),
    roleDefinitions: [roleDef('ga', 'Global Administrator', true), roleDef('rd', 'Directory Readers', false)],
    roleAssignments: [assignment('a1', 'u1', 'ga'), assignment('a2', 'u2', 'ga', 'eligible'), assignment('a3', 'u3', 'rd'), assignment('a4', 'u4', 'ga')],
    signIns: Array.from({ length: 3000 }, (_, i) => signIn(i)),
  };
}

describe('sampleSnapshot', () => {
  it('draws the same sample with evidence from a SQLite snapshot as from the same rows in memory', () => {
    const path = join(dir, 's.sqlite');
    writeSnapshot(path, tenant());
    const reader = openSnapshot(path);
    const fromFile = sampleSnapshot(reader, 'sign-ins', 10, '2026');
    reader.close();
    const inMemory = sampleSnapshot(memoryView(tenant()), 'sign-ins', 10, '2026');
    expect(fromFile.items).toEqual(inMemory.items);
    expect(fromFile).toMatchObject({ population: 'sign-ins', populationSize: 3000, sampleSize: 10, seed: '2026', tenantName: 'Contoso' });
    expect(fromFile.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(fromFile.items[0].evidence).toMatchObject({ appDisplayName: 'Teams', location: 'Oslo, NO' });
  });

  it('samples privileged assignments, enabled users and leavers', () => {
    const view = memoryView(tenant());
    const priv = sampleSnapshot(view, 'privileged-assignments', 10, 'x');
    expect(priv.populationSize).toBe(3);
    expect(priv.items.map((i) => i.name).sort()).toEqual(['user1@contoso.com: Global Administrator', 'user2@contoso.com: Global Administrator',
      'user4@contoso.com: Global Administrator']);
    expect(sampleSnapshot(view, 'enabled-users', 5, 'x').populationSize).toBe(40);
    const leavers = parseTerminations('employeeId,lastDay\nE5,2026-04-01\nE7,2026-04-02\nE999,2026-04-03\n');
    const l = sampleSnapshot(view, 'leavers', 3, 'x', leavers);
    expect(l.populationSize).toBe(3);
    const byName = new Map(l.items.map((i) => [i.name, i.evidence]));
    expect(byName.get('user5@contoso.com')).toMatchObject({ match: 'account', accountEnabled: false, terminationDate: '2026-04-01' });
    expect(byName.get('user7@contoso.com')).toMatchObject({ accountEnabled: true });
    expect(byName.get('E999')).toMatchObject({ match: 'no account found', csvLines: '4' });
  });
});
