/** The lower bound's arithmetic and the limits it reads from the emulator's own throttle. */
import { describe, expect, it } from 'vitest';
import { batchedRequests, enforcedLimits, listPages, lowerBound } from '../../bench/lower-bound.js';
import { generateTenant } from '../../main/demo/generator/index.js';
import { signInWindow } from '../../bench/sign-in-window.js';

describe('lower bound', () => {
  it('counts pages at the largest page size, one request for an unpaged list or an empty one', () => {
    expect(listPages(0, 999)).toBe(1);
    expect(listPages(999, 999)).toBe(1);
    expect(listPages(1000, 999)).toBe(2);
    expect(listPages(5000, null)).toBe(1);
  });

  it('batches per-entity pages 20 to a request, one round per page depth', () => {
    expect(batchedRequests([])).toBe(0);
    expect(batchedRequests(Array(20).fill(1))).toBe(1);
    expect(batchedRequests(Array(21).fill(1))).toBe(2);
    // The entity with 3 pages needs 3 successive requests; the others ride along.
    expect(batchedRequests([1, 1, 3])).toBe(3);
    // 40 entities of 2 pages: 80 items, 4 requests of 20 (later pages mixed with first ones).
    expect(batchedRequests(Array(40).fill(2))).toBe(4);
    // Items, not depth, bound it: 30 first pages + one entity of 5 pages = 35 items, at least 5 requests.
    expect(batchedRequests([...Array(30).fill(1), 5])).toBe(5);
  });

  it("reads Graph's published limits from the emulator's throttle", () => {
    const big = enforcedLimits(100_000);
    expect(big.identity).toEqual({ capacity: 8000, windowSec: 10 });
    expect(big.reports).toEqual({ capacity: 5, windowSec: 10 });
    expect(big.policy).toEqual({ capacity: 1, windowSec: 1 });
    expect(big.security).toEqual({ capacity: 150, windowSec: 60 });
    expect(enforcedLimits(20).identity.capacity).toBe(3500);
  });

  it('puts the floor on the slowest bucket: signInActivity pages of 120 users at 5 per 10 s', () => {
    const { tenant } = generateTenant({ users: 3000, seed: 2, licence: 'p2', signInsPerUserPerDay: 0.1 });
    const lb = lowerBound(tenant, signInWindow(tenant.now), 80);
    const pages = Math.ceil(tenant.users.length / 120);
    expect(lb.byBucket.signInActivity.requests).toBe(pages);
    expect(lb.floorBucket).toBe('signInActivity');
    expect(lb.floorGraphSec).toBeCloseTo(((pages - 5) * 10) / 5 + 0.08, 6);
  });
});
