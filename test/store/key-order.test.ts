/** byColumns must order rows exactly as SQLite's ORDER BY (BINARY collation) does. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { byColumns, compareSqliteText } from '../../main/store/key-order.js';

const TRICKY = ['', 'a', 'A', 'a-b', 'a_b', 'ab', 'é', 'e\u0301', '\uE000', '\uFFFD', '\uFFFF', '😀', '😀a', '\uD83D\uDE00\uE000', 'ｚ', '中文', 'z', '0', '10', '9'];

describe('SQLite BINARY order in JavaScript', () => {
  it('orders text, astral characters, numbers and NULLs as ORDER BY does, over composite keys', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (a, b)');
    const insert = db.prepare('INSERT INTO t VALUES (?, ?)');
    const values: (string | number | null)[] = [...TRICKY, null, 3, -1, 2.5];
    for (const a of values) for (const b of ['\uFFFF', '😀', null, 1]) insert.run(a, b);
    const expected = db.prepare('SELECT a, b FROM t ORDER BY a, b').all() as { a: unknown; b: unknown }[];
    const mine = (db.prepare('SELECT a, b FROM t ORDER BY rowid DESC').all() as { a: unknown; b: unknown }[]).sort(byColumns(['a', 'b']));
    expect(mine).toEqual(expected);
    db.close();
  });

  it('puts a character above U+FFFF after U+E000–FFFF, as UTF-8 bytes do', () => {
    expect(compareSqliteText('😀', '\uFFFF')).toBeGreaterThan(0);
    expect(compareSqliteText('\uE000', '😀')).toBeLessThan(0);
    expect('😀' < '\uFFFF').toBe(true); // JavaScript's own order disagrees
  });
});
