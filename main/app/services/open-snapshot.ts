/**
 * A snapshot the session has open. Opening only validates the file and reads its meta and coverage,
 * so the screens can show it at once; recomputing the content hash and running the checks follow as
 * a background job (analyse), whose progress and outcome show in state(). Until the checks have
 * finished, nothing that depends on them pretends they exist: check channels say they are running and
 * users carry no failing count. Live snapshots (just collected) keep exceptions and results in the
 * snapshot's results layer; review snapshots are opened read-only and never written.
 */
import type { IntegrityState, Page, SnapshotState, UserListRow } from '../../../shared/ipc-types.js';
import type { DatasetCoverage, SnapshotMeta } from '../../../shared/snapshot.js';
import type { CheckResult, CheckSummary, ControlResult, RiskException } from '../../../shared/results.js';
import type { TerminationRecord } from '../../checks/types.js';
import {
  openResultsLayer,
  openSnapshot,
  UserPageQuery,
  type SqliteSnapshotReader,
  type UserPageRequest,
} from '../../store/index.js';
import type { ChecksInputs } from './checks-run.js';
import type { JobContext, JobOutput, JobRegistry } from './jobs.js';
import { verifyOffThread } from './off-thread.js';
import { ServiceError } from './service-error.js';

/** What a checks run gives (the same shape main/checks returns). */
export interface ChecksOutput {
  checks: CheckSummary[];
  results: CheckResult[];
  controls: ControlResult[];
  /** MFA passthrough per SSO app id: coverage and how many assigned users are left out. */
  passthrough?: Map<string, { coverage: 'full' | 'partial' | 'none'; uncovered: number }>;
}

/** Runs the checks on a snapshot with the exceptions in force; null when the checks engine is absent. */
export type ChecksRunner = (
  reader: SqliteSnapshotReader,
  inputs: ChecksInputs & { signal?: AbortSignal },
) => Promise<ChecksOutput | null>;

type ChecksState = SnapshotState['checks'];

export class OpenSnapshot {
  readonly reader: SqliteSnapshotReader;
  private readonly userPages: UserPageQuery;
  private readonly meta: SnapshotMeta;
  private readonly coverage: DatasetCoverage[];
  private integrityState: IntegrityState;
  private checksState: ChecksState = 'running';
  private checksError: string | null = null;
  private checksOutput: ChecksOutput | null = null;
  private reviewExceptions: RiskException[] = [];
  private analysis: { jobs: JobRegistry; jobId: string } | null = null;
  private closed = false;

  private constructor(
    readonly path: string,
    readonly mode: 'live' | 'review',
    private readonly runChecks: ChecksRunner,
    private readonly terminations: TerminationRecord[] | undefined,
  ) {
    this.reader = openSnapshot(path, { readonly: true });
    try {
      this.userPages = UserPageQuery.open(path);
    } catch (err) {
      this.reader.close();
      throw err;
    }
    // Neither changes while the file is open (results go to the layer), and the state is read on every
    // poll: read them once, so the header never waits on a live snapshot's results being written.
    this.meta = this.reader.meta();
    this.coverage = this.reader.coverage();
    this.integrityState = { status: 'pending', recorded: this.meta.contentHash ?? null, computed: null };
  }

  /**
   * Opens a snapshot file; throws the store's SnapshotOpenError when it is not one. Integrity and
   * checks stay pending until startAnalysis has run them.
   */
  static open(
    path: string,
    mode: 'live' | 'review',
    runChecks: ChecksRunner,
    terminations?: TerminationRecord[],
  ): OpenSnapshot {
    const snap = new OpenSnapshot(path, mode, runChecks, terminations);
    if (mode === 'review') snap.reviewExceptions = snap.storedExceptions();
    return snap;
  }

  /** Starts the background job that verifies the content hash and runs the checks. */
  startAnalysis(jobs: JobRegistry): void {
    const status = jobs.startBackground('analysis', 'Verifying integrity and running checks', (ctx) =>
      this.analyse(ctx),
    );
    this.analysis = { jobs, jobId: status.jobId };
  }

  get readOnly(): boolean {
    return this.mode === 'review';
  }

  get integrity(): IntegrityState {
    return { ...this.integrityState };
  }

  state(): SnapshotState {
    return {
      path: this.path,
      mode: this.mode,
      readOnly: this.readOnly,
      meta: this.meta,
      coverage: this.coverage,
      integrity: this.integrity,
      checks: this.checksState,
      analysis: this.analysis ? this.analysis.jobs.status(this.analysis.jobId) : null,
    };
  }

  /** The checks run, or null while it is not (yet) there. */
  checks(): ChecksOutput | null {
    return this.checksOutput;
  }

  /** The checks run; a service error saying why when there is none to give. */
  requireChecks(): ChecksOutput {
    if (this.checksOutput) return this.checksOutput;
    if (this.checksState === 'running')
      throw new ServiceError(
        'not-available',
        'The checks are still running on this snapshot: results appear when they finish',
      );
    if (this.checksState === 'failed') throw new ServiceError('failed', `The checks failed: ${this.checksError}`);
    throw new ServiceError('not-available', 'The checks engine is not available in this build yet');
  }

  /** One page of the users screen, answered by SQL; failing counts once the checks have run. */
  userPage(q: UserPageRequest): Page<UserListRow> {
    if (q.sort === 'failing' && !this.userPages.hasFailingCounts) {
      throw new ServiceError(
        'not-available',
        this.checksState === 'running'
          ? 'The checks are still running: sorting by failing results is possible once they finish'
          : 'There are no check results to sort by',
      );
    }
    return this.userPages.page(q);
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

  /** Stops the background job and closes the file; resolves once the job has let go of it. */
  async close(): Promise<void> {
    const analysis = this.analysis;
    this.closed = true;
    if (analysis) analysis.jobs.cancel(analysis.jobId);
    this.userPages.close();
    this.reader.close();
    if (analysis) await analysis.jobs.settled(analysis.jobId);
  }

  /**
   * The background job: the content hash first (what a reviewer must know before anything else), then
   * the checks. One worker at a time, so a core stays free for the screens; and a live snapshot's
   * results are written into the file only after the hash's long read of it is over.
   * Either part failing shows on its own (integrity "failed", checks "failed") and fails the job.
   */
  private async analyse(ctx: JobContext): Promise<JobOutput> {
    const { signal } = ctx;
    const failures: string[] = [];
    ctx.report({ step: 'Verifying integrity', done: 0, total: 2 });
    try {
      const h = await verifyOffThread(this.path, signal);
      const status = h.expected === null ? 'unknown' : h.intact ? 'intact' : 'altered';
      this.integrityState = { status, recorded: h.expected, computed: h.actual };
    } catch (err) {
      if (signal.aborted) throw err;
      this.integrityState = { ...this.integrityState, status: 'failed' };
      failures.push(`integrity could not be verified: ${(err as Error).message}`);
    }
    ctx.report({ step: 'Running checks', done: 1 });
    try {
      await this.refreshChecks(signal);
    } catch (err) {
      if (signal.aborted) throw err;
      this.checksState = 'failed';
      this.checksError = (err as Error).message;
      failures.push(`the checks failed: ${this.checksError}`);
    }
    if (signal.aborted) throw signal.reason;
    if (failures.length) throw new Error(failures.join('; '));
    ctx.report({ done: 2 });
    return {};
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

  private async refreshChecks(signal?: AbortSignal): Promise<void> {
    const out = await this.runChecks(this.reader, {
      exceptions: this.exceptions(),
      terminations: this.terminations,
      saveResults: this.mode === 'live',
      signal,
    });
    // A re-run after an exception is not cancelled with the job: it may end after the file was closed.
    if (signal?.aborted || this.closed) return;
    if (out) this.userPages.loadFailingCounts(failingByUser(out.results));
    this.checksOutput = out;
    this.checksState = out ? 'ready' : 'unavailable';
  }
}

/** How many failing results each user has (users with none are left out). */
function failingByUser(results: readonly CheckResult[]): Map<string, number> {
  const failing = new Map<string, number>();
  for (const r of results)
    if (r.outcome === 'fail' && r.entityType === 'user') failing.set(r.entityId, (failing.get(r.entityId) ?? 0) + 1);
  return failing;
}
