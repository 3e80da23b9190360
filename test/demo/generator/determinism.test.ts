import { describe, expect, it } from 'vitest';
import { generateTenant } from '../../../main/demo/generator/index.js';
import type { TenantData } from '../../../main/demo/tenant.js';

/** Everything in a tenant as one comparable JSON string (maps as entry lists, sign-ins as their first pages). */
function fingerprint(t: TenantData): string {
  return JSON.stringify(t, (_k, v: unknown) => {
    if (v instanceof Map) return [...v.entries()];
    if (v && typeof v === 'object' && 'page' in v && 'count' in v) {
      const s = v as TenantData['signIns'];
      return { count: s.count(), first: s.page(undefined, undefined, 0, 50), deep: s.page(undefined, undefined, 1000, 20) };
    }
    return v;
  });
}

describe('generateTenant determinism', () => {
  it('gives identical output for the same seed', () => {
    const a = generateTenant({ users: 300, seed: 11, licence: 'p2' });
    const b = generateTenant({ users: 300, seed: 11, licence: 'p2' });
    expect(fingerprint(b.tenant)).toBe(fingerprint(a.tenant));
    expect(b.terminationsCsv).toBe(a.terminationsCsv);
    expect(JSON.stringify([...b.truth.users.values()])).toBe(JSON.stringify([...a.truth.users.values()]));
  });

  it('gives different output for a different seed', () => {
    const a = generateTenant({ users: 300, seed: 11, licence: 'p2' });
    const b = generateTenant({ users: 300, seed: 12, licence: 'p2' });
    expect(b.tenant.users.map((u) => u.id)).not.toEqual(a.tenant.users.map((u) => u.id));
    expect(b.tenant.signIns.page(undefined, undefined, 0, 5)).not.toEqual(a.tenant.signIns.page(undefined, undefined, 0, 5));
    expect(b.terminationsCsv).not.toBe(a.terminationsCsv);
  });

  it('does not depend on the clock: now defaults to a fixed instant', () => {
    const a = generateTenant({ users: 10, seed: 1, licence: 'free' });
    expect(a.tenant.now).toBe('2026-06-01T12:00:00Z');
    const b = generateTenant({ users: 10, seed: 1, licence: 'free', now: '2030-01-01T00:00:00Z' });
    expect(b.tenant.now).toBe('2030-01-01T00:00:00Z');
    expect(b.tenant.users[0].createdDateTime).not.toBe(a.tenant.users[0].createdDateTime);
  });

  it('refuses sizes outside 10..200,000', () => {
    expect(() => generateTenant({ users: 9, seed: 1, licence: 'p1' })).toThrow(RangeError);
    expect(() => generateTenant({ users: 200_001, seed: 1, licence: 'p1' })).toThrow(RangeError);
  });
});
