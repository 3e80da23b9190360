/**
 * A pack of a demo snapshot holding an access review campaign with decisions and a recorded sample:
 * csv/access-reviews.csv and csv/samples.csv carry every item, the PDF lists the campaign and the
 * sample, and the pack still verifies. A snapshot without them gets neither CSV.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../../main/checks/engine.js';
import { exportPack, type ExportedPack } from '../../../main/export/export-pack.js';
import { generateSelfSigned } from '../../../main/export/signing/self-signed.js';
import { verifyPack } from '../../../main/export/verify/verify-pack.js';
import { buildCampaign, type Campaign } from '../../../main/reviews/campaign.js';
import { ReviewLayer } from '../../../main/reviews/review-store.js';
import { sampleSnapshot, type SnapshotSample } from '../../../main/sampling/sample-snapshot.js';
import { SampleLayer } from '../../../main/sampling/sample-store.js';
import { openSnapshot } from '../../../main/store/index.js';
import { parseCsv } from '../csv/rfc4180.js';
import { demoSnapshot } from '../demo-snapshot.js';

const root = mkdtempSync(join(tmpdir(), 'layers-pack-'));
const signer = generateSelfSigned({ commonName: 'Layers test signer' });
let pack: ExportedPack;
let bare: ExportedPack;
let campaign: Campaign;
let sample: SnapshotSample;

async function packOf(path: string, out: string): Promise<ExportedPack> {
  const reader = openSnapshot(path);
  try {
    return await exportPack({ reader, checkRun: runChecks(reader), outDir: join(root, out), signer });
  } finally {
    reader.close();
  }
}

beforeAll(async () => {
  const { path } = await demoSnapshot(root, { users: 40, seed: 5 });
  const plain = join(root, 'plain.sqlite');
  copyFileSync(path, plain);
  const reader = openSnapshot(path);
  campaign = buildCampaign(reader, { roles: ['Global Administrator'] }, {
    id: 'C-1', name: 'Q2 admin review', createdAt: '2026-06-02T00:00:00Z', createdBy: 'auditor@contoso.example',
  });
  sample = sampleSnapshot(reader, 'enabled-users', 5, '2026');
  reader.close();
  const reviews = ReviewLayer.open(path);
  reviews.saveCampaign(campaign);
  reviews.recordDecisions(campaign.id, campaign.items.map((i, n) => ({
    itemId: i.itemId, decision: n === 0 ? 'remove' : 'keep', reviewer: n % 2 ? 'Rita Reviewer' : 'Sam Second', decidedAt: '2026-06-03', comment: '',
  })), 'workbook.csv');
  reviews.close();
  const samples = SampleLayer.open(path);
  samples.record(sample);
  samples.close();
  pack = await packOf(path, 'pack');
  bare = await packOf(plain, 'bare');
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

const rows = (p: ExportedPack, file: string) => parseCsv(readFileSync(join(p.dir, 'csv', file), 'utf8').replace(/^\uFEFF/, ''));

describe('a pack of a snapshot with reviews and samples', () => {
  it('writes every reviewed item and every drawn item', () => {
    expect(campaign.items.length).toBeGreaterThan(1);
    const [head, ...review] = rows(pack, 'access-reviews.csv');
    expect(review.map((r) => r[head.indexOf('itemId')])).toEqual(campaign.items.map((i) => i.itemId));
    expect(review.map((r) => r[head.indexOf('decision')])).toEqual(campaign.items.map((_, n) => (n === 0 ? 'remove' : 'keep')));
    const [sHead, ...drawn] = rows(pack, 'samples.csv');
    expect(drawn.map((r) => r[sHead.indexOf('id')])).toEqual(sample.items.map((i) => i.id));
    expect(new Set(drawn.map((r) => r[sHead.indexOf('seed')]))).toEqual(new Set(['2026']));
    expect(pack.csv.files.find((f) => f.file === 'samples.csv')?.rows).toBe(5);
  });

  it('lists the campaign and the sample in the PDF and still verifies', async () => {
    const text = execFileSync('pdftotext', ['-layout', join(pack.dir, 'report.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Access reviews and samples');
    expect(text).toContain('Q2 admin review');
    expect(text).toMatch(/Rita Reviewer, Sam Second|Sam Second, Rita Reviewer/);
    expect(text).toContain('enabled-users');
    expect(text).toContain('csv/samples.csv');
    expect(await verifyPack(pack.dir)).toMatchObject({ ok: true, problems: [] });
  });

  it('leaves both CSVs and the section out when the snapshot has none', () => {
    expect(bare.files).not.toContain('csv/access-reviews.csv');
    expect(bare.files).not.toContain('csv/samples.csv');
    const text = execFileSync('pdftotext', [join(bare.dir, 'report.pdf'), '-'], { encoding: 'utf8' });
    expect(text).not.toContain('Access reviews and samples');
  });
});
