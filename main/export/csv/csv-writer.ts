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

const CHUNK = 64 * 1024;

/** Writes records to a stream with backpressure; `close()` flushes and ends the stream. */
export class CsvWriter {
  private pending = '';
  private rows = 0;

  constructor(
    private readonly out: Writable,
    header: readonly string[],
  ) {
    this.pending = BOM + csvRecord(header);
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
    this.pending += csvRecord(values);
    this.rows++;
    return this.pending.length >= CHUNK;
  }

  /** Hands the queued chunk to the stream, waiting for 'drain' when the stream's buffer is full. */
  async flush(): Promise<void> {
    if (!this.pending) return;
    const chunk = this.pending;
    this.pending = '';
    if (!this.out.write(chunk, 'utf8')) await once(this.out, 'drain');
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
