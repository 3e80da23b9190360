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
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return neutraliseText(value);
}

/** Quotes a cell when RFC 4180 requires it (comma, double quote, CR or LF), doubling inner quotes. */
export function quoteCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record: cells joined by commas, terminated by CRLF. */
export function csvRecord(values: readonly CellValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += ',';
    line += quoteCell(cellText(values[i]));
  }
  return `${line}\r\n`;
}

/** Normalises a timestamp to ISO 8601 UTC (`2024-05-01T09:30:00.000Z`); unparseable text is kept as text. */
export function isoUtc(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : d.toISOString();
}
