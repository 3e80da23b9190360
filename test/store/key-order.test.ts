/** byColumns must order rows exactly as SQLite's ORDER BY (BINARY collation) does. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { compareSqliteText, sortByColumns } from '../../main/store/key-order.js';

const TRICKY = ['', 'a', 'A', 'a-b', 'a_b', 'ab', 'é', 'e\u0301', '\uE000', '\uFFFD', '\uFFFF', '😀', '😀a', '\uD83D\uDE00\uE000', 'ｚ', '中文', 'z', '0', '10', '9'];

describe('SQLite BINARY order in JavaScript', () => {
  /** Rows of every combination of `as` and `bs`, sorted by sortByColumns and by SQLite. */
  function bothOrders(as: unknown[], bs: unknown[]): { mine: unknown[]; sqlite: unknown[] } {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (a, b)');
    const insert = db.prepare('INSERT INTO t VALUES (?, ?)');
    for (const a of as) for (const b of bs) insert.run(a, b);
    const sqlite = db.prepare('SELECT a, b FROM t ORDER BY a, b').all();
    const mine = sortByColumns(db.prepare('SELECT a, b FROM t ORDER BY rowid DESC').all() as { a: unknown; b: unknown }[], ['a', 'b']);
    db.close();
    return { mine, sqlite };
  }

  it('orders text, astral characters, numbers and NULLs as ORDER BY does, over composite keys', () => {
    const { mine, sqlite } = bothOrders([...TRICKY, null, 3, -1, 2.5], ['\uFFFF', '😀', null, 1]);
    expect(mine).toEqual(sqlite);
  });

  it('orders keys without characters from U+D800 up (GUIDs, most names) as ORDER BY does', () => {
    const plain = TRICKY.filter((t) => !/[\uD800-\uFFFF]/.test(t));
    const { mine, sqlite } = bothOrders([...plain, 'aa', 'a a', null, 7], ['x', 'X', '', null, 0]);
    expect(mine).toEqual(sqlite);
  });

  it('orders plain text keys of one, two and three columns (the fast comparators) as ORDER BY does', () => {
    const words = ['', 'a', 'A', 'a-b', 'a_b', 'ab', 'é', 'z', '0', '10', '9', 'aa', 'a a', '3f2c-01', '3F2C-01'];
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (a TEXT, b TEXT, c TEXT)');
    const insert = db.prepare('INSERT INTO t VALUES (?, ?, ?)');
    for (const a of words) for (const b of words.slice(0, 6)) insert.run(a, b, b + a);
    const shuffled = () => db.prepare('SELECT a, b, c FROM t ORDER BY c DESC, rowid').all() as { a: string; b: string; c: string }[];
    for (const cols of [['a'], ['a', 'b'], ['a', 'b', 'c']] as const) {
      const sqlite = db.prepare(`SELECT a, b, c FROM t ORDER BY ${cols.join(', ')}, rowid`).all() as { a: string; b: string; c: string }[];
      const mine = sortByColumns(shuffled(), [...cols]);
      // Rows equal on the key may come in any order; compare the key sequence.
      expect(mine.map((r) => cols.map((k) => r[k]).join('|'))).toEqual(sqlite.map((r) => cols.map((k) => r[k]).join('|')));
    }
    db.close();
  });

  it('falls back to the exact comparison when one key holds a NULL or a number among plain text', () => {
    const rows = [{ k: 'b' }, { k: null }, { k: 'a' }, { k: 2 }, { k: '' }];
    expect(sortByColumns(rows, ['k']).map((r) => r.k)).toEqual([null, 2, '', 'a', 'b']);
  });

  it('puts a character above U+FFFF after U+E000–FFFF, as UTF-8 bytes do', () => {
    expect(compareSqliteText('😀', '\uFFFF')).toBeGreaterThan(0);
    expect(compareSqliteText('\uE000', '😀')).toBeLessThan(0);
    expect('😀' < '\uFFFF').toBe(true); // JavaScript's own order disagrees
  });
});
