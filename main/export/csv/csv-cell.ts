/**
 * One CSV cell, RFC 4180 with OWASP formula-injection neutralisation.
 *
 * Neutralised form (documented in README-pack.md, reversible with `restoreCell`):
 * - NUL characters are removed (the only loss; no Graph field legitimately holds NUL).
 * - A text cell that starts with `=`, `+`, `-`, `@`, tab, CR or LF gets a leading `'`, so a
 *   spreadsheet shows it as text instead of evaluating it.
 * - A text cell that already looks neutralised (one or more `'` followed by one of those
 *   characters) gets one more `'`, so the rule stays a bijection: `restoreCell` strips exactly one.
 * Numbers and booleans are written as they are (`-5` is a number, not a formula).
 */

export type CellValue = string | number | boolean | null | undefined;

const TRIGGER = /^'*[=+\-@\t\r\n]/;

/** Applies the OWASP rule to a text value: NUL removed, formula triggers prefixed with `'`. */
export function neutraliseText(text: string): string {
  const clean = text.includes('\0') ? text.replace(/\0/g, '') : text;
  return TRIGGER.test(clean) ? `'${clean}` : clean;
}

/** Inverse of `neutraliseText` (apart from removed NULs): what an auditor's script applies to get the value back. */
export function restoreCell(cell: string): string {
  return TRIGGER.test(cell) && cell.startsWith("'") ? cell.slice(1) : cell;
}

/** Converts a value to its cell text: numbers and booleans verbatim, null/undefined empty, text neutralised. */
export function cellText(value: CellValue): string {
  if (typeof value === 'string') return neutraliseText(value);
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return neutraliseText(value);
}

/** Quotes a cell when RFC 4180 requires it (comma, double quote, CR or LF), doubling inner quotes. */
export function quoteCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Cells of the record being built, reused: a record costs one flat string instead of a chain of concatenations. */
const cells: string[] = [];

/** One record: cells joined by commas, terminated by CRLF. */
export function csvRecord(values: readonly CellValue[]): string {
  const n = values.length;
  if (n === 0) return '\r\n';
  if (cells.length !== n) cells.length = n;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    // Numbers, booleans and empty values never need quoting; anything else takes the general path.
    cells[i] =
      typeof v === 'string'
        ? textCell(v)
        : v === null || v === undefined || typeof v === 'number' || typeof v === 'boolean'
          ? cellText(v)
          : quoteCell(cellText(v));
  }
  cells[n - 1] += '\r\n';
  return cells.join(',');
}

/** Characters that make a text cell take the general path: NUL (removed) and those RFC 4180 quotes. */
const SPECIAL = /[\0",\r\n]/;

/**
 * `quoteCell(neutraliseText(text))` in one regex test for the common cell: no NUL, nothing to quote,
 * and a first character that cannot start a formula trigger (`'`, `=`, `+`, `-`, `@`, tab, CR, LF).
 */
export function textCell(text: string): string {
  if (SPECIAL.test(text)) return quoteCell(neutraliseText(text));
  const c = text.charCodeAt(0);
  // Trigger candidates: tab 9, LF 10, CR 13, ' 39, + 43, - 45, = 61, @ 64 (LF and CR cannot occur here).
  if (c === 9 || c === 39 || c === 43 || c === 45 || c === 61 || c === 64) return neutraliseText(text);
  return text;
}

/** Normalises a timestamp to ISO 8601 UTC (`2024-05-01T09:30:00.000Z`); unparseable text is kept as text. */
export function isoUtc(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') {
    const fast = canonicalUtc(value);
    if (fast !== null) return fast;
  }
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : d.toISOString();
}

/** The two-digit number at `i`, or -1 when either character is not an ASCII digit. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * What `new Date(s).toISOString()` gives for `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS.fZ` with 1 to 9
 * fraction digits (V8 keeps the first three and drops the rest), computed without a Date; null for any
 * other shape or an out-of-range field (Feb 30, hour 24 ...), which `isoUtc` leaves to Date.
 */
export function canonicalUtc(s: string): string | null {
  const n = s.length;
  if (n < 20 || n > 30 || n === 21) return null;
  if (
    s.charCodeAt(4) !== 45 || // -
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 || // T
    s.charCodeAt(13) !== 58 || // :
    s.charCodeAt(16) !== 58 ||
    s.charCodeAt(n - 1) !== 90 // Z
  )
    return null;
  const century = twoDigits(s, 0);
  const yy = twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  const hour = twoDigits(s, 11);
  const minute = twoDigits(s, 14);
  const second = twoDigits(s, 17);
  if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1) return null;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  const year = century * 100 + yy;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month])) return null;
  if (n === 20) return `${s.slice(0, 19)}.000Z`;
  if (s.charCodeAt(19) !== 46) return null; // .
  for (let i = 20; i < n - 1; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  if (n === 24) return s;
  if (n > 24) return `${s.slice(0, 23)}Z`;
  return n === 22 ? `${s.slice(0, 21)}00Z` : `${s.slice(0, 22)}0Z`;
}
