import { describe, expect, it } from 'vitest';
import { toSignInRow } from '../../../main/collect/collectors/sign-ins.js';
import { cut, MAX_SLICES, planSlices } from '../../../main/collect/sign-in-slices.js';

const WINDOW = { from: '2026-05-02T12:00:00Z', to: '2026-06-01T12:00:00Z' };

/** A first page of `n` sign-ins, newest first, one every `gapMs` back from the window's end. */
function page(n: number, gapMs: number): { id: string; createdDateTime: string }[] {
  const end = Date.parse(WINDOW.to);
  return Array.from({ length: n }, (_, i) => ({
    id: `s${i}`,
    createdDateTime: new Date(end - 1 - i * gapMs).toISOString(),
  }));
}

describe('sign-in slices', () => {
  it('keep one slice when the first page is the only one, or when the window holds a few dozen pages', () => {
    expect(planSlices(WINDOW, page(300, 60_000), false)).toEqual({ bounds: [WINDOW.from, WINDOW.to], head: null });
    const sparse = page(1000, (30 * 86_400_000) / 20 / 1000); // 20 pages' worth in the window
    expect(planSlices(WINDOW, sparse, true)).toEqual({ bounds: [WINDOW.from, WINDOW.to], head: null });
  });

  it('cut a dense window: the first page keeps the newest slice, the rest splits into equal whole-second ranges', () => {
    const first = page(1000, 3_600); // 1,000 sign-ins in the last hour: ~720 pages in the window
    const plan = planSlices(WINDOW, first, true);
    expect(plan.bounds).toHaveLength(MAX_SLICES + 2);
    expect(plan.bounds[0]).toBe(WINDOW.from);
    expect(plan.bounds.at(-1)).toBe(WINDOW.to);
    expect(plan.bounds.at(-2)).toBe(plan.head);
    const oldest = Date.parse(first.at(-1)!.createdDateTime);
    const head = Date.parse(plan.head!);
    expect(head).toBeGreaterThan(oldest);
    expect(head - oldest).toBeLessThanOrEqual(1000);
    expect(plan.bounds.every((b) => !b.includes('.'))).toBe(true);
    for (let i = 1; i < plan.bounds.length; i++)
      expect(Date.parse(plan.bounds[i])).toBeGreaterThan(Date.parse(plan.bounds[i - 1]));
  });

  it('keep one slice when the page is not newest first (the cut would rely on that order)', () => {
    const shuffled = page(1000, 3_600).reverse();
    expect(planSlices(WINDOW, shuffled, true).head).toBeNull();
  });

  it('cut a range into consecutive whole-second pieces that cover it exactly', () => {
    const start = Date.parse('2026-06-01T00:00:00Z');
    expect(cut(start, start + 10_000, 3).map((b) => b.slice(17))).toEqual(['00Z', '04Z', '08Z', '10Z']);
    expect(cut(start, start + 1_000, 4)).toEqual(['2026-06-01T00:00:00Z', '2026-06-01T00:00:01Z']);
  });
});

describe('sign-in rows', () => {
  it('flatten status, location and device detail', () => {
    const row = toSignInRow({
      id: 's',
      createdDateTime: '2026-06-01T00:00:00Z',
      userId: 'u',
      userPrincipalName: 'a@b',
      appId: 'x',
      appDisplayName: 'App',
      status: { errorCode: 50126, failureReason: 'Invalid password' },
      location: { city: 'Oslo', countryOrRegion: 'NO' },
      deviceDetail: { deviceId: '', isCompliant: false, isManaged: true, trustType: '' },
      isInteractive: true,
    });
    expect(row).toMatchObject({
      errorCode: 50126,
      failureReason: 'Invalid password',
      city: 'Oslo',
      countryOrRegion: 'NO',
      deviceId: null,
      deviceIsCompliant: false,
      deviceIsManaged: true,
      deviceTrustType: null,
      isInteractive: true,
      resourceDisplayName: null,
    });
  });
});
