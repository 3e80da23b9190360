/**
 * A pack of a real demo snapshot (generator -> emulator over HTTPS -> collectors -> SQLite ->
 * checks -> export), checked with stock tools only: openssl cms, sha256sum, pdfsig, qpdf, pdftotext.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../../main/checks/engine.js';
import { parseTerminationsCsv } from '../../../main/checks/terminations-csv.js';
import { exportPack, type ExportedPack } from '../../../main/export/export-pack.js';
import { generateSelfSigned } from '../../../main/export/signing/self-signed.js';
import { verifyPack } from '../../../main/export/verify/verify-pack.js';
import { openSnapshot, type SqliteSnapshotReader } from '../../../main/store/index.js';
import type { CheckRun } from '../../../main/export/types.js';
import { parseCsv } from '../csv/rfc4180.js';
import { demoSnapshot } from '../demo-snapshot.js';
import { oscalValidator } from '../oscal-schema.js';

const root = mkdtempSync(join(tmpdir(), 'export-pack-'));
let reader: SqliteSnapshotReader;
let run: CheckRun;
let pack: ExportedPack;
let tenantName: string;

const sh = (cwd: string, cmd: string, args: string[]) => spawnSync(cmd, args, { cwd, encoding: 'utf8' });

beforeAll(async () => {
  const { path, generated } = await demoSnapshot(root, { users: 60, seed: 11 });
  tenantName = generated.tenant.displayName;
  reader = openSnapshot(path);
  run = runChecks(reader, { terminations: parseTerminationsCsv(generated.terminationsCsv) });
  pack = await exportPack({
    reader,
    checkRun: run,
    outDir: join(root, 'pack'),
    signer: generateSelfSigned({ commonName: 'Pack test signer' }),
  });
}, 120_000);

afterAll(() => {
  reader?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('exportPack on a demo snapshot', () => {
  it('follows the documented layout', () => {
    const fixed = [
      'SHA256SUMS',
      'VERIFY.txt',
      'manifest.json',
      'manifest.json.p7s',
      'oscal/assessment-results.json',
      'report.pdf',
      'signer.pem',
    ];
    for (const f of fixed) expect(pack.files).toContain(f);
    const csvs = pack.files.filter((f) => f.startsWith('csv/'));
    for (const f of [
      'user-directory',
      'mfa-registration-methods',
      'conditional-access-policies',
      'sign-in-logs',
      'group-memberships',
      'enterprise-applications',
      'check-results',
      'checks',
      'dataset-coverage',
      'exceptions',
      'mfa-passthrough',
      'controls-soc2',
    ]) {
      expect(csvs).toContain(`csv/${f}.csv`);
    }
    expect(pack.files.length).toBe(fixed.length + csvs.length);
    expect(pack.manifest.files.map((f) => f.path)).toEqual(pack.files.filter((f) => !f.startsWith('manifest.json')));
    expect(pack.manifest.snapshot.contentHash).toBe(reader.meta().contentHash);
    expect(pack.zip).toBe(`${pack.dir}.zip`);
  });

  it('CSVs hold the full populations', () => {
    const rows = (f: string) =>
      parseCsv(readFileSync(join(pack.dir, 'csv', f), 'utf8').replace(/^\uFEFF/, '')).length - 1;
    expect(rows('user-directory.csv')).toBe(reader.users().length);
    expect(rows('sign-in-logs.csv')).toBe(reader.signInCount());
    expect(rows('check-results.csv')).toBe(run.results.length);
  });

  it('verifies with verifyPack, as a folder and as a zip', async () => {
    expect(await verifyPack(pack.dir)).toMatchObject({ ok: true, problems: [] });
    expect(await verifyPack(pack.zip)).toMatchObject({ ok: true, problems: [] });
  });

  it('verifies with stock tools: openssl cms, sha256sum -c, pdfsig, qpdf (and VERIFY.txt as written)', () => {
    const cms = sh(pack.dir, 'openssl', [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      'manifest.json.p7s',
      '-content',
      'manifest.json',
      '-CAfile',
      'signer.pem',
      '-purpose',
      'any',
      '-out',
      '/dev/null',
    ]);
    expect(cms.status, cms.stderr).toBe(0);
    const sums = sh(pack.dir, 'sha256sum', ['--strict', '-c', 'SHA256SUMS']);
    expect(sums.status, sums.stdout).toBe(0);
    const pdfsig = sh(pack.dir, 'pdfsig', ['report.pdf']);
    expect(pdfsig.stdout).toContain('Signature is Valid');
    expect(pdfsig.stdout).toContain('Total document signed');
    expect(pdfsig.stdout).toContain('adbe.pkcs7.detached');
    expect(sh(pack.dir, 'qpdf', ['--check', 'report.pdf']).status).toBe(0);
    const all = sh(pack.dir, 'sh', ['VERIFY.txt']);
    expect(all.status, all.stdout + all.stderr).toBe(0);
    expect(all.stdout).toContain('ALL CHECKS PASSED');
  });

  it('the PDF shows the tenant and the failing users of the MFA check, with outline and metadata', () => {
    const text = execFileSync('pdftotext', ['-layout', join(pack.dir, 'report.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain(tenantName);
    const failing = run.results.filter((r) => r.checkId === 'mfa-registered-all-users' && r.outcome === 'fail');
    expect(failing.length).toBeGreaterThan(0);
    for (const r of failing.slice(0, 5)) expect(text).toContain(r.entityName);
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).toContain('Data access');
    const info = execFileSync('pdfinfo', [join(pack.dir, 'report.pdf')], { encoding: 'utf8' });
    expect(info).toContain(`Title:           Entra ID security audit: ${tenantName}`);
    expect(info).toMatch(/CreationDate:\s+\S/);
    const fonts = execFileSync('pdffonts', [join(pack.dir, 'report.pdf')], { encoding: 'utf8' });
    expect(fonts).toContain('NotoSans');
    expect(fonts).not.toMatch(/ no +no /); // every font embedded
    const raw = readFileSync(join(pack.dir, 'report.pdf'), 'latin1');
    expect(raw).toContain('/Outlines');
  });

  it('the OSCAL file validates against the OSCAL 1.0.6 schema', () => {
    const validate = oscalValidator();
    const doc = JSON.parse(readFileSync(join(pack.dir, 'oscal', 'assessment-results.json'), 'utf8'));
    validate(doc);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('changing one byte of any file fails verify (naming the file) and the stock tools', async () => {
    const targets = pack.files.map((f) => ({ file: f, at: Math.floor(readFileSync(join(pack.dir, f)).length / 2) }));
    // The PDF also inside its signature's hex and inside the signed bytes near the end.
    const pdf = readFileSync(join(pack.dir, 'report.pdf'));
    const hole = pdf.indexOf('/Contents <') + 20;
    targets.push({ file: 'report.pdf', at: hole }, { file: 'report.pdf', at: pdf.length - 30 });
    for (const { file, at } of targets) {
      const dir = join(root, 'tamper');
      rmSync(dir, { recursive: true, force: true });
      cpSync(pack.dir, dir, { recursive: true });
      const bytes = readFileSync(join(dir, file));
      bytes[at] = bytes[at] === 0x30 ? 0x31 : 0x30;
      writeFileSync(join(dir, file), bytes);
      const v = await verifyPack(dir);
      expect(v.ok, `${file}@${at}`).toBe(false);
      expect(
        v.problems.map((p) => p.path),
        `${file}@${at}`,
      ).toContain(file);
      expect(sh(dir, 'sh', ['VERIFY.txt']).status, `stock tools on ${file}@${at}`).not.toBe(0);
      if (file === 'report.pdf' && at === pdf.length - 30)
        expect(sh(dir, 'pdfsig', ['report.pdf']).stdout).not.toContain('Signature is Valid');
    }
  }, 120_000);
});
