/**
 * The results layer: check results and risk exceptions stored beside the collected data in `layer_*`
 * tables. Writing here never touches collected tables, so the content hash stays the same.
 */
import type Database from 'better-sqlite3';
import type { CheckResult, RiskException } from '../../shared/results.js';
import { openValidated } from './snapshot-queries.js';

/** Read/write access to a snapshot's results layer. */
export interface ResultsLayer {
  /** Replaces all stored check results with these (one transaction). */
  saveCheckResults(results: CheckResult[]): void;
  checkResults(): CheckResult[];
  /** Inserts or updates exceptions by id. */
  saveExceptions(exceptions: RiskException[]): void;
  removeException(id: string): void;
  exceptions(): RiskException[];
  close(): void;
}

/** Opens a finished snapshot for writing its results layer (the collected data stays untouched). */
export function openResultsLayer(path: string): ResultsLayer {
  const db = openValidated(path, false);
  return new SqliteResultsLayer(db);
}

class SqliteResultsLayer implements ResultsLayer {
  constructor(private readonly db: Database.Database) {}

  saveCheckResults(results: CheckResult[]): void {
    const insert = this.db.prepare(
      'INSERT OR REPLACE INTO layer_check_results (checkId, entityType, entityId, entityName, outcome, reason, evidence, exceptionId) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM layer_check_results').run();
      for (const r of results) {
        insert.run(
          r.checkId,
          r.entityType,
          r.entityId,
          r.entityName,
          r.outcome,
          r.reason,
          JSON.stringify(r.evidence),
          r.exceptionId ?? null,
        );
      }
    })();
  }

  checkResults(): CheckResult[] {
    const rows = this.db.prepare('SELECT * FROM layer_check_results ORDER BY checkId, entityId').all() as (Omit<
      CheckResult,
      'evidence' | 'exceptionId'
    > & { evidence: string; exceptionId: string | null })[];
    return rows.map(({ evidence, exceptionId, ...r }) => ({
      ...r,
      evidence: JSON.parse(evidence),
      ...(exceptionId ? { exceptionId } : {}),
    }));
  }

  saveExceptions(exceptions: RiskException[]): void {
    const insert = this.db.prepare(
      'INSERT OR REPLACE INTO layer_exceptions (id, checkId, entityId, reason, approver, createdAt, expiresAt) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      for (const e of exceptions)
        insert.run(e.id, e.checkId, e.entityId, e.reason, e.approver, e.createdAt, e.expiresAt);
    })();
  }

  removeException(id: string): void {
    this.db.prepare('DELETE FROM layer_exceptions WHERE id = ?').run(id);
  }

  exceptions(): RiskException[] {
    return this.db.prepare('SELECT * FROM layer_exceptions ORDER BY id').all() as RiskException[];
  }

  close(): void {
    this.db.close();
  }
}
