/**
 * Names in any script, and hostile ones, in a pack built from a hand-written real snapshot: the PDF
 * renders them with embedded fonts (pdftotext reads them back), CSV cells stay inert, the pack verifies.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../../main/checks/engine.js';
import { exportPack, type ExportedPack } from '../../../main/export/export-pack.js';
import { generateSelfSigned } from '../../../main/export/signing/self-signed.js';
import { verifyPack } from '../../../main/export/verify/verify-pack.js';
import { openSnapshot, type SqliteSnapshotReader } from '../../../main/store/index.js';
import { parseCsv } from '../csv/rfc4180.js';
import { writeSmallSnapshot } from '../small-snapshot.js';

const NAMES = [
  'Дмитрий Иванов',
  'Σωκράτης Παπαδόπουλος',
  'محمد علي',
  'דוד לוי',
  '山田太郎',
  '张伟',
  '김민준',
  'Zoë Ñúñez-Øberg',
  '=HYPERLINK("http://evil.example","click")',
  '+SUM(A1:A9)',
  '@cmd',
  '-2+3',
  'Evil\u202Eeman',
  'zero\u200Bwidth',
  `Long ${'x'.repeat(100_000)}`,
  'lone \uD800 surrogate',
  'nul\0byte',
  '👩‍💻 Developer',
  '<script>alert(1)</script>',
];

const root = mkdtempSync(join(tmpdir(), 'unicode-pack-'));
let reader: SqliteSnapshotReader;
let pack: ExportedPack;

beforeAll(async () => {
  const path = join(root, 'snapshot.sqlite');
  writeSmallSnapshot(path, NAMES, 'Ωμέγα Ltd — 株式会社オメガ');
  reader = openSnapshot(path);
  mkdirSync(join(root, 'out'));
  pack = await exportPack({
    reader,
    checkRun: runChecks(reader),
    outDir: join(root, 'out', 'pack'),
    signer: generateSelfSigned({ commonName: 'Unicode test' }),
  });
}, 60_000);

afterAll(() => {
  reader?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('names in any script', () => {
  it('render in the PDF (pdftotext reads them back) and the pack verifies', async () => {
    const text = execFileSync('pdftotext', [join(pack.dir, 'report.pdf'), '-'], { encoding: 'utf8' });
    for (const n of [
      'Дмитрий Иванов',
      'Σωκράτης Παπαδόπουλος',
      '山田太郎',
      '张伟',
      '김민준',
      'Zoë Ñúñez-Øberg',
      'Ωμέγα Ltd',
      '株式会社オメガ',
      '<script>alert(1)</script>',
    ]) {
      expect(text).toContain(n);
    }
    // Right-to-left names come back in visual order; their letters must be there, not replacement boxes.
    expect(text).toMatch(/[\u0600-\u06FF\uFB50-\uFEFF]{3}/);
    expect(text).toMatch(/[\u0590-\u05FF]{3}/);
    // The bidi override is visibly replaced, never applied.
    expect(text).not.toContain('\u202E');
    expect(text).toContain('Evil\uFFFDeman');
    expect(await verifyPack(pack.dir)).toMatchObject({ ok: true });
  });

  it('CSV cells keep every name and neutralise formula prefixes', () => {
    const rows = parseCsv(readFileSync(join(pack.dir, 'csv', 'user-directory.csv'), 'utf8').replace(/^\uFEFF/, ''));
    const names = rows.slice(1).map((r) => r[2]);
    expect(names).toContain('Дмитрий Иванов');
    expect(names).toContain('محمد علي');
    expect(names).toContain(`'=HYPERLINK("http://evil.example","click")`);
    expect(names).toContain("'+SUM(A1:A9)");
    expect(names).toContain("'@cmd");
    expect(names).toContain("'-2+3");
    expect(names).toContain('nulbyte');
    expect(names.find((n) => n.startsWith('Long '))).toHaveLength(100_005);
  });
});
