/**
 * High-risk sign-ins that succeeded: Graph shows sign-in risk levels to P2 tenants only (others read
 * "hidden"), so on P1 the check is not assessed rather than passing every user.
 */
import { describe, expect, it } from 'vitest';
import { checkById } from '../../../main/checks/catalogue/index.js';
import { runChecks } from '../../../main/checks/engine.js';
import { snapshot } from '../snapshot-builder.js';
import { NOW, tenantRows } from './tenant-fixture.js';

const results = (licence: 'p1' | 'p2') => {
  const reader = snapshot(tenantRows(), { now: NOW, licence });
  try {
    return runChecks(reader, {}, { checks: [checkById('high-risk-sign-ins-succeeded')!] }).results;
  } finally {
    reader.close();
  }
};

describe('high-risk-sign-ins-succeeded', () => {
  it('judges each signed-in user on P2', () => {
    const outcomes = new Set(results('p2').map((r) => r.outcome));
    expect([...outcomes].sort()).toEqual(['fail', 'pass']);
  });
  it('is not assessed on P1, where sign-in risk is hidden', () => {
    const r = results('p1');
    expect(r.map((x) => [x.entityId, x.outcome])).toEqual([['tenant', 'not-assessed']]);
    expect(r[0].reason).toContain('Entra ID P2');
  });
});
