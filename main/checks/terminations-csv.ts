/**
 * Reads an HR terminated-employees CSV. It needs a column identifying the person
 * (userPrincipalName, upn, email, mail or employeeId; several allowed) and a termination date
 * (terminationDate, termination_date or lastDay, ISO 8601). Headers match case-insensitively
 * (spaces, "_" and "-" ignored); other columns are ignored. Tolerates a UTF-8 BOM, ";" or tab
 * delimiters (detected from the header), CRLF or LF, quoted fields, blank lines and exact
 * duplicate rows. Anything else wrong stops with an error naming the line and column.
 */
import { isIsoDateOrDateTime } from './exceptions.js';
import type { TerminationRecord } from './types.js';

/** A bad terminations file: the message says where and what. */
export class TerminationsCsvError extends Error {}

type IdField = 'userPrincipalName' | 'mail' | 'employeeId';

const ID_HEADERS: Record<string, IdField> = {
  userprincipalname: 'userPrincipalName', upn: 'userPrincipalName', email: 'mail', mail: 'mail', employeeid: 'employeeId',
};
const DATE_HEADERS = new Set(['terminationdate', 'lastday']);

const normalise = (h: string): string => h.trim().toLowerCase().replace(/[\s_-]/g, '');

interface Record_ {
  line: number;
  fields: string[];
}

function detectDelimiter(text: string): string {
  let inQuotes = false;
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && ch in counts) counts[ch]++;
  }
  const [best, count] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return count > 0 ? best : ',';
}

/** RFC 4180 records with the line each starts on. */
function records(text: string, delimiter: string): Record_[] {
  const out: Record_[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let inQuotes = false;
  let quotedField = false;
  const endField = () => { fields.push(quotedField ? field : field.trim()); field = ''; quotedField = false; };
  const endRecord = () => { endField(); out.push({ line: start, fields }); fields = []; };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') inQuotes = false;
      else { if (ch === '\n') line++; field += ch; }
      continue;
    }
    if (ch === '"' && field.trim() === '') { inQuotes = true; quotedField = true; field = ''; }
    else if (ch === '"') throw new TerminationsCsvError(`line ${line}: a quote inside an unquoted field; quote the whole field`);
    else if (ch === delimiter) endField();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else field += ch;
  }
  if (inQuotes) throw new TerminationsCsvError(`line ${start}: a quoted field is never closed`);
  if (field !== '' || fields.length) endRecord();
  return out.filter((r) => r.fields.some((f) => f !== ''));
}

/** Parses the file's text into records. */
export function parseTerminationsCsv(input: string): TerminationRecord[] {
  // Excel's "Unicode text" is UTF-16: read as UTF-8 it is full of NULs. Say how to save it instead.
  if (input.includes('\u0000'))
    throw new TerminationsCsvError('the file is UTF-16 ("Unicode text"), not UTF-8: save it as "CSV UTF-8 (comma delimited)" and try again');
  const text = input.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(text);
  const rows = records(text, delimiter);
  if (!rows.length) throw new TerminationsCsvError('the file is empty: expected a header line and one row per leaver');
  const header = rows[0].fields;
  const idColumns: { index: number; field: IdField; name: string }[] = [];
  const dateColumns: { index: number; name: string }[] = [];
  header.forEach((h, index) => {
    const key = normalise(h);
    if (ID_HEADERS[key]) idColumns.push({ index, field: ID_HEADERS[key], name: h.trim() });
    else if (DATE_HEADERS.has(key)) dateColumns.push({ index, name: h.trim() });
  });
  const shown = header.map((h) => `"${h.trim()}"`).join(', ');
  if (!idColumns.length) {
    throw new TerminationsCsvError(`line 1: no column identifies the person (need userPrincipalName, upn, email, mail or employeeId; found ${shown})`);
  }
  if (!dateColumns.length) {
    throw new TerminationsCsvError(`line 1: no termination date column (need terminationDate, termination_date or lastDay; found ${shown})`);
  }
  if (dateColumns.length > 1) {
    throw new TerminationsCsvError(`line 1: several termination date columns (${dateColumns.map((c) => c.name).join(', ')}): keep one`);
  }
  const date = dateColumns[0];
  if (rows.length === 1) throw new TerminationsCsvError('the file has a header but no rows');

  const out: TerminationRecord[] = [];
  const seen = new Set<string>();
  for (const r of rows.slice(1)) {
    if (r.fields.length > header.length) {
      throw new TerminationsCsvError(`line ${r.line}: ${r.fields.length} fields but the header has ${header.length} (a "${delimiter}" inside a value must be quoted)`);
    }
    const value = (i: number): string | null => (r.fields[i] ?? '').trim() || null;
    const rec: TerminationRecord = { line: r.line, userPrincipalName: null, mail: null, employeeId: null, terminationDate: '' };
    for (const c of idColumns) rec[c.field] ??= value(c.index);
    if (!rec.userPrincipalName && !rec.mail && !rec.employeeId) {
      throw new TerminationsCsvError(`line ${r.line}: no value in ${idColumns.map((c) => c.name).join(', ')}: each row must identify the person`);
    }
    const d = value(date.index);
    if (!d) throw new TerminationsCsvError(`line ${r.line}, column ${date.name}: empty; give the termination date as YYYY-MM-DD`);
    if (!isIsoDateOrDateTime(d)) {
      throw new TerminationsCsvError(`line ${r.line}, column ${date.name}: "${d}" is not an ISO 8601 date (expected YYYY-MM-DD, e.g. 2026-03-31)`);
    }
    rec.terminationDate = d;
    const key = JSON.stringify([rec.userPrincipalName?.toLowerCase(), rec.mail?.toLowerCase(), rec.employeeId, d]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(rec);
  }
  return out;
}
