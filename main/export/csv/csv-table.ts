/**
 * A CSV artifact described once: file name, what it holds, and its stable columns (name, meaning, value).
 * The same description writes the file and documents it (README-pack.md is checked against it in tests).
 */
import type { CellValue } from './csv-cell.js';
import { csvFileWriter } from './csv-writer.js';

export interface CsvColumn<T> {
  name: string;
  doc: string;
  value: (row: T) => CellValue;
}

export interface CsvTable<T> {
  /** File name inside csv/ of the pack. */
  file: string;
  title: string;
  doc: string;
  columns: readonly CsvColumn<T>[];
}

/** Writes every row of `rows` (sync or async iterable, consumed lazily) to `path`; returns the record count. */
export async function writeCsvTable<T>(
  path: string,
  table: CsvTable<T>,
  rows: Iterable<T> | AsyncIterable<T>,
): Promise<number> {
  const writer = csvFileWriter(
    path,
    table.columns.map((c) => c.name),
  );
  try {
    const cols = table.columns;
    const values: CellValue[] = new Array(cols.length);
    const put = (row: T): boolean => {
      for (let i = 0; i < cols.length; i++) values[i] = cols[i].value(row);
      return writer.add(values);
    };
    // A plain loop for sync iterables: `for await` would cost a microtask per row.
    if (Symbol.iterator in rows) {
      for (const row of rows) if (put(row)) await writer.flush();
    } else {
      for await (const row of rows) if (put(row)) await writer.flush();
    }
  } finally {
    await writer.close();
  }
  return writer.rowCount;
}

/** Joins a list into one cell (`;` separated) — lists never contain `;` in Graph ids and method names. */
export function list(values: readonly (string | null | undefined)[] | null | undefined): string {
  return (values ?? []).filter((v): v is string => !!v).join(';');
}
