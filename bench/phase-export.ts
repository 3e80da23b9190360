/**
 * The export's process, as `entra-audit export` runs it: open the snapshot, run every check (with the
 * HR leavers list), write the pack's CSVs (users and all sign-ins streamed), then render and sign the
 * PDF. Each step is timed and has its own peak RSS (the process's high-water mark during the step).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runChecks } from '../main/checks/engine.js';
import { parseTerminationsCsv } from '../main/checks/terminations-csv.js';
import { USERS_TABLE } from '../main/export/csv/tables-directory.js';
import { writeCsvs } from '../main/export/csv/write-csvs.js';
import { renderReport } from '../main/export/pdf/render-report.js';
import { failingShown } from '../main/export/pdf/section-checks.js';
import { artifactStats } from '../main/export/pdf/report-input.js';
import { generateSelfSigned } from '../main/export/signing/self-signed.js';
import { certificateFingerprint, certificateName } from '../main/export/signing/signer-identity.js';
import { openSnapshot } from '../main/store/snapshot-reader.js';
import { peakRss, resetPeakRss } from './peak-rss.js';
import type { ExportResult } from './types.js';

export interface ExportJob {
  snapshotPath: string;
  terminationsCsvPath: string;
  outDir: string;
}

export async function runExportPhase(job: ExportJob): Promise<ExportResult> {
  const signer = generateSelfSigned({ commonName: 'Entra Audit benchmark' });
  const terminations = parseTerminationsCsv(readFileSync(job.terminationsCsvPath, 'utf8'));
  const reader = openSnapshot(job.snapshotPath);
  try {
    const startRssBytes = { checks: process.memoryUsage.rss(), csv: 0, pdf: 0 };
    resetPeakRss();
    let t0 = performance.now();
    const run = runChecks(reader, { terminations });
    const checksMs = performance.now() - t0;
    const checksPeakRssBytes = peakRss();

    const csvDir = join(job.outDir, 'csv');
    mkdirSync(csvDir, { recursive: true });
    startRssBytes.csv = process.memoryUsage.rss();
    resetPeakRss();
    t0 = performance.now();
    const csv = await writeCsvs(csvDir, reader, run);
    const csvMs = performance.now() - t0;
    const csvPeakRssBytes = peakRss();

    startRssBytes.pdf = process.memoryUsage.rss();
    resetPeakRss();
    t0 = performance.now();
    // The report input exactly as exportPack assembles it.
    const frameworks = [...new Set(run.controls.map((c) => c.framework))];
    const shownUsers = new Set([...failingShown(run.results).shown.values()].flat().filter((r) => r.entityType === 'user').map((r) => r.entityId));
    const pdf = await renderReport(
      {
        meta: reader.meta(),
        coverage: reader.coverage(),
        run,
        csv,
        frameworks,
        stats: artifactStats(reader),
        signer: { subject: certificateName(signer.certificate), fingerprint: certificateFingerprint(signer.certificate), selfSigned: true },
        toolVersion: 'bench',
        now: new Date(),
        displayNames: reader.userDisplayNames(shownUsers),
      },
      signer,
    );
    const pdfMs = performance.now() - t0;
    const pdfPeakRssBytes = peakRss();
    writeFileSync(join(job.outDir, 'report.pdf'), pdf);
    const rowsOf = (file: string) => csv.files.find((f) => f.file === file)?.rows ?? 0;
    return {
      kind: 'export',
      startRssBytes,
      checksMs,
      checksPeakRssBytes,
      results: run.results.length,
      csvMs,
      csvPeakRssBytes,
      csvRows: { users: rowsOf(USERS_TABLE.file), signIns: csv.signIns.total, total: csv.files.reduce((a, f) => a + f.rows, 0) },
      pdfMs,
      pdfPeakRssBytes,
      pdfBytes: pdf.length,
      peakRssBytes: Math.max(checksPeakRssBytes, csvPeakRssBytes, pdfPeakRssBytes),
    };
  } finally {
    reader.close();
  }
}
