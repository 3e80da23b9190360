/**
 * `entra-audit export` and `entra-audit verify` end to end: the real CLI entry (in-process, and once
 * through bin/entra-audit.mjs), a real snapshot file, exit codes and the messages a script reads.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../main/cli/index.js';
import { writeSmallSnapshot } from '../export/small-snapshot.js';

const root = mkdtempSync(join(tmpdir(), 'cli-export-'));
const snapshot = join(root, 'snapshot.sqlite');
const signerDir = join(root, 'signer');

/** Runs the CLI in-process and returns its exit code and what it printed. */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  try {
    const code = await main(args);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

beforeAll(() => {
  writeSmallSnapshot(snapshot, ['Alice Example', 'Борис Пример', '=cmd|calc']);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'k.pem',
      '-out',
      'c.pem',
      '-subj',
      '/CN=Jane Consultant',
      '-days',
      '30',
    ],
    { cwd: root, stdio: 'pipe' },
  );
  execFileSync(
    'openssl',
    ['pkcs12', '-export', '-inkey', 'k.pem', '-in', 'c.pem', '-out', 'jane.p12', '-passout', 'pass:s3cret'],
    { cwd: root, stdio: 'pipe' },
  );
});
afterEach(() => {
  delete process.env.TEST_P12_PASS;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('entra-audit export / verify', () => {
  it('exports with the profile signer, then verify passes for the folder and the zip', async () => {
    const out = join(root, 'pack-a');
    const r = await cli('export', snapshot, '--out', out, '--signer-dir', signerDir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Evidence pack: ${out}`);
    expect(r.out).toContain(`Zip:           ${out}.zip`);
    expect((await cli('verify', out)).code).toBe(0);
    const z = await cli('verify', `${out}.zip`);
    expect(z.code).toBe(0);
    expect(z.out).toContain('is intact');
  });

  it('verify names a changed, a missing and an extra file and exits 1', async () => {
    const out = join(root, 'pack-b');
    expect((await cli('export', snapshot, '--out', out, '--signer-dir', signerDir)).code).toBe(0);
    appendFileSync(join(out, 'csv', 'user-directory.csv'), 'x');
    rmSync(join(out, 'oscal', 'assessment-results.json'));
    writeFileSync(join(out, 'notes.txt'), 'added later');
    const r = await cli('verify', out);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^csv\/user-directory\.csv: changed: /m);
    expect(r.out).toMatch(/^oscal\/assessment-results\.json: missing: /m);
    expect(r.out).toMatch(/^notes\.txt: extra: /m);
    expect(r.out).toContain('FAILED: 3 problems');
    const json = JSON.parse((await cli('verify', out, '--json')).out);
    expect(json.ok).toBe(false);
    expect(json.problems.map((p: { path: string }) => p.path).sort()).toEqual([
      'csv/user-directory.csv',
      'notes.txt',
      'oscal/assessment-results.json',
    ]);
  });

  it('signs with the consultant P12, passphrase from the environment', async () => {
    const out = join(root, 'pack-c');
    process.env.TEST_P12_PASS = 's3cret';
    const r = await cli(
      'export',
      snapshot,
      '--out',
      out,
      '--sign',
      join(root, 'jane.p12'),
      '--sign-passphrase-env',
      'TEST_P12_PASS',
    );
    expect(r.code).toBe(0);
    const fp = execFileSync('openssl', ['x509', '-in', join(root, 'c.pem'), '-noout', '-fingerprint', '-sha256'], {
      encoding: 'utf8',
    })
      .split('=')[1]
      .trim()
      .replace(/:/g, '')
      .toLowerCase();
    expect(r.out).toContain(`Signer SHA-256 fingerprint: ${fp}`);
    const pdfsig = spawnSync('pdfsig', [join(out, 'report.pdf')], { encoding: 'utf8' });
    expect(pdfsig.stdout).toContain('Jane Consultant');
    expect(pdfsig.stdout).toContain('Signature is Valid');
    expect(spawnSync('sh', ['VERIFY.txt'], { cwd: out }).status).toBe(0);
  });

  it('names a wrong passphrase, a missing variable, a non-empty folder and a missing pack', async () => {
    process.env.TEST_P12_PASS = 'wrong';
    const wrong = await cli(
      'export',
      snapshot,
      '--out',
      join(root, 'pack-d'),
      '--sign',
      join(root, 'jane.p12'),
      '--sign-passphrase-env',
      'TEST_P12_PASS',
    );
    expect(wrong.code).toBe(3);
    expect(wrong.err).toMatch(/passphrase/);
    delete process.env.TEST_P12_PASS;
    const unset = await cli(
      'export',
      snapshot,
      '--out',
      join(root, 'pack-d'),
      '--sign',
      join(root, 'jane.p12'),
      '--sign-passphrase-env',
      'TEST_P12_PASS',
    );
    expect(unset.code).toBe(2);
    expect(unset.err).toContain('TEST_P12_PASS');
    const full = join(root, 'full');
    mkdirSync(full);
    writeFileSync(join(full, 'x'), '');
    const busy = await cli('export', snapshot, '--out', full, '--signer-dir', signerDir);
    expect(busy.code).toBe(2);
    expect(busy.err).toContain('not empty');
    expect((await cli('verify', join(root, 'nothing-here'))).code).toBe(3);
    const notSnapshot = await cli(
      'export',
      join(root, 'c.pem'),
      '--out',
      join(root, 'pack-e'),
      '--signer-dir',
      signerDir,
    );
    expect(notSnapshot.code).toBe(3);
  });

  it('the installed bin exits 1 for a tampered pack zip', () => {
    const out = join(root, 'pack-a.zip');
    const bytes = readFileSync(out);
    const copy = join(root, 'tampered.zip');
    bytes[Math.floor(bytes.length / 3)] ^= 0x01;
    writeFileSync(copy, bytes);
    const r = spawnSync(process.execPath, ['bin/entra-audit.mjs', 'verify', copy], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/: (changed|unreadable|bad-signature): /);
  });
});
