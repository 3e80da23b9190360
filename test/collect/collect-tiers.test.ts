import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LicenceTier } from '../../shared/datasets.js';
import { matchRoute } from '../../main/demo/emulator/routes.js';
import { TenantIndex } from '../../main/demo/emulator/tenant-index.js';
import { openSnapshot, verifyContentHash, type SqliteSnapshotReader } from '../../main/store/snapshot-reader.js';
import type { GraphObject } from '../../main/demo/tenant.js';
import { collectInto, readerFor, serveTenant, tempDir, type Collected, type Served } from './harness.js';

const RANK: Record<LicenceTier, number> = { free: 0, p1: 1, p2: 2 };
/** Whether the emulator serves a path at a licence tier (its route table is the truth). */
function servedAt(path: string, licence: LicenceTier): boolean {
  const m = matchRoute(path.split('/').filter(Boolean));
  if (!m) throw new Error(`no route ${path}`);
  return !m.route.licence || RANK[licence] >= RANK[m.route.licence.tier];
}

const count = (m: Map<string, unknown[]>) => [...m.values()].reduce((n, l) => n + l.length, 0);

describe.each<LicenceTier>(['free', 'p1', 'p2'])('collecting a %s tenant over HTTPS', (licence) => {
  let served: Served;
  let collected: Collected;
  let reader: SqliteSnapshotReader;
  let cleanup: () => void;

  beforeAll(async () => {
    served = await serveTenant({ users: 60, licence });
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const { graph } = readerFor(served);
    const path = join(tmp.dir, 'snapshot.sqlite');
    collected = await collectInto(served, graph, path);
    graph.close();
    reader = openSnapshot(path);
  }, 60_000);

  afterAll(async () => {
    reader?.close();
    await served?.close();
    cleanup?.();
  });

  const t = () => served.generated.tenant;

  it('collects everything the licence allows, and says why the rest is missing', () => {
    expect(collected.report.incomplete).toEqual([]);
    const status = Object.fromEntries(collected.report.coverage.map((c) => [c.dataset, c.status]));
    const premium = licence !== 'free';
    expect(status.signIns).toBe(premium ? 'complete' : 'unavailable');
    expect(status.signInActivity).toBe(premium ? 'complete' : 'unavailable');
    expect(status.pimEligibility).toBe(
      servedAt('/roleManagement/directory/roleEligibilitySchedules', licence) ? 'complete' : 'unavailable',
    );
    expect(status.riskDetections).toBe(
      servedAt('/identityProtection/riskDetections', licence) ? 'complete' : 'unavailable',
    );
    expect(status.riskyUsers).toBe(servedAt('/identityProtection/riskyUsers', licence) ? 'complete' : 'unavailable');
    for (const d of [
      'organization',
      'subscribedSkus',
      'domains',
      'users',
      'deletedUsers',
      'mfaRegistration',
      'conditionalAccess',
      'groups',
      'roles',
      'applications',
      'devices',
      'alerts',
    ]) {
      expect(status[d], d).toBe('complete');
    }
    for (const c of collected.report.coverage.filter((x) => x.status === 'unavailable')) {
      expect(c.code).toMatch(/NonPremium|PremiumLicense/);
      expect(c.reason).toMatch(/Licence/);
      expect(c.rows).toBe(0);
    }
    if (!premium) expect(reader.coverageOf('signInActivity').reason).toMatch(/Last sign-in dates were not collected/);
  });

  it('matches the generator in counts per dataset', () => {
    const tenant = t();
    const index = new TenantIndex(tenant);
    expect(reader.users()).toHaveLength(tenant.users.length);
    expect(reader.deletedUsers()).toHaveLength(tenant.deletedUsers.length);
    const managed = tenant.users.filter((u) => tenant.userManagers.has(u.id)).length;
    expect(managed).toBeGreaterThan(0);
    expect(reader.users().filter((u) => u.managerId !== null)).toHaveLength(managed);
    expect(reader.groups()).toHaveLength(tenant.groups.length);
    const members = tenant.groups.reduce((n, g) => n + index.typed(index.transitiveMemberIds(g.id)).length, 0);
    expect(reader.groupMembers()).toHaveLength(members);
    expect(reader.roleDefinitions()).toHaveLength(tenant.roleDefinitions.length);
    const roles = reader.roleAssignments();
    expect(roles.filter((r) => r.kind === 'active')).toHaveLength(tenant.roleAssignments.length);
    expect(roles.filter((r) => r.kind === 'eligible')).toHaveLength(
      servedAt('/roleManagement/directory/roleEligibilitySchedules', licence)
        ? tenant.roleEligibilitySchedules.length
        : 0,
    );
    expect(reader.servicePrincipals()).toHaveLength(tenant.servicePrincipals.length);
    expect(reader.appAssignments()).toHaveLength(count(tenant.appRoleAssignedTo));
    expect(reader.appPermissionGrants()).toHaveLength(count(tenant.appRoleAssignments));
    expect(reader.applications()).toHaveLength(tenant.applications.length);
    const creds = tenant.applications.reduce(
      (n, a) => n + (a.passwordCredentials as unknown[]).length + (a.keyCredentials as unknown[]).length,
      0,
    );
    expect(reader.appCredentials()).toHaveLength(creds);
    expect(reader.devices()).toHaveLength(tenant.devices.length);
    expect(reader.conditionalAccessPolicies()).toHaveLength(tenant.conditionalAccessPolicies.length);
    expect(reader.namedLocations()).toHaveLength(tenant.namedLocations.length);
    expect(reader.authenticationStrengthPolicies()).toHaveLength(tenant.authenticationStrengthPolicies.length);
    expect(reader.securityDefaultsEnabled()).toBe(tenant.securityDefaults.isEnabled);
    expect(reader.alerts()).toHaveLength(tenant.alerts.length);
    expect(reader.domains()).toHaveLength(tenant.domains.length);
    expect(reader.skus()).toHaveLength(tenant.subscribedSkus.length);
    expect(reader.riskDetections()).toHaveLength(
      servedAt('/identityProtection/riskDetections', licence) ? tenant.riskDetections.length : 0,
    );
    expect(reader.riskyUsers()).toHaveLength(
      servedAt('/identityProtection/riskyUsers', licence) ? tenant.riskyUsers.length : 0,
    );
    const meta = reader.meta();
    const { from, to } = {
      from: reader.metaValue('signInWindowFrom') as string,
      to: reader.metaValue('signInWindowTo') as string,
    };
    expect(reader.signInCount()).toBe(licence === 'free' ? 0 : tenant.signIns.count(from, to));
    expect(meta).toMatchObject({ tenantId: tenant.tenantId, tenantName: tenant.displayName, licence });
    expect(meta.primaryDomain).toBe(tenant.domains.find((d) => d.isDefault === true)?.id);
  });

  it('keeps sampled fields and raw JSON as Graph returned them', () => {
    const tenant = t();
    const byId = new Map(reader.users().map((u) => [u.id, u]));
    for (const u of tenant.users.filter((_, i) => i % 7 === 0)) {
      const row = byId.get(u.id)!;
      expect(row).toMatchObject({
        userPrincipalName: u.userPrincipalName,
        displayName: u.displayName,
        accountEnabled: u.accountEnabled,
        userType: u.userType,
      });
      expect(row.managerId).toBe(tenant.userManagers.get(u.id) ?? null);
      const activity = u.signInActivity as Record<string, string | null>;
      expect(row.lastSignInDateTime).toBe(licence === 'free' ? null : activity.lastSignInDateTime);
      const raw = reader.raw('users', u.id) as GraphObject;
      expect(raw.employeeId).toBe(u.employeeId);
      expect('signInActivity' in raw).toBe(licence !== 'free');
      expect('businessPhones' in raw).toBe(false);
    }
    const policy = tenant.conditionalAccessPolicies[0];
    if (policy) expect(reader.conditionalAccessPolicies().find((p) => p.id === policy.id)).toEqual(policy);
    if (licence !== 'free') {
      const s = tenant.signIns.page(undefined, undefined, 3, 1)[0];
      const row = [...reader.signIns({ userId: s.userId as string })].find((x) => x.id === s.id)!;
      expect(row.errorCode).toBe((s.status as { errorCode: number }).errorCode);
      expect(reader.raw('signIns', s.id)).toEqual(s);
    }
  });

  it('records MFA methods under the report names, from the report or per user', () => {
    const tenant = t();
    const rows = new Map(reader.mfaRegistrations().map((r) => [r.userId, r]));
    expect(rows.size).toBe(tenant.userRegistrationDetails.length);
    const source = licence === 'free' ? 'authenticationMethods' : 'registrationReport';
    for (const truth of tenant.userRegistrationDetails) {
      const row = rows.get(truth.id)!;
      expect(row.source).toBe(source);
      expect([...row.methods].sort()).toEqual([...(truth.methodsRegistered as string[])].sort());
      expect(row.isMfaRegistered).toBe(truth.isMfaRegistered);
    }
    if (licence === 'free') expect(reader.coverageOf('mfaRegistration').reason).toMatch(/read per user/);
  });

  it('writes a finished, intact file whose hash verifies', () => {
    expect(verifyContentHash(reader)).toEqual({ expected: collected.hash, actual: collected.hash, intact: true });
    expect(reader.integrityCheck()).toBe('ok');
    try {
      expect(execFileSync('sqlite3', [reader.path, 'PRAGMA integrity_check']).toString().trim()).toBe('ok');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  });

  it('reports progress that never goes backwards and ends final', () => {
    const last = new Map<string, { done: number; requests: number }>();
    for (const e of collected.events) {
      const prev = last.get(e.dataset);
      if (prev) {
        expect(e.done).toBeGreaterThanOrEqual(prev.done);
        expect(e.requests).toBeGreaterThanOrEqual(prev.requests);
      }
      last.set(e.dataset, e);
    }
    const finals = new Map(collected.events.map((e) => [e.dataset, e.status]));
    for (const c of collected.report.coverage) expect(finals.get(c.dataset)).toBe(c.status);
  });
});
