import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../../main/checks/catalogue/index.js';
import { DATASETS } from '../../../shared/datasets.js';
import { EVIDENCE_ARTIFACTS } from '../../../shared/frameworks/artifacts.js';
import { FRAMEWORKS, parseControlRef } from '../../../shared/frameworks/catalogue.js';
import { SEVERITIES } from '../../../shared/results.js';

describe('check catalogue', () => {
  it('starts with the seed checks under their contract ids and severities', () => {
    expect(CHECKS.slice(0, 3).map((c) => [c.id, c.title, c.severity, c.appliesTo])).toEqual([
      ['mfa-registered-all-users', 'MFA Registered for All Users', 'Critical', 'user'],
      ['inactive-user-accounts', 'Inactive User Accounts', 'Medium', 'user'],
      ['offboarded-user-access-removed', 'Offboarded User Access Removed', 'Critical', 'user'],
    ]);
  });

  it('has at least 30 more checks, with unique kebab-case ids', () => {
    expect(CHECKS.length - 3).toBeGreaterThanOrEqual(30);
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('gives every check a title, severity, description, remediation, datasets, references and known controls', () => {
    const datasetIds = DATASETS.map((d) => d.id);
    for (const c of CHECKS) {
      expect(SEVERITIES, c.id).toContain(c.severity);
      expect(c.description.length, c.id).toBeGreaterThan(40);
      expect(c.remediation.length, c.id).toBeGreaterThan(20);
      expect(c.references.length, c.id).toBeGreaterThan(0);
      expect(c.requires.length, c.id).toBeGreaterThan(0);
      for (const d of c.datasets) expect(datasetIds, c.id).toContain(d);
      for (const d of c.requires) expect(c.datasets, c.id).toContain(d);
      expect(c.controls.length, c.id).toBeGreaterThan(0);
      for (const ref of c.controls) expect(parseControlRef(ref), `${c.id}: ${ref}`).not.toBeNull();
    }
  });

  it('maps every framework to at least one check, and cites CIS, SCuBA and Maester ids', () => {
    for (const f of FRAMEWORKS) expect(CHECKS.some((c) => c.controls.some((r) => r.startsWith(`${f.id}:`))), f.id).toBe(true);
    const refs = CHECKS.flatMap((c) => c.references).join(' ');
    for (const needle of ['CISA SCuBA MS.AAD.1.1v1', 'CISA SCuBA MS.AAD.3.2v1', 'CISA SCuBA MS.AAD.7.1v1', 'CIS M365 v4.0.0 1.1.3', 'Maester MT.1005']) expect(refs).toContain(needle);
  });

  it('every seed evidence artifact shares a control with some check', () => {
    for (const a of EVIDENCE_ARTIFACTS) expect(CHECKS.some((c) => c.controls.some((r) => a.controls.includes(r))), a.id).toBe(true);
  });
});
