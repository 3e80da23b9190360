/**
 * Seals a pack folder whose content files are written: adds signer.pem, VERIFY.txt and SHA256SUMS,
 * then manifest.json (every other file's SHA-256 and size) and its detached CMS signature, then zips
 * the folder beside itself (`<dir>.zip`).
 */
import { writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { SnapshotMeta } from '../../../shared/snapshot.js';
import { signDetached } from '../signing/cms-sign.js';
import {
  certificateFingerprint,
  certificateName,
  certificatePem,
  type SignerIdentity,
} from '../signing/signer-identity.js';
import { digestFile, listFiles } from './file-hash.js';
import { buildManifest, manifestBytes, sha256sums, UNLISTED, type Manifest, type ManifestFile } from './manifest.js';
import { verifyText } from './verify-text.js';
import { writeZip } from './zip.js';

export interface SealOptions {
  meta: SnapshotMeta;
  signer: SignerIdentity;
  toolVersion: string;
  now: Date;
}

export interface SealedPack {
  dir: string;
  zip: string;
  manifest: Manifest;
  /** Every file of the pack, relative, sorted (manifest.json and its signature included). */
  files: string[];
}

/** Seals `dir` in place; refuses when it already holds any of the files sealing writes. */
export async function sealPack(dir: string, o: SealOptions): Promise<SealedPack> {
  const existing = await listFiles(dir);
  const reserved = ['signer.pem', 'VERIFY.txt', 'SHA256SUMS', ...UNLISTED];
  const clash = existing.find((f) => reserved.includes(f));
  if (clash) throw new Error(`${clash} already exists in ${dir}: seal a folder once`);
  const fingerprint = certificateFingerprint(o.signer.certificate);
  const subject = certificateName(o.signer.certificate);
  const chainPem = [o.signer.certificate, ...o.signer.chain].map(certificatePem).join('');
  await writeFile(join(dir, 'signer.pem'), chainPem, { flag: 'wx' });
  await writeFile(
    join(dir, 'VERIFY.txt'),
    verifyText({
      toolVersion: o.toolVersion,
      tenantName: o.meta.tenantName,
      tenantId: o.meta.tenantId,
      created: o.now.toISOString(),
      signerSubject: subject,
      signerFingerprint: fingerprint,
      selfSigned: o.signer.selfSigned,
      hasPdf: existing.includes('report.pdf'),
    }),
    { flag: 'wx' },
  );
  const files: ManifestFile[] = [];
  for (const path of [...existing, 'signer.pem', 'VERIFY.txt'].sort())
    files.push({ path, ...(await digestFile(join(dir, path))) });
  await writeFile(join(dir, 'SHA256SUMS'), sha256sums(files), { flag: 'wx' });
  files.push({ path: 'SHA256SUMS', ...(await digestFile(join(dir, 'SHA256SUMS'))) });
  const manifest = buildManifest({
    meta: o.meta,
    toolVersion: o.toolVersion,
    signer: { subject, sha256Fingerprint: fingerprint, selfSigned: o.signer.selfSigned },
    created: o.now,
    files,
  });
  const bytes = manifestBytes(manifest);
  await writeFile(join(dir, 'manifest.json'), bytes, { flag: 'wx' });
  await writeFile(join(dir, 'manifest.json.p7s'), signDetached(bytes, o.signer, o.now), { flag: 'wx' });
  const all = await listFiles(dir);
  const zip = join(dirname(dir), `${basename(dir)}.zip`);
  await writeZip(dir, all, zip, basename(dir), o.now);
  return { dir, zip, manifest, files: all };
}
