/**
 * `entra-audit export --diff-with <older>`: two collections of a generated tenant through the Graph
 * emulator (the second after mutateTenant); the pack of the newer one carries csv/diff.csv with
 * exactly the changes made and a PDF section listing them, and still verifies. An older file that
 * is not a snapshot is refused as bad input (exit 3).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../main/cli/index.js';
import { generateTenant } from '../../main/demo/generator/index.js';
import { mutateTenant } from '../../main/demo/generator-mutations.js';
import { verifyPack } from '../../main/export/verify/verify-pack.js';
import { collectAndCheck } from '../diff/collect-tenant.js';
import { tempDir } from '../diff/sqlite-snapshot.js';
import { parseCsv } from '../export/csv/rfc4180.js';

let dir: string;
let cleanup: () => void;
let q1: string;
let q2: string;

async function cli(...args: string[]): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  try {
    return { code: await main(args), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  const { tenant } = generateTenant({ users: 40, seed: 12, licence: 'p2' });
  q1 = join(dir, 'q1.sqlite');
  await collectAndCheck(tenant, q1, 'q1');
  const { tenant: changed } = mutateTenant(tenant, [{ kind: 'addApplication', displayName: 'Shadow Sync' }]);
  q2 = join(dir, 'q2.sqlite');
  await collectAndCheck(changed, q2, 'q2');
}, 120_000);
afterAll(() => cleanup());

describe('export --diff-with', () => {
  it('adds csv/diff.csv with the changes made and lists them in the PDF', async () => {
    const out = join(dir, 'pack');
    const r = await cli('export', q2, '--out', out, '--diff-with', q1, '--signer-dir', join(dir, 'signer'));
    expect(r.code, r.err).toBe(0);
    const [head, ...rows] = parseCsv(readFileSync(join(out, 'csv', 'diff.csv'), 'utf8').replace(/^\uFEFF/, ''));
    const collected = rows
      .filter((x) => x[head.indexOf('section')] !== 'check-results')
      .map((x) => `${x[head.indexOf('section')]} ${x[head.indexOf('kind')]} ${x[head.indexOf('entityType')]} ${x[head.indexOf('entityName')]}`)
      .sort();
    expect(collected).toEqual(['applications added application Shadow Sync', 'applications added servicePrincipal Shadow Sync']);
    const text = execFileSync('pdftotext', [join(out, 'report.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Changes since the previous snapshot');
    expect(text).toContain('new enterprise application Shadow Sync');
    expect(text).toContain('Not compared: no terminations list was given');
    expect((await verifyPack(out)).ok).toBe(true);
  });

  it('refuses an older file that is not a snapshot (exit 3)', async () => {
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'not a database');
    const r = await cli('export', q2, '--out', join(dir, 'pack2'), '--diff-with', junk, '--signer-dir', join(dir, 'signer'));
    expect(r.code).toBe(3);
  });
});
