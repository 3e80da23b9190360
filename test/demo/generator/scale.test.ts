/**
 * The largest tenant the product promises (200,000 users) generates completely. No timing
 * assertion here (bench/ measures speed); this proves counts and deep sign-in pages at full size.
 */
import { describe, expect, it } from 'vitest';
import { generateTenant } from '../../../main/demo/generator/index.js';

describe('200,000-user tenant', () => {
  it('generates with consistent counts and cheap deep sign-in pages', { timeout: 180_000 }, () => {
    const { tenant, truth, terminationsCsv } = generateTenant({ users: 200_000, seed: 2026, licence: 'p2' });
    expect(tenant.users.length + tenant.deletedUsers.length).toBe(200_000);
    expect(truth.users.size).toBe(200_000);
    expect(tenant.users).toHaveLength(truth.counts.users);
    expect(tenant.userRegistrationDetails).toHaveLength(tenant.users.length);
    expect(tenant.authenticationMethods.size).toBe(tenant.users.length);
    expect(new Set(tenant.users.map((u) => u.id)).size).toBe(tenant.users.length);
    expect(new Set(tenant.users.map((u) => String(u.userPrincipalName).toLowerCase())).size).toBe(tenant.users.length);
    expect(truth.globalAdminIds).toHaveLength(5);
    expect(truth.leavers.length).toBeGreaterThan(2000);
    expect(terminationsCsv.split('\r\n').length).toBe(truth.leavers.length + 2);
    const total = tenant.signIns.count();
    expect(total).toBe(truth.counts.signIns);
    expect(total).toBeGreaterThan(5_000_000);
    const deep = tenant.signIns.page(undefined, undefined, total - 1000, 999);
    expect(deep).toHaveLength(999);
    const last = tenant.signIns.page(undefined, undefined, total - 1, 10);
    expect(last).toHaveLength(1);
    expect(tenant.signIns.page(undefined, undefined, total - 1000, 1000).slice(0, 999).map((s) => s.id)).toEqual(deep.map((s) => s.id));
  });
});
