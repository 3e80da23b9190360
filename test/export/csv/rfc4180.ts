/** A strict RFC 4180 parser for tests: quoted fields, doubled quotes, CRLF record ends. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  let quoted = false;
  let fieldStart = true;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        if (i < text.length && text[i] !== ',' && text[i] !== '\r') throw new Error(`junk after quote at ${i}`);
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
      i++;
      continue;
    }
    if (ch === '"') throw new Error(`bare quote at ${i}`);
    if (ch === ',') {
      record.push(field);
      field = '';
      fieldStart = true;
      i++;
      continue;
    }
    if (ch === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`CR without LF at ${i}`);
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      fieldStart = true;
      i += 2;
      continue;
    }
    if (ch === '\n') throw new Error(`bare LF at ${i}`);
    field += ch;
    fieldStart = false;
    i++;
  }
  if (quoted) throw new Error('unterminated quote');
  if (!fieldStart || record.length > 0) throw new Error('last record lacks CRLF');
  return records;
}
