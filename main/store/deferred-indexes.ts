/**
 * Secondary indexes of the collected tables are dropped while a snapshot is written and built once in
 * finalize(): a sorted build of the whole index instead of a random B-tree insert per row (the
 * `sign_ins_user` index alone is a million random inserts at 200k users). Their definitions wait in the
 * meta key `deferredIndexes`, so a resumed collection still builds them, and a finished snapshot has
 * exactly the schema's indexes. An unfinished snapshot opened for reading is correct, only slower.
 */
import type Database from 'better-sqlite3';
import { TABLES } from './tables.js';

const KEY = 'deferredIndexes';

interface IndexDef {
  name: string;
  sql: string;
}

function waiting(db: Database.Database): IndexDef[] {
  const v = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(KEY) as string | undefined;
  return v === undefined ? [] : (JSON.parse(v) as IndexDef[]);
}

/** Drops the collected tables' secondary indexes, remembering their definitions in meta. */
export function deferIndexes(db: Database.Database): void {
  const tables = TABLES.map((t) => t.name);
  const present = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')}) ORDER BY name`,
    )
    .all(...tables) as IndexDef[];
  if (!present.length) return;
  const known = waiting(db);
  const all = [...known, ...present.filter((p) => !known.some((k) => k.name === p.name))];
  db.transaction(() => {
    db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(KEY, JSON.stringify(all));
    for (const p of present) db.exec(`DROP INDEX "${p.name}"`);
  })();
}

/** Builds the indexes deferIndexes() dropped and forgets them. */
export function buildDeferredIndexes(db: Database.Database): void {
  const defs = waiting(db);
  db.transaction(() => {
    for (const d of defs) db.exec(d.sql);
    db.prepare('DELETE FROM meta WHERE key = ?').run(KEY);
  })();
}
