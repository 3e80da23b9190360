/**
 * Samples recorded in a snapshot (`entra-audit sample --record`), so the evidence pack can carry
 * every sample drawn during the audit. Kept in `layer_samples` beside the collected data (created
 * here IF NOT EXISTS, like the review layer); the content hash does not change.
 */
import type Database from 'better-sqlite3';
import { openValidated } from '../store/snapshot-queries.js';
import type { SnapshotSample } from './sample-snapshot.js';

const DDL = `
  CREATE TABLE IF NOT EXISTS layer_samples (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    recordedAt TEXT NOT NULL,
    population TEXT NOT NULL,
    seed TEXT NOT NULL,
    populationSize INTEGER NOT NULL,
    sampleSize INTEGER NOT NULL,
    sample TEXT NOT NULL
  );
`;

/** A sample as recorded, with its number in the snapshot and when it was recorded. */
export interface RecordedSample {
  id: number;
  recordedAt: string;
  sample: SnapshotSample;
}

/** Read/write access to a snapshot's recorded samples. */
export class SampleLayer {
  private constructor(private readonly db: Database.Database) {}

  /** Opens a snapshot (validated by the store); `readonly` for reading only. */
  static open(path: string, readonly = false): SampleLayer {
    const db = openValidated(path, readonly);
    if (!readonly) db.exec(DDL);
    return new SampleLayer(db);
  }

  /** Records a sample; returns its number. */
  record(sample: SnapshotSample, recordedAt = new Date().toISOString()): number {
    const r = this.db.prepare('INSERT INTO layer_samples (recordedAt, population, seed, populationSize, sampleSize, sample) VALUES (?, ?, ?, ?, ?, ?)')
      .run(recordedAt, sample.population, sample.seed, sample.populationSize, sample.sampleSize, JSON.stringify(sample));
    return Number(r.lastInsertRowid);
  }

  /** Every recorded sample, in the order recorded. */
  samples(): RecordedSample[] {
    const has = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'layer_samples'").get();
    if (!has) return [];
    return (this.db.prepare('SELECT id, recordedAt, sample FROM layer_samples ORDER BY id').all() as { id: number; recordedAt: string; sample: string }[])
      .map((r) => ({ id: r.id, recordedAt: r.recordedAt, sample: JSON.parse(r.sample) as SnapshotSample }));
  }

  close(): void {
    this.db.close();
  }
}
