/**
 * SQLite's BINARY collation in JavaScript, so rows read in storage order and sorted here come out as
 * `ORDER BY` would give them. JavaScript compares UTF-16 code units and SQLite compares UTF-8 bytes;
 * the two differ only where a surrogate (a character above U+FFFF) meets U+E000–FFFF.
 */

/** Compares two TEXT values as SQLite's BINARY collation does (memcmp of their UTF-8). */
export function compareSqliteText(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      // In UTF-8 a character above U+FFFF (a surrogate pair here) sorts after U+E000–FFFF.
      x = x < 0xe000 ? x + 0x2000 : x - 0x800;
      y = y < 0xe000 ? y + 0x2000 : y - 0x800;
    }
    return x - y;
  }
  return a.length - b.length;
}

/** SQLite's order of two values of one column: NULL first, then numbers, then text. */
function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return compareSqliteText(String(a), String(b));
}

/** Plain JavaScript order of two values of one column (NULL, numbers, text), right for text below U+D800. */
function compareFast(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : 1;
}

/** Text where JavaScript's and SQLite's orders can differ (a code unit from U+D800 up). */
const HIGH = /[\uD800-\uFFFF]/;

/** A comparator ordering rows by these columns, as `ORDER BY` them (BINARY collation) would. */
export function byColumns<T>(columns: readonly (keyof T)[], compare: (a: unknown, b: unknown) => number = compareValues): (a: T, b: T) => number {
  return (a, b) => {
    for (const c of columns) {
      const d = compare(a[c], b[c]);
      if (d) return d;
    }
    return 0;
  };
}

/**
 * Sorts rows in place as `ORDER BY columns` would. Keys are GUIDs and names almost always: when no key
 * holds a character from U+D800 up, JavaScript's own comparison gives the same order, faster.
 */
export function sortByColumns<T>(rows: T[], columns: readonly (keyof T)[]): T[] {
  const exact = rows.some((r) => columns.some((c) => typeof r[c] === 'string' && HIGH.test(r[c] as string)));
  return rows.sort(byColumns(columns, exact ? compareValues : compareFast));
}
