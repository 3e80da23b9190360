/**
 * The engines the services drive, behind the small calls the app needs: the checks (off the service
 * thread, with the connection's terminations list and the snapshot's exceptions), the evidence pack
 * (export, then verify what was written), and the preflight table. This is the one file that knows
 * their APIs.
 */
import { readFileSync } from 'node:fs';
import type { ExportOutcome, PreflightReport, VerifyLine } from '../../../shared/ipc-types.js';
import { FRAMEWORKS, type FrameworkId } from '../../../shared/frameworks/catalogue.js';
import { decodeTokenClaims } from '../../auth/claims.js';
import { CLOUDS } from '../../auth/clouds.js';
import { runPreflight } from '../../auth/preflight.js';
import { parseTerminationsCsv } from '../../checks/terminations-csv.js';
import type { TerminationRecord } from '../../checks/types.js';
import { exportPack } from '../../export/export-pack.js';
import { loadP12 } from '../../export/signing/load-p12.js';
import { profileSigner, type SecretStore as SignerSecrets } from '../../export/signing/profile-signer.js';
import { SignerError, type SignerIdentity } from '../../export/signing/signer-identity.js';
import { verifyPack } from '../../export/verify/verify-pack.js';
import { createGraphReader } from '../../graph/index.js';
import type { SqliteSnapshotReader } from '../../store/index.js';
import type { LiveConnection } from './connection.js';
import type { Host } from './host.js';
import type { JobContext } from './jobs.js';
import { checksOffThread } from './off-thread.js';
import type { ChecksOutput, ChecksRunner } from './open-snapshot.js';
import { ServiceError } from './service-error.js';

export { collectInto } from './collect-run.js';

/** The terminated-employees list a demo tenant comes with (the offboarding check reads it). */
export function demoTerminations(conn: LiveConnection | null): TerminationRecord[] | undefined {
  return conn?.terminationsCsv ? parseTerminationsCsv(conn.terminationsCsv) : undefined;
}

/** Runs every check off the service thread (analysis-worker.ts), so the screens are answered meanwhile. */
export const runChecks: ChecksRunner = ({ path }, { signal, ...inputs }) =>
  checksOffThread(path, inputs, signal ?? new AbortController().signal);

/** A framework's title from the shared catalogue (its id when unknown). */
export function frameworkTitle(id: string): string {
  return FRAMEWORKS.find((f) => f.id === id)?.title ?? id;
}

/** The signer: the consultant's P12, or the profile's self-signed identity. */
async function loadSigner(
  signer: { kind: 'self-signed' } | { kind: 'p12'; path: string; passphrase: string },
  host: Host,
): Promise<SignerIdentity> {
  try {
    if (signer.kind === 'p12') return loadP12(readFileSync(signer.path), signer.passphrase);
    const secrets: SignerSecrets | undefined = host.secrets
      ? {
          get: (name) => host.secrets!.load(`signer:${name}`),
          set: (name, value) => host.secrets!.save(`signer:${name}`, value),
        }
      : undefined;
    return await profileSigner({ dir: host.signerDir, secrets });
  } catch (err) {
    if (err instanceof SignerError || (err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new ServiceError('invalid-input', `signer: ${(err as Error).message}`);
    throw err;
  }
}

/** Verification of a pack, as lines a person reads. */
export async function verifyPackAt(path: string): Promise<{ ok: boolean; lines: VerifyLine[] }> {
  const v = await verifyPack(path);
  const fileProblems = v.problems.filter(
    (p) => p.problem === 'changed' || p.problem === 'missing' || p.problem === 'extra' || p.problem === 'unreadable',
  );
  const sealProblems = v.problems.filter(
    (p) =>
      (p.problem === 'bad-signature' || p.problem === 'wrong-signer' || p.problem === 'bad-manifest') &&
      !p.path.endsWith('.pdf'),
  );
  const pdfProblems = v.problems.filter((p) => p.problem === 'bad-signature' && p.path.endsWith('.pdf'));
  const lines: VerifyLine[] = [
    {
      item: 'File hashes',
      ok: fileProblems.length === 0,
      detail: fileProblems.length
        ? `${fileProblems.length} file(s) differ from manifest.json`
        : `${v.checked} files match the SHA-256 in manifest.json`,
    },
    {
      item: 'Manifest signature',
      ok: sealProblems.length === 0,
      detail: sealProblems.length
        ? 'manifest.json.p7s does not verify'
        : 'manifest.json.p7s (CMS) verifies with signer.pem',
    },
    {
      item: 'PDF signature',
      ok: pdfProblems.length === 0,
      detail: pdfProblems.length
        ? 'report.pdf signature does not verify'
        : 'report.pdf carries a valid signature over the whole document',
    },
    ...v.problems.map((p) => ({ item: p.path, ok: false, detail: `${p.problem}: ${p.detail}` })),
  ];
  return { ok: v.ok, lines };
}

/** Writes the pack, then verifies what was written. */
export async function exportPackTo(
  reader: SqliteSnapshotReader,
  checks: ChecksOutput,
  exceptions: import('../../../shared/results.js').RiskException[],
  opts: {
    destination: string;
    frameworks: string[];
    signer: { kind: 'self-signed' } | { kind: 'p12'; path: string; passphrase: string };
  },
  host: Host,
  ctx: JobContext,
): Promise<ExportOutcome> {
  const known = new Set<string>(FRAMEWORKS.map((f) => f.id));
  const unknown = opts.frameworks.filter((f) => !known.has(f));
  if (unknown.length) throw new ServiceError('invalid-input', `unknown framework ${unknown.join(', ')}`);
  ctx.report({ step: 'Loading the signer', done: 0, total: 3 });
  const signer = await loadSigner(opts.signer, host);
  ctx.report({ step: 'Writing the report, CSVs and OSCAL, and signing', done: 1, total: 3 });
  const { passthrough: _passthrough, ...run } = checks;
  let pack;
  try {
    pack = await exportPack({
      reader,
      checkRun: { ...run, exceptions },
      outDir: opts.destination,
      signer,
      frameworks: opts.frameworks as FrameworkId[],
      toolVersion: host.appVersion,
    });
  } catch (err) {
    if (err instanceof Error && /is not empty|already exists/.test(err.message))
      throw new ServiceError('invalid-input', err.message);
    throw err;
  }
  ctx.report({ step: 'Verifying the pack', done: 2, total: 3 });
  const v = await verifyPackAt(pack.dir);
  ctx.report({ done: 3 });
  return { packDir: pack.dir, zipPath: pack.zip, files: pack.files.length, verified: v.ok, verification: v.lines };
}

/** The preflight table for the connection (token claims plus licence and federation probes). */
export async function preflightFor(conn: LiveConnection): Promise<PreflightReport> {
  const claims = decodeTokenClaims(await conn.tokens.getToken());
  const graph = createGraphReader({
    baseUrl: conn.graphBaseUrl,
    tokenProvider: conn.tokens,
    caCertPem: conn.caCertPem,
    timeScale: conn.timeScale,
    maxRetries: 2,
  });
  try {
    const cloud = conn.info.cloud === 'custom' ? undefined : CLOUDS[conn.info.cloud];
    const p = await runPreflight(graph, claims, cloud);
    return {
      authKind: p.authKind,
      licence: p.licence,
      grantedPermissions: p.granted,
      federatedDomains: p.federatedDomains ?? [],
      rows: p.rows.map((r) => ({ ...r, consentUrl: r.consentUrl ?? null })),
      adminConsentUrl: p.rows.find((r) => r.consentUrl)?.consentUrl ?? null,
      notes: p.notes,
    };
  } finally {
    graph.close();
  }
}
