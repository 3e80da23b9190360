/**
 * A pack as verify sees it: a folder or a zip of one. Both list their files as `/`-separated
 * relative paths and give each file's bytes as a stream, so verify runs the same checks on either.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { listFiles } from '../pack/file-hash.js';
import { openZipEntry, readZipEntries, type ZipEntry } from '../pack/zip.js';

export interface PackSource {
  /** Every file, sorted. */
  files(): Promise<string[]>;
  open(path: string): Promise<Readable>;
}

/** Opens a folder or a zip (decided by what the path is). */
export async function openPackSource(path: string): Promise<PackSource> {
  const s = await stat(path);
  if (s.isDirectory()) {
    return { files: () => listFiles(path), open: async (p) => createReadStream(join(path, p)) };
  }
  const entries = (await readZipEntries(path)).filter((e) => !e.name.endsWith('/'));
  // A pack zip holds one top folder; paths are relative to it.
  const tops = new Set(entries.map((e) => e.name.split('/')[0]));
  const prefix = tops.size === 1 && entries.every((e) => e.name.includes('/')) ? `${[...tops][0]}/` : '';
  const byPath = new Map<string, ZipEntry>(entries.map((e) => [e.name.slice(prefix.length), e]));
  return {
    files: async () => [...byPath.keys()].sort(),
    open: async (p) => {
      const e = byPath.get(p);
      if (!e) throw new Error(`${p} is not in the zip`);
      return openZipEntry(path, e);
    },
  };
}

/** Reads a whole (small) file of the pack. */
export async function readAll(source: PackSource, path: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await source.open(path)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
