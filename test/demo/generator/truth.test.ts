/** The ground truth agrees with the data it describes. */
import { describe, expect, it } from 'vitest';
import { tenantOf } from './fixtures.js';
import { BUILT_IN_ROLES } from '../../../main/demo/generator/roles.js';

const STRONG_TYPES = new Set([
  '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod',
  '#microsoft.graph.fido2AuthenticationMethod',
  '#microsoft.graph.windowsHelloForBusinessAuthenticationMethod',
  '#microsoft.graph.softwareOathAuthenticationMethod',
]);
const DAY = 86_400_000;

describe('ground truth vs data', () => {
  const { tenant, truth, terminationsCsv } = tenantOf(2000, 9, 'p2');
  const usersById = new Map(tenant.users.map((u) => [u.id, u]));
  const regById = new Map(tenant.userRegistrationDetails.map((r) => [r.id, r]));

  it('MFA facts match the method objects and the registration report', () => {
    let weak = 0;
    for (const t of truth.users.values()) {
      if (t.deleted) continue;
      const methods = tenant.authenticationMethods.get(t.id)!;
      expect(methods.some((m) => m['@odata.type'] === '#microsoft.graph.passwordAuthenticationMethod')).toBe(true);
      const strong = methods.some((m) => STRONG_TYPES.has(String(m['@odata.type'])));
      expect(strong, t.userPrincipalName).toBe(t.strongMfaRegistered);
      if (t.onlyWeakMethods) weak++;
      if (t.passwordOnly) expect(methods).toHaveLength(1);
      if (t.onlySmsVoice) expect(methods.filter((m) => m['@odata.type'] === '#microsoft.graph.phoneAuthenticationMethod').length).toBeGreaterThan(0);
      if (t.federated) {
        expect(methods).toHaveLength(1);
        expect(String(t.userPrincipalName).endsWith(tenant.domains.find((d) => d.authenticationType === 'Federated')!.id)).toBe(true);
      }
      expect(regById.get(t.id)!.isMfaRegistered).toBe(t.mfaRegistered);
      expect(regById.get(t.id)!.userType).toBe(t.guest ? 'guest' : 'member');
    }
    expect(weak).toBeGreaterThan(0);
  });

  it('stale and never-signed-in facts match signInActivity', () => {
    const nowMs = Date.parse(tenant.now);
    const kinds = { stale: 0, neverOld: 0, neverRecent: 0, interactiveOnlyStale: 0 };
    for (const t of truth.users.values()) {
      if (t.deleted) continue;
      const sia = usersById.get(t.id)!.signInActivity as Record<string, string | null>;
      const li = sia.lastSignInDateTime ? Date.parse(sia.lastSignInDateTime) : null;
      const ln = sia.lastNonInteractiveSignInDateTime && !sia.lastNonInteractiveSignInDateTime.startsWith('0001') ? Date.parse(sia.lastNonInteractiveSignInDateTime) : null;
      expect(t.neverSignedIn).toBe(li === null && ln === null);
      if (t.stale) {
        kinds.stale++;
        expect(nowMs - Math.max(li ?? 0, ln ?? 0)).toBeGreaterThan(90 * DAY);
      }
      if (t.neverSignedIn && t.createdBeforeThreshold) kinds.neverOld++;
      if (t.neverSignedIn && !t.createdBeforeThreshold) kinds.neverRecent++;
      if (t.interactiveOnlyStale) kinds.interactiveOnlyStale++;
      expect(t.createdBeforeThreshold).toBe(nowMs - Date.parse(String(usersById.get(t.id)!.createdDateTime)) > 90 * DAY);
    }
    for (const [k, n] of Object.entries(kinds)) expect(n, k).toBeGreaterThan(0);
  });

  it('roles: global admins, break-glass, special holders', () => {
    const ga = tenant.roleAssignments.filter((a) => a.roleDefinitionId === BUILT_IN_ROLES.globalAdministrator.id).map((a) => a.principalId);
    expect(new Set(ga)).toEqual(new Set(truth.globalAdminIds));
    expect(truth.globalAdminIds).toHaveLength(5);
    expect(truth.breakGlassIds).toHaveLength(2);
    for (const id of truth.breakGlassIds) expect(truth.globalAdminIds).toContain(id);
    expect(truth.guestRoleHolderIds.length).toBeGreaterThan(0);
    for (const id of truth.guestRoleHolderIds) expect(usersById.get(id)!.userType).toBe('Guest');
    expect(truth.syncedPrivilegedHolderIds.length).toBeGreaterThan(0);
    for (const id of truth.syncedPrivilegedHolderIds) expect(usersById.get(id)!.onPremisesSyncEnabled).toBe(true);
    expect(truth.disabledPrivilegedHolderIds.length).toBeGreaterThan(0);
    for (const id of truth.disabledPrivilegedHolderIds) expect(usersById.get(id)!.accountEnabled).toBe(false);
    expect(truth.privilegedWithoutStrongMfaIds.length).toBeGreaterThan(0);
    expect(truth.privilegedWithoutMfaIds.length).toBeGreaterThan(0);
    expect(truth.eligiblePrivileged.length).toBe(tenant.roleEligibilitySchedules.length);
    expect(truth.timeBoundPrivileged.length).toBeGreaterThan(0);
    const eligibleIds = new Set(tenant.roleEligibilitySchedules.map((s) => s.principalId));
    for (const g of truth.eligiblePrivileged) expect(eligibleIds.has(g.principalId)).toBe(true);
  });

  it('every conditional access policy excludes both break-glass accounts', () => {
    expect(tenant.conditionalAccessPolicies.length).toBeGreaterThan(5);
    for (const p of tenant.conditionalAccessPolicies) {
      const users = (p.conditions as { users: { excludeUsers: string[] } }).users;
      for (const id of truth.breakGlassIds) expect(users.excludeUsers).toContain(id);
    }
    expect(new Set(tenant.conditionalAccessPolicies.map((p) => p.state))).toEqual(new Set(['enabled', 'disabled', 'enabledForReportingButNotEnforced']));
  });

  it('app coverage: full, partial and none all present and consistent with policies', () => {
    const byCov = (c: string) => truth.apps.filter((a) => a.coverage === c);
    for (const c of ['full', 'partial', 'none']) expect(byCov(c).length, c).toBeGreaterThan(0);
    const enabled = tenant.conditionalAccessPolicies.filter((p) => p.state === 'enabled');
    for (const a of byCov('none')) {
      for (const p of enabled) {
        const apps = (p.conditions as { applications: { includeApplications: string[]; excludeApplications: string[] } }).applications;
        const grant = p.grantControls as { builtInControls: string[]; authenticationStrength: unknown };
        const mfa = grant.builtInControls.includes('mfa') || grant.authenticationStrength;
        const users = (p.conditions as { users: { includeUsers: string[] } }).users;
        const c = p.conditions as { signInRiskLevels: string[]; userRiskLevels: string[]; locations: unknown; clientAppTypes: string[] };
        const unconditional = c.signInRiskLevels.length === 0 && c.userRiskLevels.length === 0 && c.locations === null && c.clientAppTypes.includes('all');
        const forAllUsers = users.includeUsers.includes('All') && unconditional;
        const covers = apps.includeApplications.includes(a.appId) || (apps.includeApplications.includes('All') && !apps.excludeApplications.includes(a.appId));
        if (mfa && forAllUsers) expect(covers, `${a.displayName} in ${p.displayName}`).toBe(false);
      }
    }
  });

  it('credentials: expired, expiring and long-lived are what the dates say', () => {
    const nowMs = Date.parse(tenant.now);
    const creds = tenant.applications.flatMap((a) => [...(a.passwordCredentials as { keyId: string; endDateTime: string; startDateTime: string }[]), ...(a.keyCredentials as { keyId: string; endDateTime: string; startDateTime: string }[])]);
    const byKey = new Map(creds.map((c) => [c.keyId, c]));
    expect(truth.expiredCredentialKeyIds.length).toBeGreaterThan(0);
    for (const k of truth.expiredCredentialKeyIds) expect(Date.parse(byKey.get(k)!.endDateTime)).toBeLessThanOrEqual(nowMs);
    expect(truth.expiringCredentialKeyIds.length).toBeGreaterThan(0);
    for (const k of truth.expiringCredentialKeyIds) expect(Date.parse(byKey.get(k)!.endDateTime) - nowMs).toBeLessThanOrEqual(30 * DAY);
    for (const k of truth.credentialsOver365DaysKeyIds) {
      const c = byKey.get(k)!;
      expect(Date.parse(c.endDateTime) - Date.parse(c.startDateTime)).toBeGreaterThan(365 * DAY);
    }
    expect(truth.credentialsOver180DaysKeyIds.length).toBeGreaterThan(truth.credentialsOver365DaysKeyIds.length);
    for (const c of creds) expect(JSON.stringify(c)).not.toMatch(/"secretText":"/);
    expect(truth.ownerlessApplicationIds.length).toBeGreaterThan(0);
    for (const id of truth.ownerlessApplicationIds) expect(tenant.applicationOwners.get(id)).toEqual([]);
    expect(truth.highPrivilegeServicePrincipals.size).toBeGreaterThan(0);
    for (const spId of truth.highPrivilegeServicePrincipals.keys()) expect(tenant.appRoleAssignments.get(spId)!.length).toBeGreaterThan(0);
  });

  it('leavers: CSV rows, offboarded and not, kept access matches memberships', () => {
    const lines = terminationsCsv.trim().split('\r\n');
    expect(lines[0]).toBe('userPrincipalName,employeeId,displayName,terminationDate');
    expect(lines.length - 1).toBe(truth.leavers.length);
    const kinds = new Set(truth.leavers.map((l) => l.kind));
    for (const k of ['deleted', 'disabledClean', 'stillEnabled', 'disabledWithAccess', 'disabledLate', 'unmatched']) expect(kinds.has(k as never), k).toBe(true);
    const deletedIds = new Set(tenant.deletedUsers.map((u) => u.id));
    const memberOf = new Map<string, number>();
    for (const ms of tenant.groupMembers.values()) for (const m of ms) memberOf.set(m, (memberOf.get(m) ?? 0) + 1);
    for (const l of truth.leavers) {
      if (l.kind === 'unmatched') {
        expect(tenant.users.some((u) => u.userPrincipalName === l.userPrincipalName || u.employeeId === l.employeeId)).toBe(false);
        continue;
      }
      if (l.kind === 'deleted') {
        expect(deletedIds.has(l.userId!)).toBe(true);
        expect(l.offboardedCorrectly).toBe(true);
        continue;
      }
      const u = usersById.get(l.userId!)!;
      expect(u.employeeId).toBe(l.employeeId);
      expect(u.accountEnabled).toBe(l.keptAccess.enabled);
      expect(memberOf.get(l.userId!) ?? 0).toBe(l.keptAccess.groups.length);
      if (l.kind === 'disabledClean') expect(l.offboardedCorrectly).toBe(true);
      else expect(l.offboardedCorrectly).toBe(false);
      if (l.kind === 'disabledLate') expect(l.signInAfterGrace).toBe(true);
      if (l.kind === 'disabledWithAccess') expect(l.keptAccess.groups.length + l.keptAccess.roles.length + l.keptAccess.apps.length).toBeGreaterThan(0);
    }
  });
});
