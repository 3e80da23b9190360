import { describe, expect, it } from 'vitest';
import { tenantOf } from './fixtures.js';
import { parseTicks } from '../../../main/demo/generator/sign-ins.js';

describe('sign-in source', () => {
  const { tenant } = tenantOf(200, 5);
  const s = tenant.signIns;

  it('pages concatenate to one big page, newest first, and count matches', () => {
    const total = s.count();
    expect(total).toBeGreaterThan(200 * 30); // ~2 per active user per weekday
    const all = s.page(undefined, undefined, 0, total + 10);
    expect(all).toHaveLength(total);
    const pieces = [];
    for (let off = 0; off < total; off += 997) pieces.push(...s.page(undefined, undefined, off, 997));
    expect(pieces.map((x) => x.id)).toEqual(all.map((x) => x.id));
    for (let i = 1; i < all.length; i++) {
      expect(parseTicks(String(all[i - 1].createdDateTime)) > parseTicks(String(all[i].createdDateTime))).toBe(true);
    }
    expect(new Set(all.map((x) => x.id)).size).toBe(total);
  });

  it('filters [from, to) exactly, also at 7-digit precision', () => {
    const all = s.page(undefined, undefined, 0, 1e9);
    const pick = all[Math.floor(all.length / 3)];
    const late = all[Math.floor(all.length / 6)];
    const from = String(pick.createdDateTime);
    const to = String(late.createdDateTime);
    const expected = all.filter((x) => String(x.createdDateTime) >= from && String(x.createdDateTime) < to);
    expect(s.count(from, to)).toBe(expected.length);
    expect(s.page(from, to, 0, 1e9).map((x) => x.id)).toEqual(expected.map((x) => x.id));
    expect(s.page(from, to, 5, 7).map((x) => x.id)).toEqual(expected.slice(5, 12).map((x) => x.id));
    expect(s.count(from, undefined)).toBe(all.filter((x) => String(x.createdDateTime) >= from).length);
    expect(s.count(undefined, to)).toBe(all.filter((x) => String(x.createdDateTime) < to).length);
  });

  it('spans 30 days before now and nothing else', () => {
    const nowMs = Date.parse(tenant.now);
    const all = s.page(undefined, undefined, 0, 1e9);
    const oldest = Date.parse(String(all[all.length - 1].createdDateTime));
    expect(nowMs - oldest).toBeLessThanOrEqual(30 * 86_400_000);
    expect(nowMs - oldest).toBeGreaterThan(29 * 86_400_000);
    expect(s.count(tenant.now)).toBe(0);
  });

  it('has failures, legacy clients, risk and locations in the mix', () => {
    const all = s.page(undefined, undefined, 0, 1e9);
    const codes = new Set(all.map((x) => (x.status as { errorCode: number }).errorCode));
    for (const c of [0, 50126, 53003]) expect(codes.has(c)).toBe(true);
    const clients = new Set(all.map((x) => x.clientAppUsed));
    expect(clients.has('Browser')).toBe(true);
    expect(['Exchange ActiveSync', 'IMAP4', 'Other clients'].some((c) => clients.has(c))).toBe(true);
    expect(all.some((x) => x.riskLevelDuringSignIn === 'high' || x.riskLevelDuringSignIn === 'medium')).toBe(true);
    expect(new Set(all.map((x) => (x.location as { countryOrRegion: string }).countryOrRegion)).size).toBeGreaterThan(3);
    const liveIds = new Set(tenant.users.map((u) => u.id));
    expect(all.every((x) => liveIds.has(String(x.userId)))).toBe(true);
  });

  it('hides risk without P2 and has no CA status on free', () => {
    const free = tenantOf(50, 5, 'free').tenant.signIns.page(undefined, undefined, 0, 200);
    expect(free.every((x) => x.riskLevelDuringSignIn === 'hidden' && x.conditionalAccessStatus === 'notApplied')).toBe(true);
  });
});
