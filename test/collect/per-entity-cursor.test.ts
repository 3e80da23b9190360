import { describe, expect, it } from 'vitest';
import { decodePerEntityCursor, encodePerEntityCursor } from '../../main/collect/per-entity-cursor.js';

describe('per-entity cursor', () => {
  it('round-trips the done prefix and the ids done beyond it', () => {
    const c = { after: '0b1e', done: ['3f00', '7a21'] };
    expect(decodePerEntityCursor(encodePerEntityCursor(c))).toEqual(c);
    expect(decodePerEntityCursor(encodePerEntityCursor({ after: null, done: ['aa'] }))).toEqual({
      after: null,
      done: ['aa'],
    });
  });

  it('reads nothing committed as the start, and a bare id (older snapshots) as a done prefix', () => {
    expect(decodePerEntityCursor(null)).toEqual({ after: null, done: [] });
    expect(decodePerEntityCursor('5c2d4e0a-1111-4222-8333-944445555666')).toEqual({
      after: '5c2d4e0a-1111-4222-8333-944445555666',
      done: [],
    });
  });
});
