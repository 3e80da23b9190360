import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecord, restoreCell } from '../../main/export/csv/csv-cell.js';
import { CsvSyntaxError, parseCsv } from '../../main/reviews/csv-parse.js';

describe('parseCsv', () => {
  it('reads quoted commas, quotes, line breaks, a BOM, CRLF and LF, and skips blank lines', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\r\nlines"\n\r\nlast,,\r\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['x, y', 'say "hi"', 'two\r\nlines'] },
      { line: 5, cells: ['last', '', ''] },
    ]);
  });

  it('takes ; as the separator when the header has semicolons and no commas', () => {
    expect(parseCsv('upn;lastDay\nа@b.com;2026-01-02\n').map((r) => r.cells)).toEqual([['upn', 'lastDay'], ['а@b.com', '2026-01-02']]);
  });

  it('names the line of a quote that never closes', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(/line 2/);
  });

  it('reads back any text the workbook writer wrote (property)', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (rows) => {
      const clean = rows.map((r) => r.map((c) => c.replace(/\0/g, '')));
      const text = '\uFEFFh1,h2\r\n' + clean.map((r) => csvRecord(r)).join('');
      const back = parseCsv(text).slice(1).map((r) => r.cells.map(restoreCell));
      const expected = clean.filter((r) => r.some((c) => c !== '') || r.length > 1);
      expect(back).toEqual(expected);
    }), { numRuns: 200 });
  });
});
