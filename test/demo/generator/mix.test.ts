/** The tenant has the mix a real one has, in sensible proportions, for every licence tier. */
import { describe, expect, it } from 'vitest';
import { generateTenant } from '../../../main/demo/generator/index.js';
import { tenantOf } from './fixtures.js';

const between = (n: number, lo: number, hi: number): void => {
  expect(n).toBeGreaterThanOrEqual(lo);
  expect(n).toBeLessThanOrEqual(hi);
};

describe('tenant mix', () => {
  const { tenant, truth } = tenantOf(5000, 21, 'p2');
  const users = tenant.users;
  const share = (f: (u: (typeof users)[number]) => boolean): number => users.filter(f).length / users.length;

  it('fills every collection', () => {
    for (const [k, v] of Object.entries(tenant)) {
      if (Array.isArray(v)) expect(v.length, k).toBeGreaterThan(0);
      if (v instanceof Map) expect(v.size, k).toBeGreaterThan(0);
    }
    expect(tenant.signIns.count()).toBeGreaterThan(0);
  });

  it('has members, guests, service accounts, disabled, synced and federated users in proportion', () => {
    expect(users).toHaveLength(truth.counts.users);
    between(share((u) => u.userType === 'Guest'), 0.07, 0.13);
    between(truth.counts.serviceAccounts / users.length, 0.01, 0.03);
    between(share((u) => u.accountEnabled === false), 0.03, 0.09);
    between(share((u) => u.onPremisesSyncEnabled === true), 0.1, 0.25);
    between(truth.counts.federated / users.length, 0.04, 0.1);
    for (const g of users.filter((u) => u.userType === 'Guest')) {
      expect(g.userPrincipalName).toMatch(/#EXT#@/);
      expect(String(g.userPrincipalName).startsWith(`${String(g.mail).replace('@', '_')}#EXT#@`)).toBe(true);
      expect(g.creationType).toBe('Invitation');
      expect(g.employeeId).toBeNull();
    }
    const members = users.filter((u) => u.userType === 'Member' && !String(u.userPrincipalName).startsWith('svc-') && !String(u.userPrincipalName).startsWith('breakglass'));
    expect(members.every((u) => typeof u.employeeId === 'string' && u.department && u.jobTitle)).toBe(true);
    expect(tenant.userManagers.size).toBeGreaterThan(members.length * 0.8);
    expect(users.some((u) => u.passwordPolicies === 'DisablePasswordExpiration')).toBe(true);
    expect(tenant.deletedUsers.every((u) => typeof u.deletedDateTime === 'string')).toBe(true);
    expect(tenant.deletedUsers.some((u) => u.userType === 'Guest')).toBe(true);
  });

  it('has names in several scripts', () => {
    const names = users.map((u) => String(u.displayName));
    for (const re of [/[\u00C0-\u017F]/, /[\u3040-\u30FF\u4E00-\u9FFF]/, /[\u0600-\u06FF]/, /[\u0400-\u04FF]/]) expect(names.some((n) => re.test(n)), String(re)).toBe(true);
  });

  it('has every MFA profile and sign-in activity kind', () => {
    const profiles = new Set([...truth.users.values()].map((u) => u.mfaProfile));
    for (const p of ['authenticator', 'authenticatorPhone', 'fido2', 'whfb', 'softwareOath', 'phoneSms', 'phoneVoiceOffice', 'emailOnly', 'tapOnly', 'passwordOnly', 'federated']) expect(profiles.has(p as never), p).toBe(true);
    const activities = new Set([...truth.users.values()].map((u) => u.activity));
    expect(activities.size).toBe(6);
    const all = [...truth.users.values()].filter((u) => !u.deleted);
    between(all.filter((u) => u.stale).length / all.length, 0.05, 0.2);
    between(all.filter((u) => u.neverSignedIn).length / all.length, 0.03, 0.15);
  });

  it('has the group kinds: security, Microsoft 365, nested, role-assignable, non-user members', () => {
    const ids = new Set(tenant.groups.map((g) => g.id));
    expect(tenant.groups.some((g) => (g.groupTypes as string[]).includes('Unified'))).toBe(true);
    expect(tenant.groups.some((g) => (g.groupTypes as string[]).length === 0 && g.securityEnabled)).toBe(true);
    expect(tenant.groups.some((g) => g.isAssignableToRole === true)).toBe(true);
    expect([...tenant.groupMembers.values()].some((ms) => ms.some((m) => ids.has(m)))).toBe(true);
    const deviceIds = new Set(tenant.devices.map((d) => d.id));
    const spIds = new Set(tenant.servicePrincipals.map((s) => s.id));
    expect([...tenant.groupMembers.values()].some((ms) => ms.some((m) => deviceIds.has(m)))).toBe(true);
    expect([...tenant.groupMembers.values()].some((ms) => ms.some((m) => spIds.has(m)))).toBe(true);
  });

  it('has SSO apps of both kinds, the Graph service principal and app permissions', () => {
    const modes = new Set(tenant.servicePrincipals.map((s) => s.preferredSingleSignOnMode));
    expect(modes.has('saml') && modes.has('oidc')).toBe(true);
    const graph = tenant.servicePrincipals.find((s) => s.appId === '00000003-0000-0000-c000-000000000000')!;
    const roles = new Map((graph.appRoles as { id: string; value: string }[]).map((r) => [r.value, r.id]));
    expect(roles.get('Directory.ReadWrite.All')).toBe('19dbc75e-c2e2-444c-a770-ec69d8559fc7');
    expect(roles.get('RoleManagement.ReadWrite.Directory')).toBe('9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8');
    const assigned = [...tenant.appRoleAssignedTo.values()].flat();
    expect(new Set(assigned.map((a) => a.principalType))).toEqual(new Set(['User', 'Group']));
    for (const a of [...tenant.appRoleAssignments.values()].flat()) expect(a.resourceId).toBe(graph.id);
  });

  it('has compliant, non-compliant and unmanaged devices on four platforms, each with an owner', () => {
    between(truth.devices.compliant / tenant.devices.length, 0.5, 0.7);
    expect(truth.devices.nonCompliant).toBeGreaterThan(0);
    expect(truth.devices.unmanaged).toBeGreaterThan(0);
    expect(new Set(tenant.devices.map((d) => d.operatingSystem)).size).toBe(4);
    const ids = new Set(users.map((u) => u.id));
    for (const d of tenant.devices) expect(ids.has(tenant.deviceOwners.get(d.id)![0])).toBe(true);
  });

  it('has risky users in each state, and alerts', () => {
    const states = new Set(tenant.riskyUsers.map((r) => r.riskState));
    for (const s of ['atRisk', 'remediated', 'dismissed']) expect(states.has(s), s).toBe(true);
    const riskyIds = new Set(tenant.riskyUsers.map((r) => r.id));
    for (const d of tenant.riskDetections) expect(riskyIds.has(String(d.userId))).toBe(true);
    expect(tenant.alerts.length).toBeGreaterThan(5);
  });
});

describe('licence tiers', () => {
  const skus = (l: 'free' | 'p1' | 'p2'): string[] => tenantOf(60, 4, l).tenant.subscribedSkus.flatMap((s) => (s.servicePlans as { servicePlanName: string }[]).map((p) => p.servicePlanName));

  it('free: security defaults on, no conditional access, no Entra premium plan, no PIM', () => {
    const { tenant, truth } = tenantOf(60, 4, 'free');
    expect(tenant.securityDefaults.isEnabled).toBe(true);
    expect(tenant.conditionalAccessPolicies).toEqual([]);
    expect(skus('free')).not.toContain('AAD_PREMIUM');
    expect(tenant.roleEligibilitySchedules).toEqual([]);
    expect(truth.apps.every((a) => a.coverage === 'none')).toBe(true);
  });

  it('p1: AAD_PREMIUM, policies without risk conditions, no PIM', () => {
    const { tenant } = tenantOf(60, 4, 'p1');
    expect(tenant.securityDefaults.isEnabled).toBe(false);
    expect(skus('p1')).toContain('AAD_PREMIUM');
    expect(skus('p1')).not.toContain('AAD_PREMIUM_P2');
    expect(tenant.conditionalAccessPolicies.every((p) => (p.conditions as { signInRiskLevels: string[] }).signInRiskLevels.length === 0)).toBe(true);
    expect(tenant.roleEligibilitySchedules).toEqual([]);
    expect(tenant.roleAssignmentSchedules).toEqual([]);
  });

  it('p2: AAD_PREMIUM_P2, risk-based policies, PIM schedules', () => {
    const { tenant } = tenantOf(60, 4, 'p2');
    expect(skus('p2')).toContain('AAD_PREMIUM_P2');
    expect(tenant.conditionalAccessPolicies.some((p) => (p.conditions as { signInRiskLevels: string[] }).signInRiskLevels.includes('high'))).toBe(true);
    expect(tenant.conditionalAccessPolicies.some((p) => (p.conditions as { userRiskLevels: string[] }).userRiskLevels.includes('high'))).toBe(true);
    expect(tenant.roleEligibilitySchedules.length).toBeGreaterThan(0);
    expect(tenant.roleAssignmentSchedules.length).toBe(tenant.roleAssignments.length);
  });

  it('honours the Global Administrator count, and still builds a 10-user tenant', () => {
    expect(generateTenant({ users: 300, seed: 2, licence: 'p1', globalAdmins: 8 }).truth.globalAdminIds).toHaveLength(8);
    const tiny = generateTenant({ users: 10, seed: 2, licence: 'p2' });
    expect(tiny.tenant.users.length + tiny.tenant.deletedUsers.length).toBe(10);
    expect(tiny.truth.breakGlassIds).toHaveLength(2);
    expect(tiny.terminationsCsv.split('\r\n').length).toBeGreaterThan(2);
  });
});
