/**
 * A small, real, finalized snapshot written through the store: users with the given display names,
 * each registered with e-mail only (so the MFA check fails them), every dataset "complete".
 */
import { createSnapshot } from '../../main/store/index.js';
import { DATASETS } from '../../shared/datasets.js';
import type { UserRow } from '../../shared/snapshot.js';

export function smallUser(i: number, name: string): UserRow {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    userPrincipalName: `user${i}@contoso.example`,
    displayName: name,
    mail: null,
    givenName: null,
    surname: null,
    department: name.slice(0, 40),
    jobTitle: null,
    employeeId: null,
    userType: 'Member',
    accountEnabled: true,
    createdDateTime: '2025-01-01T00:00:00Z',
    onPremisesSyncEnabled: false,
    passwordPolicies: null,
    lastPasswordChangeDateTime: null,
    lastSignInDateTime: '2026-05-30T00:00:00Z',
    lastNonInteractiveSignInDateTime: null,
    domain: 'contoso.example',
    managerId: null,
  };
}

/** Writes the snapshot at `path` (must not exist). */
export function writeSmallSnapshot(path: string, names: readonly string[], tenantName = 'Contoso Test'): void {
  const now = '2026-06-01T00:00:00.000Z';
  const w = createSnapshot(path, {
    snapshotId: 'small-1',
    appVersion: '0.1.0',
    tenantId: '11111111-2222-4333-8444-555555555555',
    tenantName,
    primaryDomain: 'contoso.example',
    cloud: 'global',
    graphBaseUrl: 'https://graph.microsoft.com',
    authMode: 'demo',
    collectedBy: 'auditor@contoso.example',
    clientAppId: null,
    grantedPermissions: ['User.Read.All'],
    licence: 'p2',
    collectionStartedAt: now,
    signInDays: 30,
  });
  const users = names.map((n, i) => smallUser(i + 1, n));
  w.pages('users').writePage({ users: users.map((row) => ({ row, raw: row })) }, null);
  const mfa = users.map((u) => ({
    userId: u.id,
    userPrincipalName: u.userPrincipalName,
    methods: ['email'],
    isMfaRegistered: false,
    isAdmin: false,
    source: 'registrationReport' as const,
  }));
  w.pages('mfaRegistration').writePage({ mfa_registrations: mfa.map((row) => ({ row, raw: row })) }, null);
  for (const d of DATASETS) {
    w.setCoverage({
      dataset: d.id,
      status: 'complete',
      code: null,
      reason: null,
      rows: 0,
      requests: 1,
      throttleWaits: 0,
      startedAt: now,
      finishedAt: now,
    });
  }
  w.setMeta({ collectionFinishedAt: now });
  w.finalize();
  w.close();
}
