/**
 * Streaming CSV writer: a UTF-8 BOM, a header, then records written in chunks to a Node Writable,
 * waiting for 'drain' whenever the stream asks (so a million sign-ins never sit in memory).
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { csvRecord, type CellValue } from './csv-cell.js';

/** The byte-order mark Excel needs to read UTF-8. */
export const BOM = '\uFEFF';

/** Bytes gathered before a chunk goes to the stream. */
export const CHUNK_BYTES = 256 * 1024;

/**
 * Writes records to a stream with backpressure; `close()` flushes and ends the stream.
 * Records are UTF-8 encoded one at a time into a chunk buffer (`Buffer#write`, the encoder
 * `Buffer.from(string)` uses): cheaper than growing a 64 KB string and encoding it at once, and the
 * same bytes, since every record ends with CRLF and so never splits a surrogate pair.
 */
export class CsvWriter {
  /** Filled chunks not yet handed to the stream (only when a record did not fit the current one). */
  private ready: Buffer[] = [];
  private buf: Buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private rows = 0;

  constructor(
    private readonly out: Writable,
    header: readonly string[],
  ) {
    this.append(BOM + csvRecord(header));
  }

  /** Number of data records written so far (the header is not counted). */
  get rowCount(): number {
    return this.rows;
  }

  /** Queues one record; resolves once the stream can take more. */
  async write(values: readonly CellValue[]): Promise<void> {
    if (this.add(values)) await this.flush();
  }

  /** Queues one record without waiting; true when a chunk is ready and `flush()` must be awaited next. */
  add(values: readonly CellValue[]): boolean {
    this.append(csvRecord(values));
    this.rows++;
    return this.used >= CHUNK_BYTES || this.ready.length > 0;
  }

  /** Encodes `text` after what is queued, starting a new chunk when it might not fit. */
  private append(text: string): void {
    const most = text.length * 3; // a UTF-16 code unit takes at most 3 UTF-8 bytes (a pair: 4 for 2)
    if (this.used + most > this.buf.length) {
      if (this.used > 0) this.ready.push(this.buf.subarray(0, this.used));
      this.buf = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, most));
      this.used = 0;
    }
    this.used += this.buf.write(text, this.used);
  }

  /** Hands the queued chunks to the stream, waiting for 'drain' when the stream's buffer is full. */
  async flush(): Promise<void> {
    if (this.used > 0) {
      this.ready.push(this.buf.subarray(0, this.used));
      this.buf = Buffer.allocUnsafe(CHUNK_BYTES);
      this.used = 0;
    }
    if (this.ready.length === 0) return;
    const chunks = this.ready;
    this.ready = [];
    let full = false;
    for (const chunk of chunks) full = !this.out.write(chunk);
    if (full) await once(this.out, 'drain');
  }

  /** Writes what is left and ends the stream, resolving when the data is on disk (for file streams). */
  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await finished(this.out);
  }
}

/** A writer for a new file at `path`. */
export function csvFileWriter(path: string, header: readonly string[]): CsvWriter {
  return new CsvWriter(createWriteStream(path, { flags: 'wx' }), header);
}
