import { describe, expect, it } from 'vitest';
import { controlResults, controlStatus } from '../../../shared/frameworks/control-status.js';
import type { CheckSummary } from '../../../shared/results.js';

function summary(id: string, status: CheckSummary['status'], controls: string[]): CheckSummary {
  return {
    id, title: id, severity: 'High', appliesTo: 'user', description: '', remediation: '', datasets: [], references: [], controls,
    counts: { pass: 0, fail: 0, 'not-applicable': 0, 'not-assessed': 0, exception: 0, external: 0 }, status, notAssessedReason: null,
  };
}

describe('controlStatus', () => {
  it.each([
    [['pass', 'pass'], 'pass'],
    [['pass', 'not-applicable'], 'pass'],
    [['fail'], 'fail'],
    [['fail', 'not-assessed'], 'fail'],
    [['fail', 'pass'], 'partial'],
    [['pass', 'not-assessed'], 'partial'],
    [['not-assessed', 'not-applicable'], 'not-assessed'],
    [['not-applicable'], 'not-applicable'],
    [[], 'not-assessed'],
  ] as const)('%j -> %s', (statuses, expected) => {
    expect(controlStatus(statuses)).toBe(expected);
  });
});

describe('controlResults', () => {
  const checks = [
    summary('b-check', 'pass', ['SOC2:CC6.1', 'HIPAA:164.312(d)']),
    summary('a-check', 'fail', ['SOC2:CC6.1']),
    summary('c-check', 'not-assessed', ['SOC2:CC7.2']),
  ];
  it('derives each control from its checks, never turning not-assessed into pass', () => {
    const r = controlResults(checks, ['SOC2']);
    const cc61 = r.find((c) => c.controlId === 'CC6.1')!;
    expect(cc61.status).toBe('partial');
    expect(cc61.checkIds).toEqual(['a-check', 'b-check']);
    expect(cc61.artifacts).toContain('user-directory');
    expect(r.find((c) => c.controlId === 'CC7.2')!.status).toBe('not-assessed');
    // CC6.2 has only artifacts: evidence for the auditor, not a pass.
    expect(r.find((c) => c.controlId === 'CC6.2')!.status).toBe('not-assessed');
  });
  it('filters by framework and keeps catalogue order', () => {
    expect(new Set(controlResults(checks, ['HIPAA']).map((c) => c.framework))).toEqual(new Set(['HIPAA']));
    const all = controlResults(checks);
    const frameworks = [...new Set(all.map((c) => c.framework))];
    expect(frameworks[0]).toBe('SOC2');
    expect(frameworks).toContain('PCI-DSS-4.0');
  });
});
