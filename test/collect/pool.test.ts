import { describe, expect, it } from 'vitest';
import { runPool } from '../../main/collect/pool.js';

describe('runPool', () => {
  it('runs every item, a few at a time', async () => {
    let running = 0;
    let peak = 0;
    const seen: number[] = [];
    await runPool([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setImmediate(r));
      seen.push(n);
      running--;
    });
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(peak).toBe(3);
  });

  it('stops starting tasks after a failure, lets running ones see it, and rethrows once all settled', async () => {
    const started: number[] = [];
    let sawStop = false;
    let settled = 0;
    const run = runPool([1, 2, 3, 4, 5, 6], 2, async (n, stopped) => {
      started.push(n);
      if (n === 1) throw new Error('page failed');
      await new Promise((r) => setImmediate(r));
      sawStop ||= stopped();
      settled++;
    });
    await expect(run).rejects.toThrow('page failed');
    expect(started).toEqual([1, 2]);
    expect(sawStop).toBe(true);
    expect(settled).toBe(1);
  });
});
