/** Streaming SHA-256 and size of a file or stream (packs hold multi-hundred-MB CSVs). */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

export interface FileDigest {
  sha256: string;
  bytes: number;
}

/** Hashes everything a stream yields. */
export async function digestStream(stream: Readable): Promise<FileDigest> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Hashes a file without reading it whole. */
export function digestFile(path: string): Promise<FileDigest> {
  return digestStream(createReadStream(path));
}

/** Every regular file under `dir`, as sorted `/`-separated relative paths (anything else is listed too, to be reported). */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    for (const e of await readdir(join(dir, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(p);
      else out.push(p);
    }
  };
  await walk('');
  return out.sort();
}
