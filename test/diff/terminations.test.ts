import { describe, expect, it } from 'vitest';
import { matchLeavers, parseTerminations, TerminationsError } from '../../main/diff/terminations.js';
import { user } from './memory-view.js';

describe('parseTerminations', () => {
  it('reads any of the identifier and date columns, in any case', () => {
    expect(parseTerminations('Name,UPN,EmployeeID,Termination_Date\r\nA,a@x.com,E1,2026-03-01\r\nB,,E2,2026-03-02T17:00:00Z\r\n')).toEqual([
      { line: 2, upn: 'a@x.com', mail: null, employeeId: 'E1', terminationDate: '2026-03-01' },
      { line: 3, upn: null, mail: null, employeeId: 'E2', terminationDate: '2026-03-02' },
    ]);
  });

  it('names every bad line, and a file without the needed columns', () => {
    expect(() => parseTerminations('upn,lastDay\na@x.com,01/03/2026\n,2026-01-01\n')).toThrow(TerminationsError);
    try {
      parseTerminations('upn,lastDay\na@x.com,01/03/2026\n,2026-01-01\n');
    } catch (e) {
      expect((e as TerminationsError).problems).toEqual(['line 2: termination date "01/03/2026" is not an ISO 8601 date (YYYY-MM-DD)', 'line 3: no UPN, mail or employee id']);
    }
    expect(() => parseTerminations('name,date\nx,2026-01-01\n')).toThrow(/no column identifies the person.*\n.*no termination date column/s);
  });

  it('matches on UPN or mail without case, or on employee id, and falls back to deleted accounts', () => {
    const users = [user('u1', 'Ann@x.com', { employeeId: 'E1' }), user('u2', 'bo@x.com', { mail: 'Bo.Smith@x.com' })];
    const leavers = parseTerminations('mail,employeeId,lastDay\nann@X.com,,2026-01-01\nbo.smith@x.com,,2026-01-01\n,E1,2026-01-01\ngone@x.com,,2026-01-01\nnobody@x.com,,2026-01-01\n');
    const m = matchLeavers(leavers, users, [{ id: 'd1', userPrincipalName: 'd1gone@x.com', displayName: 'Gone', mail: 'gone@x.com', employeeId: null, deletedDateTime: null }]);
    expect(m.map((x) => x.user?.id ?? x.deleted?.id ?? null)).toEqual(['u1', 'u2', 'u1', 'd1', null]);
  });
});
