/**
 * Turns typed rows into bound parameters and back, driven by the table specs, so every table is
 * written and read by the same few lines instead of one hand-written statement per kind.
 */
import type Database from 'better-sqlite3';
import { decodeValue, encodeValue, type TableSpec } from './tables.js';

/** A prepared INSERT OR REPLACE for one table, taking a row and its raw JSON. */
export function prepareInsert(db: Database.Database, spec: TableSpec): (row: object, raw: unknown) => void {
  const names = [...spec.columns.map(([c]) => `"${c}"`), 'raw'];
  const stmt = db.prepare(
    `INSERT OR REPLACE INTO ${spec.name} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
  );
  const cols = spec.columns;
  const n = cols.length;
  return (row, raw) => {
    const r = row as Record<string, unknown>;
    const values = new Array<string | number | null>(n + 1);
    for (let i = 0; i < n; i++) values[i] = encodeValue(cols[i][1], r[cols[i][0]]);
    values[n] = typeof raw === 'string' ? raw : JSON.stringify(raw);
    stmt.run(values);
  };
}

/** The SELECT list for a table's typed columns (or just raw when the table is read as Graph JSON). */
export function selectList(spec: TableSpec): string {
  return spec.readRaw ? 'raw' : spec.columns.map(([c]) => `"${c}"`).join(', ');
}

/**
 * Decodes one row selected with `selectList` in raw (array) mode into the typed row, or parses raw.
 * Arrays skip the object better-sqlite3 would build per row only to be copied: a third of the read
 * time on large tables.
 */
export function decodeRow<T>(spec: TableSpec, selected: unknown[]): T {
  if (spec.readRaw) return JSON.parse(selected[0] as string) as T;
  const out: Record<string, unknown> = {};
  const cols = spec.columns;
  for (let i = 0; i < cols.length; i++) {
    const [name, kind] = cols[i];
    const v = selected[i];
    out[name] = v === null || kind === 'text' || kind === 'int' || kind === 'real' ? v : decodeValue(kind, v);
  }
  return out as T;
}
