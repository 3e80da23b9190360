import { describe, expect, it } from 'vitest';
import { timeSlices, toSignInRow } from '../../../main/collect/collectors/sign-ins.js';

describe('sign-in time slices', () => {
  it('cut the window into consecutive whole-second ranges that cover it exactly', () => {
    const slices = timeSlices({ from: '2026-05-02T12:00:00Z', to: '2026-06-01T12:00:00Z', slices: 30 });
    expect(slices).toHaveLength(30);
    expect(slices[0].from).toBe('2026-05-02T12:00:00Z');
    expect(slices.at(-1)!.to).toBe('2026-06-01T12:00:00Z');
    for (let i = 1; i < slices.length; i++) expect(slices[i].from).toBe(slices[i - 1].to);
    expect(slices.every((s) => !s.from.includes('.'))).toBe(true);
  });

  it('handle a window that does not divide evenly', () => {
    const slices = timeSlices({ from: '2026-06-01T00:00:00Z', to: '2026-06-01T00:00:10Z', slices: 3 });
    expect(slices.map((s) => [s.from.slice(17), s.to.slice(17)])).toEqual([
      ['00Z', '04Z'],
      ['04Z', '08Z'],
      ['08Z', '10Z'],
    ]);
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
