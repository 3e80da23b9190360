import { describe, expect, it } from 'vitest';
import { assessmentResults, controlToken, uuid5 } from '../../../main/export/oscal/assessment-results.js';
import type { CheckRun } from '../../../main/export/types.js';
import type { CheckSummary } from '../../../shared/results.js';
import { sampleMeta } from '../fixtures.js';
import { oscalValidator } from '../oscal-schema.js';

const validate = oscalValidator();

function check(id: string, status: CheckSummary['status'], fail: number): CheckSummary {
  return {
    id,
    title: `Check ${id}`,
    severity: 'High',
    appliesTo: 'user',
    description: 'Does a thing.',
    remediation: 'Fix it.',
    datasets: ['users'],
    references: ['CIS 1.1'],
    controls: ['SOC2:CC6.1', 'HIPAA:164.312(d)'],
    counts: {
      pass: 3,
      fail,
      'not-applicable': 0,
      'not-assessed': status === 'not-assessed' ? 1 : 0,
      exception: 0,
      external: 0,
    },
    status,
    notAssessedReason: status === 'not-assessed' ? 'Sign-in logs need Entra ID P1' : null,
  };
}

const run: CheckRun = {
  checks: [check('a', 'fail', 2), check('b', 'pass', 0), check('c', 'not-assessed', 0)],
  results: [
    {
      checkId: 'a',
      entityType: 'user',
      entityId: 'u1',
      entityName: 'Ζωή Παπαδοπούλου',
      outcome: 'fail',
      reason: 'no MFA',
      evidence: {},
    },
    {
      checkId: 'a',
      entityType: 'user',
      entityId: 'u2',
      entityName: '  山田太郎 ',
      outcome: 'fail',
      reason: 'no MFA',
      evidence: {},
    },
  ],
  controls: [
    {
      framework: 'SOC2',
      controlId: 'CC6.1',
      title: 'Logical access',
      status: 'partial',
      checkIds: ['a', 'b'],
      artifacts: ['user-directory'],
    },
    {
      framework: 'HIPAA',
      controlId: '164.312(d)',
      title: 'Person or entity authentication',
      status: 'not-assessed',
      checkIds: ['c'],
      artifacts: [],
    },
    {
      framework: 'PCI-DSS-4.0',
      controlId: '8.3.1',
      title: 'Strong authentication',
      status: 'pass',
      checkIds: ['b'],
      artifacts: [],
    },
  ],
};

describe('OSCAL assessment results', () => {
  it('validates against the OSCAL 1.0.6 JSON schema', () => {
    const doc = assessmentResults({
      meta: sampleMeta(),
      run,
      toolVersion: '0.1.0',
      now: new Date('2026-11-02T10:00:00Z'),
    });
    const ok = validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('has one observation per check and one finding per control, not-assessed never satisfied', () => {
    const ar = assessmentResults({ meta: sampleMeta(), run, toolVersion: '0.1.0', now: new Date() })[
      'assessment-results'
    ];
    const result = ar.results[0];
    expect(result.observations).toHaveLength(3);
    expect(result.findings).toHaveLength(3);
    const byId = Object.fromEntries(result.findings!.map((f) => [f.target['target-id'], f.target.status]));
    expect(byId['soc2-cc6.1']).toEqual({ state: 'not-satisfied', reason: 'fail' });
    expect(byId['hipaa-164.312_d_']).toEqual({ state: 'not-satisfied', reason: 'other' });
    expect(byId['pci-dss-4.0-8.3.1']).toEqual({ state: 'satisfied', reason: 'pass' });
    const a = result.observations!.find((o) => o.title === 'Check a')!;
    expect(a.remarks).toContain('Ζωή Παπαδοπούλου');
    expect(result.findings![0]['related-observations']).toHaveLength(2);
  });

  it('is stable: same snapshot, same UUIDs', () => {
    const one = assessmentResults({ meta: sampleMeta(), run, toolVersion: '0.1.0', now: new Date(1) });
    const two = assessmentResults({ meta: sampleMeta(), run, toolVersion: '0.1.0', now: new Date(1) });
    expect(JSON.stringify(one)).toBe(JSON.stringify(two));
    expect(uuid5('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(controlToken('NIST-CSF-2.0', 'PR.AA-01')).toBe('nist-csf-2.0-pr.aa-01');
  });

  it('rejects a broken document (the validator is not vacuous)', () => {
    const doc = assessmentResults({ meta: sampleMeta(), run, toolVersion: '0.1.0', now: new Date() });
    (doc['assessment-results'].results[0].findings![0].target as { 'target-id': string })['target-id'] = '164.312(d)';
    expect(validate(doc)).toBe(false);
  });
});
