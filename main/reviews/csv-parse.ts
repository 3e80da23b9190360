/**
 * An RFC 4180 reader for files people send back to us (review workbooks, HR termination lists):
 * BOM stripped, quoted fields with commas, quotes and line breaks, CRLF or LF, and `;` as the
 * separator when the header line has semicolons but no commas (Excel in many European locales).
 */

export interface CsvRecord {
  /** 1-based line number where the record starts (for error messages a person can find in the file). */
  line: number;
  cells: string[];
}

/** Thrown for text that is not CSV at all (an unterminated quote); the message names the line. */
export class CsvSyntaxError extends Error {}

/** Parses CSV text into records; empty lines are skipped. */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const sep = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let touched = false;
  const endRecord = () => {
    cells.push(cell);
    if (touched || cells.length > 1 || cell !== '') records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    touched = false;
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      touched = true;
      quoteLine = line;
    } else if (ch === sep) {
      cells.push(cell);
      cell = '';
      touched = true;
    } else if (ch === '\r' && src[i + 1] === '\n') {
      continue;
    } else if (ch === '\n') {
      endRecord();
      line++;
      recordLine = line;
    } else cell += ch;
  }
  if (quoted) throw new CsvSyntaxError(`line ${quoteLine}: a quoted cell is never closed (a " is missing)`);
  endRecord();
  return records;
}
