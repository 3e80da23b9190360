import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  cellText,
  csvRecord,
  isoUtc,
  neutraliseText,
  quoteCell,
  restoreCell,
} from '../../../main/export/csv/csv-cell.js';
import { parseCsv } from './rfc4180.js';

describe('formula injection (OWASP)', () => {
  it.each(['=1+1', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx', '\nx', '=HYPERLINK("http://e.vil","x")'])(
    'prefixes %j with a quote',
    (v) => {
      expect(neutraliseText(v)).toBe(`'${v}`);
      expect(restoreCell(neutraliseText(v))).toBe(v);
    },
  );
  it('leaves ordinary text, numbers and booleans alone', () => {
    expect(neutraliseText('Alice')).toBe('Alice');
    expect(neutraliseText("'quoted'")).toBe("'quoted'");
    expect(cellText(-5)).toBe('-5');
    expect(cellText(true)).toBe('true');
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
  });
  it('stays reversible for values that already look neutralised', () => {
    for (const v of ["'=x", "''-1", "'@"]) {
      expect(neutraliseText(v)).toBe(`'${v}`);
      expect(restoreCell(neutraliseText(v))).toBe(v);
    }
  });
  it('removes NUL, also when it hides a trigger', () => {
    expect(neutraliseText('a\0b')).toBe('ab');
    expect(neutraliseText('\0=cmd')).toBe("'=cmd");
  });
});

describe('RFC 4180 records', () => {
  it('quotes commas, quotes and line breaks and ends with CRLF', () => {
    expect(quoteCell('a,b')).toBe('"a,b"');
    expect(quoteCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvRecord(['x', 'line1\r\nline2', 'p"q'])).toBe('x,"line1\r\nline2","p""q"\r\n');
    expect(parseCsv(csvRecord(['x', 'line1\r\nline2', 'p"q']))).toEqual([['x', 'line1\r\nline2', 'p"q']]);
  });
  it('keeps non-Latin text as is', () => {
    const names = ['Дмитрий Иванов', 'Σωκράτης', 'محمد علي', 'דוד לוי', '山田太郎', '김민준', '👩‍💻 dev'];
    expect(parseCsv(csvRecord(names))).toEqual([names]);
  });
  it('a cell starting with a line break is neutralised and quoted', () => {
    expect(csvRecord(['\nx'])).toBe(`"'\nx"\r\n`);
  });
});

describe('ISO 8601 UTC times', () => {
  it('normalises offsets to Z and keeps unparseable text', () => {
    expect(isoUtc('2024-05-01T11:30:00+02:00')).toBe('2024-05-01T09:30:00.000Z');
    expect(isoUtc('2024-05-01T09:30:00Z')).toBe('2024-05-01T09:30:00.000Z');
    expect(isoUtc(null)).toBeNull();
    expect(isoUtc('soon')).toBe('soon');
  });
});

describe('round trip (property)', () => {
  it('random strings survive writer -> RFC 4180 parser -> restoreCell (NUL aside)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({
        unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', "'", '"', ',', 'a', 'é', '字', '\0'),
        maxLength: 20,
      }),
    );
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 8 }), (row) => {
        const parsed = parseCsv(csvRecord(row));
        expect(parsed).toHaveLength(1);
        expect(parsed[0].map(restoreCell)).toEqual(row.map((v) => v.replace(/\0/g, '')));
        for (const cell of parsed[0]) expect(cell).not.toMatch(/^[=+\-@\t\r\n]/);
      }),
      { numRuns: 2000 },
    );
  });
});
