import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../main/checks/catalogue/index.js';
import { resolveSettings, runChecks } from '../../main/checks/engine.js';
import { snapshot } from './snapshot-builder.js';
import { NOW, tenantRows } from './catalogue/tenant-fixture.js';

describe('resolveSettings', () => {
  it('evaluates at collection end by default, with the documented defaults', () => {
    const s = resolveSettings(snapshot({}, { now: NOW, authMode: 'certificate', meta: { signInWindowTo: '2026-05-31T23:00:00Z' } }));
    expect(s).toEqual({ now: NOW, inactiveDays: 90, graceDays: 7, terminations: undefined, exceptions: [] });
  });
  it('evaluates a demo snapshot as of its synthetic tenant clock (the end of its sign-in window)', () => {
    expect(resolveSettings(snapshot({}, { now: '2026-11-28T00:00:00.000Z', meta: { signInWindowTo: '2026-06-01T12:00:00Z' } })).now).toBe('2026-06-01T12:00:00Z');
  });
  it('an explicit time wins', () => {
    expect(resolveSettings(snapshot({}, { now: NOW }), { now: '2027-01-01T00:00:00Z' }).now).toBe('2027-01-01T00:00:00Z');
  });
});

describe('runChecks', () => {
  const reader = snapshot(tenantRows(), { now: NOW });
  const run = runChecks(reader);

  it('runs the catalogue in order and sorts each check\'s results by entity name, then id', () => {
    expect(run.checks.map((c) => c.id)).toEqual(CHECKS.map((c) => c.id));
    const firstIndex = new Map<string, number>();
    run.results.forEach((r, i) => { if (!firstIndex.has(r.checkId)) firstIndex.set(r.checkId, i); });
    expect([...firstIndex.keys()]).toEqual(run.checks.filter((c) => firstIndex.has(c.id)).map((c) => c.id));
    for (const c of run.checks) {
      const names = run.results.filter((r) => r.checkId === c.id).map((r) => `${r.entityName}\u0000${r.entityId}`);
      expect(names, c.id).toEqual([...names].sort());
    }
  });

  it('sums outcomes per check and derives the check status', () => {
    for (const c of run.checks) {
      const mine = run.results.filter((r) => r.checkId === c.id);
      expect(Object.values(c.counts).reduce((a, b) => a + b, 0), c.id).toBe(mine.length);
      if (c.counts.fail) expect(c.status).toBe('fail');
      else if (c.counts['not-assessed']) expect(c.status).toBe('not-assessed');
    }
    expect(run.checks.find((c) => c.id === 'apps-without-owners')!.status).toBe('fail');
  });

  it('is deterministic and leaves collected data alone', () => {
    expect(JSON.stringify(runChecks(reader))).toBe(JSON.stringify(run));
  });

  it('turns excepted failures into exceptions, making a check pass when nothing else fails', () => {
    const ex = runChecks(reader, { exceptions: [{ id: 'EX-1', checkId: 'apps-without-owners', entityId: 'app-2', reason: 'Being retired', approver: 'cio', createdAt: '2026-05-01', expiresAt: '2026-07-01' }] });
    const c = ex.checks.find((x) => x.id === 'apps-without-owners')!;
    expect(c.counts).toMatchObject({ fail: 0, exception: 1, pass: 1 });
    expect(c.status).toBe('pass');
  });

  it('filters controls to the chosen frameworks', () => {
    const only = runChecks(reader, {}, { frameworks: ['GDPR'] });
    expect(new Set(only.controls.map((c) => c.framework))).toEqual(new Set(['GDPR']));
  });
});
