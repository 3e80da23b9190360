/**
 * manifest.json: what the pack is and the SHA-256 and size of every other file in it.
 * Signed by manifest.json.p7s (detached CMS). Its shape is part of the pack contract (README-pack.md).
 */
import type { SnapshotMeta } from '../../../shared/snapshot.js';

export const PACK_FORMAT = 'entra-audit-evidence-pack/1';

/** Files that the manifest cannot list (itself and its signature). */
export const UNLISTED = ['manifest.json', 'manifest.json.p7s'] as const;

export interface ManifestFile {
  path: string;
  sha256: string;
  bytes: number;
}

export interface Manifest {
  format: typeof PACK_FORMAT;
  tool: { name: string; version: string };
  tenant: { id: string; name: string; primaryDomain: string };
  window: { collectionStartedAt: string; collectionFinishedAt: string | null; signInDays: number };
  snapshot: {
    id: string;
    schemaVersion: number;
    contentHash: string | null;
    collectedBy: string;
    clientAppId: string | null;
  };
  signer: { subject: string; sha256Fingerprint: string; selfSigned: boolean };
  created: string;
  files: ManifestFile[];
}

/** Builds the manifest; files are sorted by path so the same inputs give the same bytes. */
export function buildManifest(input: {
  meta: SnapshotMeta;
  toolVersion: string;
  signer: Manifest['signer'];
  created: Date;
  files: ManifestFile[];
}): Manifest {
  const { meta } = input;
  return {
    format: PACK_FORMAT,
    tool: { name: 'Entra Audit Desktop', version: input.toolVersion },
    tenant: { id: meta.tenantId, name: meta.tenantName, primaryDomain: meta.primaryDomain },
    window: {
      collectionStartedAt: meta.collectionStartedAt,
      collectionFinishedAt: meta.collectionFinishedAt,
      signInDays: meta.signInDays,
    },
    snapshot: {
      id: meta.snapshotId,
      schemaVersion: meta.schemaVersion,
      contentHash: meta.contentHash,
      collectedBy: meta.collectedBy,
      clientAppId: meta.clientAppId,
    },
    signer: input.signer,
    created: input.created.toISOString(),
    files: [...input.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  };
}

/** The exact bytes written to manifest.json (and signed). */
export function manifestBytes(manifest: Manifest): Buffer {
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
}

/** Parses manifest.json bytes, checking the fields verify relies on; throws with what is wrong. */
export function parseManifest(bytes: Buffer): Manifest {
  const m = JSON.parse(bytes.toString('utf8')) as Manifest;
  if (m.format !== PACK_FORMAT) throw new Error(`unknown pack format ${JSON.stringify(m.format)}`);
  if (!Array.isArray(m.files)) throw new Error('manifest has no files list');
  for (const f of m.files) {
    if (typeof f.path !== 'string' || !/^[0-9a-f]{64}$/.test(f.sha256) || !Number.isInteger(f.bytes))
      throw new Error(`bad file entry ${JSON.stringify(f)}`);
    if (f.path.startsWith('/') || f.path.split('/').includes('..')) throw new Error(`unsafe path ${f.path}`);
  }
  if (typeof m.signer?.sha256Fingerprint !== 'string') throw new Error('manifest names no signer fingerprint');
  return m;
}

/** SHA256SUMS in GNU coreutils format (`sha256sum --strict -c SHA256SUMS` checks it). */
export function sha256sums(files: readonly ManifestFile[]): Buffer {
  return Buffer.from(files.map((f) => `${f.sha256}  ${f.path}\n`).join(''), 'utf8');
}
