/**
 * The snapshot's content hash: SHA-256 over what was collected, in a canonical order, so a reviewer
 * can tell whether a file was altered after collection. Covered, in this order:
 *   1. the line "entra-audit snapshot content v1";
 *   2. every collected table in TABLES order: the line "table <name>", then one line per row, ordered
 *      by the table's primary key (binary collation), each row the JSON array of its columns in schema
 *      order followed by `raw`;
 *   3. the line "datasets", then per dataset (ordered by id) the JSON array [dataset, status, code, rows];
 *   4. the line "meta", then the JSON array of [key, value] for the keys in HASHED_META_KEYS (in that order).
 * Not covered: when and how the run happened (start/finish times, request counts, throttle waits,
 * snapshot id, Graph URL, who collected; coverage reasons, which quote Graph's request ids), the resume cursors, the contentHash itself and the results
 * layer (`layer_*` tables): writing check results or exceptions never changes the hash, and two runs
 * that collected the same tenant data hash the same.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { TABLES } from './tables.js';

/** Meta keys that describe the collected content (not the run) and so are hashed. */
export const HASHED_META_KEYS = [
  'tenantId',
  'tenantName',
  'primaryDomain',
  'cloud',
  'licence',
  'signInDays',
  'signInWindowFrom',
  'signInWindowTo',
] as const;

/** Computes the content hash of an open snapshot (lower-case hex). */
export function computeContentHash(db: Database.Database): string {
  const hash = createHash('sha256');
  hash.update('entra-audit snapshot content v1\n');
  for (const table of TABLES) {
    hash.update(`table ${table.name}\n`);
    const cols = [...table.columns.map(([c]) => `"${c}"`), 'raw'].join(', ');
    const order = table.key.map((k) => `"${k}"`).join(', ');
    const stmt = db.prepare(`SELECT ${cols} FROM ${table.name} ORDER BY ${order}`).raw(true);
    for (const row of stmt.iterate()) hash.update(`${JSON.stringify(row)}\n`);
  }
  hash.update('datasets\n');
  for (const row of db
    .prepare('SELECT dataset, status, code, rows FROM datasets ORDER BY dataset')
    .raw(true)
    .iterate()) {
    hash.update(`${JSON.stringify(row)}\n`);
  }
  hash.update('meta\n');
  const get = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
  const meta = HASHED_META_KEYS.map((k) => [k, (get.get(k) as string | undefined) ?? null]);
  hash.update(`${JSON.stringify(meta)}\n`);
  return hash.digest('hex');
}
