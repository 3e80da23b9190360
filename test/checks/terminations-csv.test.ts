import { describe, expect, it } from 'vitest';
import { parseTerminationsCsv, TerminationsCsvError } from '../../main/checks/terminations-csv.js';

const err = (text: string): string => {
  try {
    parseTerminationsCsv(text);
  } catch (e) {
    expect(e).toBeInstanceOf(TerminationsCsvError);
    return (e as Error).message;
  }
  throw new Error('expected an error');
};

describe('parseTerminationsCsv', () => {
  it('reads the generator shape (CRLF, extra columns ignored)', () => {
    const rows = parseTerminationsCsv('userPrincipalName,employeeId,displayName,terminationDate\r\nann@contoso.com,E1,"Ann, Jr.",2026-03-31\r\n');
    expect(rows).toEqual([{ line: 2, userPrincipalName: 'ann@contoso.com', mail: null, employeeId: 'E1', terminationDate: '2026-03-31' }]);
  });

  it('matches headers case-insensitively and accepts every documented name', () => {
    expect(parseTerminationsCsv('UPN,Termination_Date\nann@c.com,2026-01-02\n')[0]).toMatchObject({ userPrincipalName: 'ann@c.com', terminationDate: '2026-01-02' });
    expect(parseTerminationsCsv('EMAIL,lastDay\nann@c.com,2026-01-02\n')[0]).toMatchObject({ mail: 'ann@c.com' });
    expect(parseTerminationsCsv('Mail,TERMINATIONDATE\nann@c.com,2026-01-02T17:00:00Z\n')[0]).toMatchObject({ mail: 'ann@c.com', terminationDate: '2026-01-02T17:00:00Z' });
    expect(parseTerminationsCsv('employee id,terminationDate\nE9,2026-01-02\n')[0]).toMatchObject({ employeeId: 'E9' });
  });

  it('allows several identifying columns; a row needs one value', () => {
    const rows = parseTerminationsCsv('upn,employeeId,mail,lastDay\n,E1,,2026-01-02\nb@c.com,,,2026-01-03\n');
    expect(rows.map((r) => [r.userPrincipalName, r.employeeId])).toEqual([[null, 'E1'], ['b@c.com', null]]);
  });

  it('tolerates a BOM, semicolons, tabs, blank lines and exact duplicates', () => {
    const rows = parseTerminationsCsv('\uFEFFupn;terminationDate\r\n\r\na@c.com;2026-01-02\r\na@c.com;2026-01-02\r\nb@c.com;2026-01-03');
    expect(rows.map((r) => r.userPrincipalName)).toEqual(['a@c.com', 'b@c.com']);
    expect(rows[1].line).toBe(5);
    expect(parseTerminationsCsv('upn\tlastDay\na@c.com\t2026-01-02\n')).toHaveLength(1);
  });

  it('keeps rows for the same person with different dates (the check merges them)', () => {
    expect(parseTerminationsCsv('upn,lastDay\na@c.com,2026-01-02\na@c.com,2026-02-02\n')).toHaveLength(2);
  });

  it('counts lines across quoted line breaks', () => {
    const rows = parseTerminationsCsv('upn,note,lastDay\na@c.com,"two\nlines",2026-01-02\nb@c.com,x,2026-01-03\n');
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it('gives clear, specific errors naming line and column', () => {
    expect(err('')).toMatch(/empty/);
    expect(err('name,terminationDate\nAnn,2026-01-01\n')).toMatch(/line 1: no column identifies the person.*"name"/);
    expect(err('upn,date\na@c.com,2026-01-01\n')).toMatch(/line 1: no termination date column/);
    expect(err('upn,terminationDate,lastDay\na@c.com,2026-01-01,2026-01-01\n')).toMatch(/several termination date columns/);
    expect(err('upn,terminationDate\n')).toMatch(/no rows/);
    expect(err('upn,terminationDate\na@c.com,31/12/2025\n')).toMatch(/line 2, column terminationDate: "31\/12\/2025" is not an ISO 8601 date/);
    expect(err('upn,terminationDate\na@c.com,2025-02-30\n')).toMatch(/line 2, column terminationDate/);
    expect(err('upn,terminationDate\na@c.com,\n')).toMatch(/line 2, column terminationDate: empty/);
    expect(err('upn,terminationDate\n,2026-01-01\n')).toMatch(/line 2: no value in upn/);
    expect(err('upn,terminationDate\na@c.com,2026-01-01,extra\n')).toMatch(/line 2: 3 fields but the header has 2/);
    expect(err('upn,terminationDate\n"a@c.com,2026-01-01\n')).toMatch(/line 2: a quoted field is never closed/);
  });
});
