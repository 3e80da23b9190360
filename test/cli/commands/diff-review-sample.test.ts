import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../main/cli/index.js';
import { SampleLayer } from '../../../main/sampling/sample-store.js';
import { openResultsLayer, openSnapshot, verifyContentHash } from '../../../main/store/index.js';
import { assignment, policy, type ViewData } from '../../diff/memory-view.js';
import { tempDir, writeSnapshot } from '../../diff/sqlite-snapshot.js';
import { reviewTenant } from '../../reviews/fixture.js';

let dir: string;
let cleanup: () => void;
let out: string[];
let err: string[];
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
});
afterEach(() => {
  vi.restoreAllMocks();
  cleanup();
});

function snapshot(name: string, data: ViewData): string {
  const path = join(dir, name);
  writeSnapshot(path, data);
  return path;
}

describe('entra-audit diff', () => {
  it('prints the changes, writes JSON and exits 1 when something changed, 0 when nothing did', async () => {
    const a = snapshot('a.sqlite', { ...reviewTenant(), policies: [policy('p1', 'Require MFA')] });
    const b = snapshot('b.sqlite', { ...reviewTenant(), meta: { snapshotId: 'snap-2' }, policies: [policy('p1', 'Require MFA', { state: 'disabled' })],
      roleAssignments: [...reviewTenant().roleAssignments!, assignment('n1', 'u4', 'ga')] });
    const results = openResultsLayer(b);
    results.saveCheckResults([{ checkId: 'c', entityType: 'user', entityId: 'u1', entityName: 'alice', outcome: 'fail', reason: 'r', evidence: {} }]);
    results.close();
    const json = join(dir, 'diff.json');
    expect(await main(['diff', a, b, '--json', json])).toBe(1);
    const text = out.join('\n');
    expect(text).toContain('~ changed state of policy Require MFA from enabled to disabled');
    expect(text).toContain('+ new admin: user dave@contoso.com holds Global Administrator (active)');
    expect(text).toContain('! not compared: the old snapshot carries no check results');
    const parsed = JSON.parse(readFileSync(json, 'utf8'));
    expect(parsed.counts).toMatchObject({ admins: 1, 'role-assignments': 1, 'conditional-access': 1 });
    expect(await main(['diff', a, a])).toBe(0);
  });

  it('refuses snapshots of two tenants, and files that are not snapshots, with exit 3', async () => {
    const a = snapshot('a.sqlite', reviewTenant());
    const b = snapshot('b.sqlite', { ...reviewTenant(), meta: { tenantId: '99999999-9999-9999-9999-999999999999', tenantName: 'Fabrikam' } });
    expect(await main(['diff', a, b])).toBe(3);
    expect(err.join('\n')).toMatch(/different tenants: .*a.sqlite is Contoso .*b.sqlite is Fabrikam/);
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'hello');
    expect(await main(['diff', a, junk])).toBe(3);
    expect(err.join('\n')).toMatch(/junk.sqlite is not a snapshot/);
    expect(await main(['diff', a])).toBe(2);
    const hr = join(dir, 'hr.csv');
    writeFileSync(hr, 'name,lastDay\r\nx,2026-01-01\r\n');
    expect(await main(['diff', a, a, '--terminations', hr])).toBe(3);
    expect(err.join('\n')).toContain('hr.csv: ');
    writeFileSync(hr, 'upn,lastDay\r\nalice@contoso.com,2026-01-01\r\n');
    out = [];
    expect(await main(['diff', a, a, '--terminations', hr])).toBe(1);
    expect(out.join('\n')).toContain('~ leaver alice@contoso.com (last day 2026-01-01) still has an enabled account (also enabled in the old snapshot)');
  });
});

describe('entra-audit review', () => {
  it('creates a campaign workbook, imports decisions back, refuses a bad workbook, and lists progress', async () => {
    const snap = snapshot('s.sqlite', reviewTenant());
    const wb = join(dir, 'wb.csv');
    expect(await main(['review', 'create', snap, '--group', 'Finance Team', '--app', 'Salesforce', '--out', wb, '--by', 'auditor'])).toBe(0);
    expect(out.join('\n')).toMatch(/campaign rc-\d{8}-[0-9a-f]{6} "Access review .*": 5 items over group Finance Team, application Salesforce/);
    const lines = readFileSync(wb, 'utf8').split('\r\n');
    const today = new Date().toISOString().slice(0, 10);
    lines[1] = lines[1].replace(/,,,,$/, `,keep,owner@contoso.com,${today},ok`);
    lines[2] = lines[2].replace(/,,,,$/, `,remove,owner@contoso.com,${today},left the team`);
    const returned = join(dir, 'returned.csv');
    writeFileSync(returned, lines.join('\r\n'));
    const code = await main(['review', 'import', snap, returned]);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('recorded 2 decisions (1 keep, 1 remove); 3 rows left undecided');

    lines[3] = lines[3].replace(/,,,,$/, ',perhaps,x,2026-01-01,');
    writeFileSync(returned, lines.join('\r\n'));
    expect(await main(['review', 'import', snap, returned])).toBe(3);
    expect(err.join('\n')).toMatch(/nothing was recorded; fix these rows[\s\S]*line 4 \(R-0003\): decision "perhaps" is not keep or remove/);

    out = [];
    expect(await main(['review', 'list', snap])).toBe(0);
    expect(out.join('\n')).toMatch(/2\/5 decided \(1 keep, 1 remove\)/);
    const id = /rc-\d{8}-[0-9a-f]{6}/.exec(out.join('\n'))![0];
    const completed = join(dir, 'completed.csv');
    expect(await main(['review', 'workbook', snap, id, '--out', completed])).toBe(0);
    expect(readFileSync(completed, 'utf8')).toContain(`remove,owner@contoso.com,${today},left the team`);
    expect(await main(['review', 'create', snap, '--group', 'Nope', '--out', wb])).toBe(3);
    expect(err.join('\n')).toContain('no group "Nope" in this snapshot');
  });
});

describe('entra-audit sample', () => {
  it('prints seed, population size and algorithm, and draws the same sample for the same seed', async () => {
    const snap = snapshot('s.sqlite', reviewTenant());
    const csv = join(dir, 'sample.csv');
    expect(await main(['sample', snap, '--population', 'users', '--size', '3', '--seed', '77', '--csv', csv])).toBe(0);
    const first = out.join('\n');
    expect(first).toMatch(/Population size +5\n/);
    expect(first).toMatch(/Seed\s+77/);
    expect(first).toContain('sha256-counter-fisher-yates-v1');
    expect(readFileSync(csv, 'utf8').startsWith('\uFEFFdraw,sorted_index,id,name,upn,')).toBe(true);
    out = [];
    expect(await main(['sample', snap, '--population', 'users', '--size', '3', '--seed', '77'])).toBe(0);
    expect(out.join('\n')).toBe(first.replace(/\n\nwritten: .*$/, ''));
    expect(await main(['sample', snap, '--population', 'guests', '--size', '2', '--seed', 'g', '--record'])).toBe(0);
    expect(await main(['sample', snap, '--population', 'users', '--size', '3', '--seed', '77', '--record'])).toBe(0);
    const layer = SampleLayer.open(snap, true);
    expect(layer.samples().map((r) => [r.id, r.sample.population, r.sample.seed, r.sample.sampleSize])).toEqual([[1, 'guests', 'g', 0], [2, 'users', '77', 3]]);
    layer.close();
    const reader = openSnapshot(snap);
    expect(verifyContentHash(reader).intact).toBe(true);
    reader.close();
    expect(await main(['sample', snap, '--population', 'people', '--size', '3'])).toBe(2);
    expect(await main(['sample', snap, '--population', 'leavers', '--size', '3'])).toBe(2);
  });
});
