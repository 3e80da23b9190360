/**
 * File-level helpers shared by the writer and the reader: recognising a SQLite file by its header,
 * spotting truncation, and fsyncing a file and its folder.
 */
import { closeSync, existsSync, fsyncSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** What the first 100 bytes say about a file. */
export type HeaderVerdict = 'sqlite' | 'not-sqlite' | 'truncated';

/**
 * Reads the SQLite header: the magic string, page size and page count. A file shorter than the
 * page count says (with a valid in-header size) was cut short.
 */
export function inspectHeader(path: string): HeaderVerdict {
  const size = statSync(path).size;
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(100);
    const read = readSync(fd, header, 0, 100, 0);
    if (read < SQLITE_MAGIC.length || !header.subarray(0, 16).equals(SQLITE_MAGIC)) {
      return read > 0 && SQLITE_MAGIC.subarray(0, read).equals(header.subarray(0, Math.min(read, 16)))
        ? 'truncated'
        : 'not-sqlite';
    }
    if (read < 100) return 'truncated';
    const rawPageSize = header.readUInt16BE(16);
    const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
    const pageCount = header.readUInt32BE(28);
    const changeCounter = header.readUInt32BE(24);
    const validFor = header.readUInt32BE(92);
    // With a write-ahead log beside it the file may be shorter than its header says (a checkpoint cut
    // short by a full disk or a kill): the missing pages are in the log, and SQLite reads them from there.
    if (pageCount > 0 && changeCounter === validFor && size < pageSize * pageCount && !hasWal(path)) return 'truncated';
    return 'sqlite';
  } finally {
    closeSync(fd);
  }
}

function hasWal(path: string): boolean {
  const wal = `${path}-wal`;
  return existsSync(wal) && statSync(wal).size > 0;
}

/** fsync a file, then its directory entry, so a finished snapshot survives a power cut. */
export function fsyncFileAndDir(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    const dirFd = openSync(dirname(path), 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // Some platforms (Windows) cannot open a directory for fsync; the file itself is synced.
  }
}
