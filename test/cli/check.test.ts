import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../main/cli/index.js';
import { openResultsLayer } from '../../main/store/index.js';
import { DATASETS } from '../../shared/datasets.js';
import { OUTCOMES } from '../../shared/results.js';
import { NOW, tenantRows } from '../checks/catalogue/tenant-fixture.js';
import { buildSnapshot } from '../checks/snapshot-builder.js';

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => { out.push(a.join(' ')); });
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => { err.push(a.join(' ')); });
});
afterEach(() => vi.restoreAllMocks());

function files(path: string) {
  const dir = dirname(path);
  const csv = join(dir, 'leavers.csv');
  writeFileSync(csv, '\uFEFFUPN;Termination_Date\r\ndave@contoso.example;2026-03-01\r\nnobody@contoso.example;2026-03-01\r\n');
  return { dir, csv, json: join(dir, 'check.json') };
}

describe('entra-audit check', () => {
  it('writes the JSON contract, prints the summary, stores results and exits 1 on findings', async () => {
    const snap = buildSnapshot(tenantRows(), { now: NOW });
    const f = files(snap);
    const code = await main(['check', snap, '--terminations', f.csv, '--json', f.json]);
    expect(code).toBe(1);
    const json = JSON.parse(readFileSync(f.json, 'utf8'));
    const ids = json.checks.map((c: { id: string }) => c.id);
    expect(ids.slice(0, 3)).toEqual(['mfa-registered-all-users', 'inactive-user-accounts', 'offboarded-user-access-removed']);
    for (const c of json.checks) {
      for (const k of ['id', 'title', 'severity', 'controls', 'counts']) expect(c, `${c.id}.${k}`).toHaveProperty(k);
      expect(Object.keys(c.counts).sort()).toEqual([...OUTCOMES].sort());
    }
    for (const r of json.results) {
      for (const k of ['checkId', 'entityType', 'entityId', 'entityName', 'outcome', 'reason', 'evidence']) expect(r).toHaveProperty(k);
      expect(OUTCOMES).toContain(r.outcome);
    }
    expect(json.controls.length).toBeGreaterThan(0);
    expect(json.evaluatedAt).toBe(NOW);
    const dave = json.results.find((r: { checkId: string; entityId: string }) => r.checkId === 'offboarded-user-access-removed' && r.entityId === 'dave');
    expect(dave.outcome).toBe('fail');
    const text = out.join('\n');
    expect(text).toMatch(/Severity\s+Checks\s+Pass\s+Fail/);
    expect(text).toMatch(/Critical/);
    expect(text).toContain('SOC 2');
    expect(text).toContain('PCI DSS v4.0');
    const layer = openResultsLayer(snap);
    expect(layer.checkResults().length).toBe(json.results.length);
    layer.close();
  });

  it('is deterministic: the same snapshot and settings give the same JSON', async () => {
    const snap = buildSnapshot(tenantRows(), { now: NOW });
    const f = files(snap);
    await main(['check', snap, '--json', f.json, '--no-store']);
    const first = readFileSync(f.json, 'utf8');
    await main(['check', snap, '--json', f.json, '--no-store']);
    expect(readFileSync(f.json, 'utf8')).toBe(first);
  });

  it('exits 0 when nothing fails (everything not assessed says why)', async () => {
    const snap = buildSnapshot({}, { now: NOW, coverage: Object.fromEntries(DATASETS.map((d) => [d.id, 'unavailable'])) });
    expect(await main(['check', snap])).toBe(0);
    expect(out.join("\n")).toMatch(/not assessed: mfa-registered-all-users: .* is unavailable/);
  });

  it('filters controls by framework and honours the thresholds', async () => {
    const snap = buildSnapshot(tenantRows(), { now: NOW });
    const f = files(snap);
    await main(['check', snap, '--framework', 'soc2,HIPAA', '--inactive-days', '1', '--json', f.json, '--no-store']);
    const json = JSON.parse(readFileSync(f.json, 'utf8'));
    expect(new Set(json.controls.map((c: { framework: string }) => c.framework))).toEqual(new Set(['SOC2', 'HIPAA']));
    const inactive = json.checks.find((c: { id: string }) => c.id === 'inactive-user-accounts');
    expect(inactive.counts.fail).toBeGreaterThan(3);
  });

  it('applies an exceptions file and shows the exception', async () => {
    const snap = buildSnapshot(tenantRows(), { now: NOW });
    const f = files(snap);
    const exceptions = join(f.dir, 'exceptions.json');
    writeFileSync(exceptions, JSON.stringify({ exceptions: [{ id: 'EX-1', checkId: 'password-never-expires', entityId: 'bob', reason: 'Kiosk account', approver: 'ciso@contoso.example', createdAt: '2026-01-01', expiresAt: '2026-12-31' }] }));
    await main(['check', snap, '--exceptions', exceptions, '--json', f.json]);
    const json = JSON.parse(readFileSync(f.json, 'utf8'));
    const bob = json.results.find((r: { checkId: string; entityId: string }) => r.checkId === 'password-never-expires' && r.entityId === 'bob');
    expect(bob).toMatchObject({ outcome: 'exception', exceptionId: 'EX-1' });
    const layer = openResultsLayer(snap);
    expect(layer.exceptions().map((e) => e.id)).toEqual(['EX-1']);
    layer.close();
  });

  it('exits 3 with a specific message for bad input, 2 for a bad framework', async () => {
    const snap = buildSnapshot(tenantRows(), { now: NOW });
    const { dir } = files(snap);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'upn,terminationDate\nann@contoso.example,31/03/2026\n');
    expect(await main(['check', snap, '--terminations', bad])).toBe(3);
    expect(err.join('\n')).toMatch(/line 2, column terminationDate: "31\/03\/2026" is not an ISO 8601 date/);
    const badEx = join(dir, 'bad.json');
    writeFileSync(badEx, '[{"id":"EX-1"}]');
    expect(await main(['check', snap, '--exceptions', badEx])).toBe(3);
    expect(err.join('\n')).toMatch(/exception 1, field "checkId"/);
    const notSnapshot = join(dir, 'not.sqlite');
    writeFileSync(notSnapshot, 'hello');
    expect(await main(['check', notSnapshot])).toBe(3);
    expect(await main(['check', snap, '--framework', 'soc3'])).toBe(2);
    expect(await main(['check', snap, '--inactive-days', 'x'])).toBe(2);
  });
});
