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

/** JavaScript's order of two strings: SQLite's too when neither holds a code unit from U+D800 up. */
function compareText(a: unknown, b: unknown): number {
  return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
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

/** Text comparison in JavaScript's order, for keys known to hold only strings below U+D800. */
function byTextKeys<T>(columns: readonly (keyof T)[]): (a: T, b: T) => number {
  // One and two key columns (nearly every table) get a comparator without the loop: sorting is
  // most of reading a table of 200k rows, and this halves it.
  if (columns.length === 1) {
    const [k] = columns;
    return (a, b) => {
      const x = a[k] as string;
      const y = b[k] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    };
  }
  if (columns.length === 2) {
    const [k, l] = columns;
    return (a, b) => {
      const x = a[k] as string;
      const y = b[k] as string;
      if (x !== y) return x < y ? -1 : 1;
      const p = a[l] as string;
      const q = b[l] as string;
      return p < q ? -1 : p > q ? 1 : 0;
    };
  }
  return byColumns(columns, compareText);
}

/**
 * Sorts rows in place as `ORDER BY columns` would. Keys are GUIDs and names almost always: when every
 * key is text without a character from U+D800 up, JavaScript's own comparison gives the same order,
 * faster; NULLs, numbers and such characters take the exact comparison.
 */
export function sortByColumns<T>(rows: T[], columns: readonly (keyof T)[]): T[] {
  let allPlainText = true;
  for (const r of rows) {
    for (const c of columns) {
      const v = r[c];
      if (typeof v !== 'string' || HIGH.test(v)) {
        allPlainText = false;
        break;
      }
    }
    if (!allPlainText) break;
  }
  return rows.sort(allPlainText ? byTextKeys(columns) : byColumns(columns, compareValues));
}
