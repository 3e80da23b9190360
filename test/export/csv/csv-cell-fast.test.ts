/**
 * The fast paths of csv-cell.ts give the same text as the general ones they short-cut:
 * `textCell` = `quoteCell(neutraliseText(..))` and `isoUtc`'s canonical shortcut = `new Date(..).toISOString()`.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  canonicalUtc,
  cellText,
  csvRecord,
  isoUtc,
  neutraliseText,
  quoteCell,
  textCell,
  type CellValue,
} from '../../../main/export/csv/csv-cell.js';

/** What isoUtc gave before the shortcut. */
function slowIso(value: string): string {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

const slowCell = (t: string): string => quoteCell(neutraliseText(t));

describe('textCell equals quoteCell(neutraliseText(..))', () => {
  it.each([
    '',
    'Alice',
    '=1+1',
    '+1',
    '-2',
    '@SUM(A1)',
    '\tx',
    '\rx',
    '\nx',
    "'",
    "'=x",
    "''-1",
    "'a",
    "''",
    'a,b',
    'say "hi"',
    '"',
    'line1\r\nline2',
    'a\0b',
    '\0=cmd',
    "\0'@",
    '=\0',
    '\0',
    '-5',
    '{"a":"b,c"}',
    '翔 鈴木',
    '\u{1F469}\u200D\u{1F4BB}',
    ' =x',
    'x=',
  ])('%j', (t) => {
    expect(textCell(t)).toBe(slowCell(t));
    expect(csvRecord([t, t])).toBe(`${slowCell(t)},${slowCell(t)}\r\n`);
  });
  it('on random strings of trigger, quote, NUL and ordinary characters', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.string({
        unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', "'", '"', ',', ' ', 'a', '0', 'é', '字', '\0'),
        maxLength: 12,
      }),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(textCell(t)).toBe(slowCell(t));
      }),
      { numRuns: 5000 },
    );
  });
  it('csvRecord equals the cell-by-cell concatenation for records of changing widths', () => {
    const reference = (values: readonly CellValue[]): string =>
      `${values.map((v) => quoteCell(cellText(v))).join(',')}\r\n`;
    const records: CellValue[][] = [
      [],
      [null],
      [''],
      ['a'],
      ['=x', null],
      [1, 'a,b', '"', null],
      [],
      ['\0'],
      ['x', ''],
    ];
    for (const r of [...records, ...records.reverse()]) expect(csvRecord(r)).toBe(reference(r));
    const value = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.array(value, { maxLength: 6 }), { maxLength: 5 }), (rs) => {
        for (const r of rs) expect(csvRecord(r)).toBe(reference(r));
      }),
      { numRuns: 2000 },
    );
  });
  it('csvRecord keeps numbers, booleans and empty values as before', () => {
    const values: CellValue[] = [0, -5, 1.5, NaN, Infinity, true, false, null, undefined, '', '-5'];
    expect(csvRecord(values)).toBe(`${values.map((v) => quoteCell(cellText(v))).join(',')}\r\n`);
  });
});

describe('isoUtc shortcut equals new Date(..).toISOString()', () => {
  it.each([
    '2024-05-01T09:30:00Z',
    '2024-05-01T09:30:00.000Z',
    '2024-05-01T09:30:00.1Z',
    '2024-05-01T09:30:00.12Z',
    '2024-05-01T09:30:00.123Z',
    '2024-05-01T09:30:00.1234Z',
    '2024-05-01T09:30:00.1234567Z',
    '2024-05-01T09:30:00.9999999Z',
    '2024-05-01T09:30:00.123456789Z',
    '2024-05-01T09:30:00.1234567890Z',
    '2024-05-01T09:30:00.Z',
    '2024-05-01T11:30:00+02:00',
    '2024-05-01T11:30:00.1234567+02:00',
    '2024-05-01T09:30:00',
    '2024-05-01T09:30:00.000',
    '2024-05-01',
    '2024-05-01 09:30:00.000Z',
    '2024-05-01t09:30:00.000z',
    '2024-05-01T09:30:00.000z',
    '+002024-05-01T09:30:00.000Z',
    '2024-02-29T00:00:00.000Z',
    '2023-02-29T00:00:00.000Z',
    '2024-02-30T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2000-02-29T00:00:00Z',
    '2024-04-31T00:00:00.000Z',
    '2024-12-31T23:59:59.999Z',
    '2024-05-01T24:00:00.000Z',
    '2024-05-01T23:60:00.000Z',
    '2024-05-01T23:59:60.000Z',
    '2024-13-01T00:00:00.000Z',
    '2024-00-01T00:00:00.000Z',
    '2024-05-00T00:00:00.000Z',
    '0000-01-01T00:00:00.000Z',
    '9999-12-31T23:59:59.999Z',
    '2024-05-01T09:30:0a.000Z',
    '2024-05-01T09:30:00.0a0Z',
    '2024-05-01T09:30:00,000Z',
    '202a-05-01T09:30:00.000Z',
    '2024-05-01T09:30:00.000Zx',
    '2024-05-01T09:30:00\u0000000Z',
    'soon',
  ])('%j', (v) => {
    expect(isoUtc(v)).toBe(slowIso(v));
  });
  it('Date values still go through toISOString', () => {
    expect(isoUtc(new Date(Date.UTC(2024, 4, 1, 9, 30)))).toBe('2024-05-01T09:30:00.000Z');
  });
  it('on random timestamps of the canonical shape, in and out of range, with 0 to 10 fraction digits', () => {
    const d2 = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const stamp = fc
      .record({
        year: fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
        month: d2(14),
        day: d2(32),
        hour: d2(25),
        minute: d2(61),
        second: d2(61),
        fraction: fc.option(fc.stringMatching(/^[0-9]{0,10}$/), { nil: undefined }),
        zone: fc.constantFrom('Z', 'Z', 'Z', '+02:00', '-05:30', '', 'z'),
      })
      .map(
        (r) =>
          `${r.year}-${r.month}-${r.day}T${r.hour}:${r.minute}:${r.second}${r.fraction === undefined ? '' : `.${r.fraction}`}${r.zone}`,
      );
    fc.assert(
      fc.property(stamp, (s) => {
        expect(isoUtc(s)).toBe(slowIso(s));
      }),
      { numRuns: 20000 },
    );
  });
  it('every day of a leap-cycle of years goes the shortcut and matches Date', () => {
    for (const year of [1900, 2000, 2023, 2024, 2100]) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= 31; day++) {
          const s = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T23:59:59.9999999Z`;
          expect(isoUtc(s)).toBe(slowIso(s));
          const valid = !Number.isNaN(new Date(s).getTime()) && new Date(s).getUTCDate() === day;
          expect(canonicalUtc(s) !== null).toBe(valid);
        }
      }
    }
  });
});
