/**
 * Verifies an evidence pack (folder or zip) with no network and no snapshot: the manifest's CMS
 * signature, that signer.pem is the signer the manifest names, every file's SHA-256 and size, no
 * missing or extra file, SHA256SUMS agreeing with the manifest, and the PDF's own signature.
 * Each problem names the file it concerns.
 */
import forge from 'node-forge';
import { digestStream } from '../pack/file-hash.js';
import { parseManifest, sha256sums, UNLISTED, type Manifest } from '../pack/manifest.js';
import { verifyDetached } from '../signing/cms-verify.js';
import { certificateFingerprint } from '../signing/signer-identity.js';
import { openPackSource, readAll, type PackSource } from './pack-source.js';
import { verifyPdfSignature } from './pdf-signature.js';

export type PackProblemKind =
  'changed' | 'missing' | 'extra' | 'bad-signature' | 'bad-manifest' | 'wrong-signer' | 'unreadable';

export interface PackProblem {
  path: string;
  problem: PackProblemKind;
  detail: string;
}

export interface PackVerification {
  ok: boolean;
  problems: PackProblem[];
  manifest: Manifest | null;
  /** Files whose hash matched. */
  checked: number;
}

/** Verifies the pack at `path` (a folder or a .zip). Never throws for a damaged pack: it reports. */
export async function verifyPack(path: string): Promise<PackVerification> {
  let source: PackSource;
  try {
    source = await openPackSource(path);
  } catch (err) {
    return result([{ path: '.', problem: 'unreadable', detail: message(err) }], null, 0);
  }
  const problems: PackProblem[] = [];
  const present = new Set(await source.files());
  for (const f of UNLISTED)
    if (!present.has(f)) problems.push({ path: f, problem: 'missing', detail: `${f} is not in the pack` });
  if (problems.length) return result(problems, null, 0);

  const manifestRaw = await readAll(source, 'manifest.json');
  const cms = verifyDetached(await readAll(source, 'manifest.json.p7s'), manifestRaw);
  if (!cms.ok) {
    const changed = /content changed/.test(cms.problem);
    problems.push(
      changed
        ? {
            path: 'manifest.json',
            problem: 'changed',
            detail: 'manifest.json does not match its signature (manifest.json.p7s)',
          }
        : { path: 'manifest.json.p7s', problem: 'bad-signature', detail: cms.problem },
    );
  }
  let manifest: Manifest | null = null;
  try {
    manifest = parseManifest(manifestRaw);
  } catch (err) {
    problems.push({ path: 'manifest.json', problem: 'bad-manifest', detail: message(err) });
  }
  if (!manifest) return result(problems, null, 0);
  const fingerprint = manifest.signer.sha256Fingerprint;
  if (cms.signerFingerprint && cms.signerFingerprint !== fingerprint) {
    problems.push({
      path: 'manifest.json.p7s',
      problem: 'wrong-signer',
      detail: 'signed by a certificate other than the one manifest.json names',
    });
  }

  let checked = 0;
  const listed = new Set<string>();
  for (const f of manifest.files) {
    listed.add(f.path);
    if (!present.has(f.path)) {
      problems.push({
        path: f.path,
        problem: 'missing',
        detail: `${f.path} is listed in manifest.json but not in the pack`,
      });
      continue;
    }
    const d = await digestStream(await source.open(f.path)).catch((err: unknown) => ({
      sha256: `unreadable: ${message(err)}`,
      bytes: -1,
    }));
    if (d.sha256 !== f.sha256 || d.bytes !== f.bytes) {
      problems.push({
        path: f.path,
        problem: 'changed',
        detail: `SHA-256 or size differs from manifest.json (${d.bytes} bytes, expected ${f.bytes})`,
      });
    } else checked++;
  }
  for (const p of present) {
    if (!listed.has(p) && !(UNLISTED as readonly string[]).includes(p))
      problems.push({ path: p, problem: 'extra', detail: `${p} is not listed in manifest.json` });
  }

  await checkSignerPem(source, present, fingerprint, problems);
  await checkSums(source, present, manifest, problems);
  if (present.has('report.pdf')) {
    const pdf = verifyPdfSignature(await readAll(source, 'report.pdf'));
    if (!pdf.ok) problems.push({ path: 'report.pdf', problem: 'bad-signature', detail: pdf.problem });
    else if (pdf.signerFingerprint !== fingerprint) {
      problems.push({
        path: 'report.pdf',
        problem: 'wrong-signer',
        detail: 'the PDF is signed by a certificate other than the pack signer',
      });
    }
  }
  return result(problems, manifest, checked);
}

async function checkSignerPem(
  source: PackSource,
  present: Set<string>,
  fingerprint: string,
  problems: PackProblem[],
): Promise<void> {
  if (!present.has('signer.pem')) return;
  try {
    const cert = forge.pki.certificateFromPem((await readAll(source, 'signer.pem')).toString('utf8'));
    if (certificateFingerprint(cert) !== fingerprint) {
      problems.push({
        path: 'signer.pem',
        problem: 'wrong-signer',
        detail: 'signer.pem is not the certificate manifest.json names',
      });
    }
  } catch (err) {
    problems.push({
      path: 'signer.pem',
      problem: 'changed',
      detail: `signer.pem is not a readable certificate (${message(err)})`,
    });
  }
}

async function checkSums(
  source: PackSource,
  present: Set<string>,
  manifest: Manifest,
  problems: PackProblem[],
): Promise<void> {
  if (!present.has('SHA256SUMS') || problems.some((p) => p.path === 'SHA256SUMS')) return;
  const expected = sha256sums(manifest.files.filter((f) => f.path !== 'SHA256SUMS'));
  if (!expected.equals(await readAll(source, 'SHA256SUMS'))) {
    problems.push({
      path: 'SHA256SUMS',
      problem: 'changed',
      detail: 'SHA256SUMS does not list the files of manifest.json',
    });
  }
}

function result(problems: PackProblem[], manifest: Manifest | null, checked: number): PackVerification {
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = `${p.path}\0${p.problem}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return { ok: unique.length === 0, problems: unique, manifest, checked };
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
