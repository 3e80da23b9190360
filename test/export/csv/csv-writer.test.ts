import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvRecord, type CellValue } from '../../../main/export/csv/csv-cell.js';
import { BOM, CHUNK_BYTES, CsvWriter } from '../../../main/export/csv/csv-writer.js';
import { writeCsvTable, type CsvTable } from '../../../main/export/csv/csv-table.js';
import { parseCsv } from './rfc4180.js';

/** A slow sink: each chunk is acknowledged on a later tick, with a small buffer. */
class SlowSink extends Writable {
  chunks: Buffer[] = [];
  maxBuffered = 0;
  constructor() {
    super({ highWaterMark: 1024 });
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.maxBuffered = Math.max(this.maxBuffered, this.writableLength);
    this.chunks.push(chunk);
    setImmediate(cb);
  }
}

describe('CsvWriter', () => {
  it('starts with a UTF-8 BOM and a header, CRLF everywhere', async () => {
    const sink = new SlowSink();
    const w = new CsvWriter(sink, ['a', 'b']);
    await w.write(['1', 'x,y']);
    await w.close();
    const bytes = Buffer.concat(sink.chunks);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe(`${BOM}a,b\r\n1,"x,y"\r\n`);
  });

  it('waits for drain: the sink never holds more than one chunk beyond its buffer', async () => {
    const sink = new SlowSink();
    const w = new CsvWriter(sink, ['n', 'text']);
    for (let i = 0; i < 50_000; i++) await w.write([i, `row ${i} with some text`]);
    await w.close();
    expect(w.rowCount).toBe(50_000);
    expect(sink.maxBuffered).toBeLessThanOrEqual(1024 + CHUNK_BYTES + 1024);
    const rows = parseCsv(Buffer.concat(sink.chunks).toString('utf8').slice(1));
    expect(rows).toHaveLength(50_001);
    expect(rows[50_000]).toEqual(['49999', 'row 49999 with some text']);
  });

  it('writes a table from a lazy generator to a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-'));
    const table: CsvTable<{ id: number; name: string }> = {
      file: 't.csv',
      title: 'T',
      doc: 'test',
      columns: [
        { name: 'id', doc: 'id', value: (r) => r.id },
        { name: 'name', doc: 'name', value: (r) => r.name },
      ],
    };
    function* rows() {
      for (let i = 0; i < 1000; i++) yield { id: i, name: i % 2 ? `=cmd|${i}` : `Ωμέγα ${i}` };
    }
    const n = await writeCsvTable(join(dir, 't.csv'), table, rows());
    expect(n).toBe(1000);
    const parsed = parseCsv(readFileSync(join(dir, 't.csv'), 'utf8').replace(/^\uFEFF/, ''));
    expect(parsed[0]).toEqual(['id', 'name']);
    expect(parsed[2]).toEqual(['1', "'=cmd|1"]);
    expect(parsed[1]).toEqual(['0', 'Ωμέγα 0']);
  });

  it('writes the same bytes as encoding the whole text at once (multi-byte text, surrogates, records larger than a chunk)', async () => {
    const big = 'x'.repeat(CHUNK_BYTES + 17);
    const bigWide = '字'.repeat(Math.ceil(CHUNK_BYTES / 2));
    const records: CellValue[][] = [
      ['Дмитрий Иванов', 'Σωκράτης', 'محمد علي', '山田太郎', '\u{1F469}\u200D\u{1F4BB} dev'],
      ['lone high \ud800', 'lone low \udc00', '\udbff', 'pair \ud83d\ude00', 'é'],
      [big, 1, true],
      [bigWide, 'a,b', 'say "hi"'],
      ['=1+1', null, -5, 'line1\r\nline2'],
    ];
    for (let i = 0; i < 5_000; i++)
      records.push([i, i % 3 ? `Ωμέγα ${i}` : `row ${i}`, i % 7 ? '\ud83d\ude00' : 'é,"']);
    for (const flushEvery of [1, 7, 1_000_000]) {
      const sink = new SlowSink();
      const w = new CsvWriter(sink, ['a', 'b', 'c', 'd', 'e']);
      let n = 0;
      for (const r of records) {
        const ready = w.add(r);
        if (ready || ++n % flushEvery === 0) await w.flush();
      }
      await w.close();
      const expected = Buffer.from(
        BOM + csvRecord(['a', 'b', 'c', 'd', 'e']) + records.map(csvRecord).join(''),
        'utf8',
      );
      expect(Buffer.concat(sink.chunks).equals(expected)).toBe(true);
      expect(w.rowCount).toBe(records.length);
    }
  });
});
