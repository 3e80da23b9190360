import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sealPack, type SealedPack } from '../../../main/export/pack/seal-pack.js';
import { generateSelfSigned } from '../../../main/export/signing/self-signed.js';
import { verifyPack } from '../../../main/export/verify/verify-pack.js';
import { sampleMeta } from '../fixtures.js';

const root = mkdtempSync(join(tmpdir(), 'seal-'));
const signer = generateSelfSigned({ commonName: 'Seal test signer' });
let sealed: SealedPack;

/** Runs VERIFY.txt as the auditor would (sh VERIFY.txt in the pack folder). */
function stockTools(dir: string): { ok: boolean; out: string } {
  const r = spawnSync('sh', ['VERIFY.txt'], { cwd: dir, encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}

function copyPack(name: string): string {
  const dir = join(root, name);
  cpSync(sealed.dir, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  const dir = join(root, 'pack');
  mkdirSync(join(dir, 'csv'), { recursive: true });
  mkdirSync(join(dir, 'oscal'));
  writeFileSync(join(dir, 'csv', 'users.csv'), '\uFEFFid,name\r\n1,Zoë\r\n');
  writeFileSync(join(dir, 'csv', 'empty.csv'), '');
  writeFileSync(join(dir, 'oscal', 'assessment-results.json'), '{"x":1}\n');
  sealed = await sealPack(dir, {
    meta: sampleMeta(),
    signer,
    toolVersion: '0.1.0',
    now: new Date('2026-11-02T10:00:00Z'),
  });
});

describe('sealPack + verifyPack', () => {
  it('lays out the pack and lists every other file in the manifest', () => {
    expect(sealed.files).toEqual([
      'SHA256SUMS',
      'VERIFY.txt',
      'csv/empty.csv',
      'csv/users.csv',
      'manifest.json',
      'manifest.json.p7s',
      'oscal/assessment-results.json',
      'signer.pem',
    ]);
    expect(sealed.manifest.files.map((f) => f.path)).toEqual(
      sealed.files.filter((f) => !f.startsWith('manifest.json')),
    );
    expect(sealed.manifest.tenant.name).toBe('Contoso Ελλάς Ltd');
    expect(sealed.manifest.snapshot.contentHash).toBe('a'.repeat(64));
  });

  it('a fresh pack verifies, as a folder, as a zip, and with the stock tools of VERIFY.txt', async () => {
    expect(await verifyPack(sealed.dir)).toMatchObject({ ok: true, problems: [] });
    expect(await verifyPack(sealed.zip)).toMatchObject({ ok: true, problems: [] });
    const stock = stockTools(sealed.dir);
    expect(stock.out).toContain('ALL CHECKS PASSED');
    expect(stock.ok).toBe(true);
  });

  it('the zip unpacks with stock unzip into a folder that verifies', () => {
    const out = join(root, 'unzipped');
    mkdirSync(out);
    expect(spawnSync('unzip', ['-q', sealed.zip, '-d', out]).status).toBe(0);
    expect(stockTools(join(out, 'pack')).ok).toBe(true);
  });

  it('flipping a byte anywhere in any file fails verify (naming the file) and the stock tools', async () => {
    for (const file of sealed.files) {
      const size = readFileSync(join(sealed.dir, file)).length;
      for (const at of [...new Set([0, Math.floor(size / 2), size - 1])].filter((i) => i >= 0 && i < size)) {
        const dir = copyPack(`flip-${file.replace(/\W/g, '_')}-${at}`);
        const bytes = readFileSync(join(dir, file));
        bytes[at] ^= 0x01;
        writeFileSync(join(dir, file), bytes);
        const v = await verifyPack(dir);
        expect(v.ok, `${file}@${at}`).toBe(false);
        expect(
          v.problems.map((p) => p.path),
          `${file}@${at}`,
        ).toContain(file);
        expect(stockTools(dir).ok, `stock tools on ${file}@${at}`).toBe(false);
        rmSync(dir, { recursive: true });
      }
    }
  });

  it('an empty file that gains a byte is named', async () => {
    const dir = copyPack('grow');
    appendFileSync(join(dir, 'csv', 'empty.csv'), 'x');
    expect((await verifyPack(dir)).problems).toEqual([
      expect.objectContaining({ path: 'csv/empty.csv', problem: 'changed' }),
    ]);
    expect(stockTools(dir).ok).toBe(false);
  });

  it('names a missing and an extra file', async () => {
    const dir = copyPack('missing-extra');
    rmSync(join(dir, 'csv', 'users.csv'));
    writeFileSync(join(dir, 'csv', 'smuggled.csv'), 'a\r\n');
    const v = await verifyPack(dir);
    expect(v.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'csv/users.csv', problem: 'missing' }),
        expect.objectContaining({ path: 'csv/smuggled.csv', problem: 'extra' }),
      ]),
    );
    expect(v.problems).toHaveLength(2);
    expect(stockTools(dir).ok).toBe(false);
  });

  it('rejects a pack re-signed by someone else', async () => {
    const dir = copyPack('resigned');
    const other = generateSelfSigned({ commonName: 'Mallory' });
    const { signDetached } = await import('../../../main/export/signing/cms-sign.js');
    writeFileSync(join(dir, 'manifest.json.p7s'), signDetached(readFileSync(join(dir, 'manifest.json')), other));
    const v = await verifyPack(dir);
    expect(v.problems).toEqual([expect.objectContaining({ path: 'manifest.json.p7s', problem: 'wrong-signer' })]);
    expect(stockTools(dir).ok).toBe(false);
  });

  it('a zip with a changed byte fails, naming the entry', async () => {
    const zip = readFileSync(sealed.zip);
    const at = zip.indexOf(Buffer.from('pack/VERIFY.txt')) + 'pack/VERIFY.txt'.length + 40;
    zip[at] ^= 0x01;
    const path = join(root, 'bad.zip');
    writeFileSync(path, zip);
    const v = await verifyPack(path);
    expect(v.ok).toBe(false);
    expect(v.problems.map((p) => p.path)).toContain('VERIFY.txt');
  });
});
