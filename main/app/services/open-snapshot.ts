/**
 * A snapshot the session has open, with what the screens derive from it (check results, the user
 * table) computed once and kept until the results change. Live snapshots (just collected) keep
 * exceptions in the snapshot's results layer; review snapshots are opened read-only and never written.
 */
import type { IntegrityState, SnapshotState } from '../../../shared/ipc-types.js';
import type { CheckResult, CheckSummary, ControlResult, RiskException } from '../../../shared/results.js';
import type { TerminationRecord } from '../../checks/types.js';
import { openResultsLayer, openSnapshot, verifyContentHash, type SqliteSnapshotReader } from '../../store/index.js';
import { UserTable } from './user-table.js';

/** What a checks run gives (the same shape main/checks returns). */
export interface ChecksOutput {
  checks: CheckSummary[];
  results: CheckResult[];
  controls: ControlResult[];
  /** MFA passthrough per SSO app id: coverage and how many assigned users are left out. */
  passthrough?: Map<string, { coverage: 'full' | 'partial' | 'none'; uncovered: number }>;
}

/** Runs the checks on a reader with the exceptions in force; null when the checks engine is absent. */
export type ChecksRunner = (
  reader: SqliteSnapshotReader,
  inputs: { exceptions: RiskException[]; terminations?: TerminationRecord[] },
) => Promise<ChecksOutput | null>;

export class OpenSnapshot {
  readonly reader: SqliteSnapshotReader;
  readonly integrity: IntegrityState;
  private checksOutput: ChecksOutput | null = null;
  private userTable: UserTable | null = null;
  private reviewExceptions: RiskException[] = [];

  private constructor(
    readonly path: string,
    readonly mode: 'live' | 'review',
    private readonly runChecks: ChecksRunner,
    private readonly terminations: TerminationRecord[] | undefined,
  ) {
    this.reader = openSnapshot(path, { readonly: true });
    const hash = verifyContentHash(this.reader);
    this.integrity = {
      status: hash.expected === null ? 'unknown' : hash.intact ? 'intact' : 'altered',
      recorded: hash.expected,
      computed: hash.actual,
    };
  }

  /** Opens a snapshot file; throws the store's SnapshotOpenError when it is not one. */
  static async open(
    path: string,
    mode: 'live' | 'review',
    runChecks: ChecksRunner,
    terminations?: TerminationRecord[],
  ): Promise<OpenSnapshot> {
    const snap = new OpenSnapshot(path, mode, runChecks, terminations);
    if (mode === 'review') snap.reviewExceptions = snap.storedExceptions();
    await snap.refreshChecks();
    return snap;
  }

  get readOnly(): boolean {
    return this.mode === 'review';
  }

  state(): SnapshotState {
    return {
      path: this.path,
      mode: this.mode,
      readOnly: this.readOnly,
      meta: this.reader.meta(),
      coverage: this.reader.coverage(),
      integrity: this.integrity,
    };
  }

  checks(): ChecksOutput | null {
    return this.checksOutput;
  }

  users(): UserTable {
    this.userTable ??= new UserTable(this.reader, this.checksOutput?.results ?? []);
    return this.userTable;
  }

  /** Exceptions recorded for this snapshot (results layer). */
  exceptions(): RiskException[] {
    return this.mode === 'review' ? this.reviewExceptions : this.storedExceptions();
  }

  /** Writes exceptions to the results layer (live snapshots only) and re-runs the checks. */
  async saveException(e: RiskException): Promise<void> {
    const layer = openResultsLayer(this.path);
    try {
      layer.saveExceptions([e]);
    } finally {
      layer.close();
    }
    await this.refreshChecks();
  }

  async removeException(id: string): Promise<boolean> {
    const exists = this.storedExceptions().some((e) => e.id === id);
    if (!exists) return false;
    const layer = openResultsLayer(this.path);
    try {
      layer.removeException(id);
    } finally {
      layer.close();
    }
    await this.refreshChecks();
    return true;
  }

  close(): void {
    this.reader.close();
  }

  /**
   * Exceptions from the results layer. The store offers them through its read-write layer only; a
   * read of it writes nothing, and a file that cannot be opened for writing (read-only media) has none
   * we can show.
   */
  private storedExceptions(): RiskException[] {
    let layer;
    try {
      layer = openResultsLayer(this.path);
    } catch {
      return [];
    }
    try {
      return layer.exceptions();
    } finally {
      layer.close();
    }
  }

  private async refreshChecks(): Promise<void> {
    this.checksOutput = await this.runChecks(this.reader, {
      exceptions: this.exceptions(),
      terminations: this.terminations,
    });
    this.userTable = null;
    if (this.mode === 'live' && this.checksOutput) {
      const layer = openResultsLayer(this.path);
      try {
        layer.saveCheckResults(this.checksOutput.results);
      } finally {
        layer.close();
      }
    }
  }
}
