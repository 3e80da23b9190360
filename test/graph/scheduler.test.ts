import { describe, expect, it } from 'vitest';
import { BucketScheduler } from '../../main/graph/scheduler.js';
import { PAGE_SIZES, pageSizeFor } from '../../main/graph/page-sizes.js';
import { DATASETS } from '../../shared/datasets.js';

const tick = () => new Promise((r) => setImmediate(r));

describe('BucketScheduler', () => {
  it('holds requests beyond the concurrency limit until a slot is released', async () => {
    const s = new BucketScheduler({ concurrency: 1, ratePerSec: 1e6, burst: 100, backoffBaseMs: 1 }, 1);
    await s.acquire();
    let second = false;
    const p = s.acquire().then(() => (second = true));
    await tick();
    expect(second).toBe(false);
    s.release();
    await p;
    expect(second).toBe(true);
    s.release();
  });

  it('lets exactly `burst` requests go back-to-back from idle, then paces the next', async () => {
    const s = new BucketScheduler({ concurrency: 10, ratePerSec: 0.5, burst: 4, backoffBaseMs: 1 }, 1);
    for (let i = 0; i < 4; i++) await s.acquire();
    const ac = new AbortController();
    let fifth = false;
    const p = s.acquire(ac.signal).then(() => (fifth = true));
    await tick();
    expect(fifth).toBe(false);
    ac.abort();
    await expect(p).rejects.toThrow();
    for (let i = 0; i < 4; i++) s.release();
  });

  it('keeps buckets independent: a saturated bucket does not hold another', async () => {
    const policy = new BucketScheduler({ concurrency: 1, ratePerSec: 1, burst: 1, backoffBaseMs: 1 }, 1);
    const identity = new BucketScheduler({ concurrency: 4, ratePerSec: 1e6, burst: 100, backoffBaseMs: 1 }, 1);
    await policy.acquire();
    const ac = new AbortController();
    const blocked = policy.acquire(ac.signal);
    await identity.acquire();
    await identity.acquire();
    ac.abort();
    await expect(blocked).rejects.toThrow();
    identity.release();
    identity.release();
    policy.release();
  });

  it('halves its rate on 429 and slows early when x-ms-throttle-limit-percentage is high', () => {
    const s = new BucketScheduler({ concurrency: 1, ratePerSec: 100, burst: 1, backoffBaseMs: 1000 }, 1);
    expect(s.throttled(3, 0)).toBe(3000);
    expect(s.currentRate()).toBe(50);
    s.succeeded(undefined);
    expect(s.currentRate()).toBe(55);
    s.succeeded(1.2);
    expect(s.currentRate()).toBeLessThan(55 * 0.8);
  });

  it('backs off exponentially with jitter when Graph sends no Retry-After, scaled by the wait factor', () => {
    const s = new BucketScheduler({ concurrency: 1, ratePerSec: 1, burst: 1, backoffBaseMs: 1000 }, 0.5);
    for (let attempt = 0; attempt < 5; attempt++) {
      const w = s.waitFor(undefined, attempt);
      expect(w).toBeGreaterThanOrEqual(0.5 * 1000 * 2 ** attempt * 0.5);
      expect(w).toBeLessThanOrEqual(0.5 * 1000 * 2 ** attempt);
    }
    expect(s.waitFor(10, 3)).toBe(5000);
  });
});

describe('page sizes', () => {
  it('knows every list endpoint of the catalogue and the signInActivity cap', () => {
    for (const d of DATASETS) for (const e of d.endpoints) expect(Object.keys(PAGE_SIZES)).toContain(e.split('?')[0]);
    expect(pageSizeFor('/users')).toBe(999);
    expect(pageSizeFor('/users', 'id,signInActivity')).toBe(120);
    expect(pageSizeFor('/groups/abc/transitiveMembers')).toBe(999);
    expect(pageSizeFor('/auditLogs/signIns')).toBe(1000);
    expect(pageSizeFor('/security/alerts_v2')).toBe(2000);
    expect(pageSizeFor('/identity/conditionalAccess/policies')).toBeNull();
  });
});
