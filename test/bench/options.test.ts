import { describe, expect, it } from 'vitest';
import { parseBenchArgs, timeScaleFor } from '../../bench/options.js';

describe('bench time scale', () => {
  it('defaults to users / 1000 from 1 to 20, and a given scale wins at every size', () => {
    expect([200, 1000, 5000, 20_000, 200_000].map((u) => timeScaleFor(u, null))).toEqual([1, 1, 5, 20, 20]);
    expect(timeScaleFor(1000, 50)).toBe(50);
  });

  it('is per size unless --time-scale is given', () => {
    const auto = parseBenchArgs(['--sizes', '1000', '--work-dir', '/tmp/x']);
    const fixed = parseBenchArgs(['--sizes', '1000', '--time-scale', '7', '--work-dir', '/tmp/x']);
    expect(auto !== 'help' && auto.options.timeScale).toBeNull();
    expect(fixed !== 'help' && fixed.options.timeScale).toBe(7);
  });
});
