/**
 * Writes a complete evidence pack (layout and contract: README-pack.md): the CSVs, the OSCAL
 * assessment results and the signed PDF report, then seals it (signer.pem, VERIFY.txt, SHA256SUMS,
 * manifest.json + manifest.json.p7s) and zips the folder beside itself.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { listMfaPassthrough } from '../checks/passthrough.js';
import type { SnapshotDiff } from '../diff/diff-types.js';
import type { SnapshotReader } from '../store/types.js';
import { readAuditLayers } from './audit-layers.js';
import { writeCsvs, type CsvsWritten } from './csv/write-csvs.js';
import { assessmentResults } from './oscal/assessment-results.js';
import { sealPack } from './pack/seal-pack.js';
import type { Manifest } from './pack/manifest.js';
import { artifactStats } from './pdf/report-input.js';
import { failingShown } from './pdf/section-checks.js';
import { renderReport } from './pdf/render-report.js';
import { certificateFingerprint, certificateName, type SignerIdentity } from './signing/signer-identity.js';
import type { CheckRun } from './types.js';

export interface ExportOptions {
  reader: SnapshotReader;
  checkRun: CheckRun;
  /** The pack folder to create (must not exist, or be empty). The zip goes beside it: `<outDir>.zip`. */
  outDir: string;
  signer: SignerIdentity;
  /** Framework ids to report (all frameworks present in the run when absent or empty). */
  frameworks?: readonly string[];
  now?: Date;
  toolVersion?: string;
  /** Changes since an older snapshot of the same tenant (diffFiles): adds csv/diff.csv and a PDF section. */
  diff?: SnapshotDiff;
}

export interface ExportedPack {
  dir: string;
  zip: string;
  /** Every file of the pack, relative to `dir`. */
  files: string[];
  manifest: Manifest;
  csv: CsvsWritten;
  signerFingerprint: string;
}

/** Builds, signs and zips a pack. Nothing in it is secret: the private key never leaves memory. */
export async function exportPack(o: ExportOptions): Promise<ExportedPack> {
  const dir = resolve(o.outDir);
  if (existsSync(dir) && readdirSync(dir).length > 0)
    throw new Error(`${dir} is not empty: choose a new folder for the pack`);
  if (existsSync(`${dir}.zip`)) throw new Error(`${dir}.zip already exists: choose a new folder for the pack`);
  const now = o.now ?? new Date();
  const toolVersion = o.toolVersion ?? packageVersion();
  const meta = o.reader.meta();
  mkdirSync(join(dir, 'csv'), { recursive: true });
  mkdirSync(join(dir, 'oscal'));

  const frameworks = o.frameworks?.length
    ? [...o.frameworks]
    : [...new Set(o.checkRun.controls.map((c) => c.framework))];
  const checkRun: CheckRun = { ...o.checkRun, passthrough: o.checkRun.passthrough ?? listMfaPassthrough(o.reader) };
  const layers = { ...readAuditLayers(o.reader.path), diff: o.diff };
  const csv = await writeCsvs(join(dir, 'csv'), o.reader, checkRun, frameworks, layers);
  const oscal = assessmentResults({ meta, run: checkRun, toolVersion, now, frameworks });
  await writeFile(join(dir, 'oscal', 'assessment-results.json'), `${JSON.stringify(oscal, null, 2)}\n`, { flag: 'wx' });

  const signerFingerprint = certificateFingerprint(o.signer.certificate);
  const shownUsers = new Set(
    [...failingShown(o.checkRun.results).shown.values()]
      .flat()
      .filter((r) => r.entityType === 'user')
      .map((r) => r.entityId),
  );
  const pdf = await renderReport(
    {
      meta,
      coverage: o.reader.coverage(),
      run: checkRun,
      csv,
      frameworks,
      stats: artifactStats(o.reader),
      signer: {
        subject: certificateName(o.signer.certificate),
        fingerprint: signerFingerprint,
        selfSigned: o.signer.selfSigned,
      },
      toolVersion,
      now,
      displayNames: o.reader.userDisplayNames(shownUsers),
      layers,
    },
    o.signer,
  );
  await writeFile(join(dir, 'report.pdf'), pdf, { flag: 'wx' });

  const sealed = await sealPack(dir, { meta, signer: o.signer, toolVersion, now });
  return { dir, zip: sealed.zip, files: sealed.files, manifest: sealed.manifest, csv, signerFingerprint };
}

let version: string | undefined;

/** The tool version from package.json (the CLI and app pass theirs when bundled). */
function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;
  return version;
}
