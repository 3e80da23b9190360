import { describe, expect, it } from 'vitest';
import { applyExceptions, ExceptionsFileError, parseExceptions } from '../../main/checks/exceptions.js';
import type { CheckResult, RiskException } from '../../shared/results.js';

const KNOWN = ['inactive-user-accounts', 'mfa-registered-all-users'];

function ex(id: string, entityId: string, expiresAt: string, checkId = 'inactive-user-accounts'): RiskException {
  return { id, checkId, entityId, reason: 'Seasonal staff', approver: 'ciso@contoso.com', createdAt: '2026-01-01', expiresAt };
}

function result(entityId: string, outcome: CheckResult['outcome'] = 'fail'): CheckResult {
  return { checkId: 'inactive-user-accounts', entityType: 'user', entityId, entityName: entityId, outcome, reason: 'No sign-in for 120 days', evidence: { days: 120 } };
}

describe('parseExceptions', () => {
  it('reads the documented object form and the bare list', () => {
    const one = ex('EX-1', 'u1', '2026-06-30');
    expect(parseExceptions(JSON.stringify({ exceptions: [one] }), KNOWN)).toEqual([one]);
    expect(parseExceptions(`\uFEFF${JSON.stringify([one])}`, KNOWN)).toEqual([one]);
  });
  it('names the entry and field of a bad exception', () => {
    expect(() => parseExceptions('{', KNOWN)).toThrow(ExceptionsFileError);
    expect(() => parseExceptions(JSON.stringify([{ ...ex('EX-1', 'u1', '2026-06-30'), approver: '' }]), KNOWN)).toThrow(/exception 1, field "approver"/);
    expect(() => parseExceptions(JSON.stringify({ exceptions: [ex('EX-1', 'u1', '30/06/2026')] }), KNOWN)).toThrow(/exception 1, field "expiresAt": must be an ISO 8601 date/);
    expect(() => parseExceptions(JSON.stringify([ex('EX-1', 'u1', '2026-06-30'), ex('EX-1', 'u2', '2026-06-30')]), KNOWN)).toThrow(/exception 2: id "EX-1" is used twice/);
    expect(() => parseExceptions(JSON.stringify([ex('EX-1', 'u1', '2026-06-30', 'inactive-users')]), KNOWN)).toThrow(/no check is called "inactive-users"/);
  });
});

describe('applyExceptions', () => {
  const now = '2026-06-30T12:00:00Z';
  it('turns a failing result into an exception that still shows the finding', () => {
    const [r] = applyExceptions([result('u1')], [ex('EX-1', 'u1', '2026-06-30')], now);
    expect(r.outcome).toBe('exception');
    expect(r.exceptionId).toBe('EX-1');
    expect(r.reason).toContain('No sign-in for 120 days');
    expect(r.reason).toContain('ciso@contoso.com');
    expect(r.evidence).toMatchObject({ days: 120, exceptionExpiresAt: '2026-06-30' });
  });
  it('ignores expired exceptions, other entities, other checks and non-failing results', () => {
    const out = applyExceptions(
      [result('u1'), result('u2'), result('u3', 'pass'), result('u4')],
      [ex('EX-1', 'u1', '2026-06-29'), ex('EX-2', 'u9', '2027-01-01'), ex('EX-3', 'u4', '2027-01-01', 'mfa-registered-all-users'), ex('EX-4', 'u3', '2027-01-01')],
      now,
    );
    expect(out.map((r) => r.outcome)).toEqual(['fail', 'fail', 'pass', 'fail']);
  });
  it('a date-time expiry ends at that instant; "*" covers every entity of the check', () => {
    expect(applyExceptions([result('u1')], [ex('EX-1', 'u1', '2026-06-30T11:59:59Z')], now)[0].outcome).toBe('fail');
    const out = applyExceptions([result('u1'), result('u2')], [ex('EX-9', '*', '2027-01-01'), ex('EX-1', 'u2', '2027-01-01')], now);
    expect(out.map((r) => r.exceptionId)).toEqual(['EX-9', 'EX-1']);
  });
});
