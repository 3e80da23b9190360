/**
 * Long jobs (collection, export) as the renderer sees them: an id, a state and progress that only
 * moves forward, published at most ten times a second, and a cancel that reaches the job's signal.
 * Background jobs (a snapshot's analysis after open) run beside them: they neither wait for nor block
 * the one foreground job, and are not the session's "active job".
 */
import { randomUUID } from 'node:crypto';
import type { DatasetProgress, ExportOutcome, JobKind, JobProgress, JobStatus } from '../../../shared/ipc-types.js';
import { ServiceError } from './service-error.js';

/** What a job reports; any field left out keeps its value. */
export type ProgressUpdate = Partial<Omit<JobProgress, 'datasets'>> & { datasets?: DatasetProgress[] };

export interface JobContext {
  signal: AbortSignal;
  report(update: ProgressUpdate): void;
}

export interface JobOutput {
  snapshotPath?: string;
  pack?: ExportOutcome;
}

/** Smallest gap between two published progress events (ten per second at most). */
export const MIN_EVENT_GAP_MS = 100;

interface Job {
  status: JobStatus;
  controller: AbortController;
  pending: JobProgress | null;
  lastPublished: number;
  timer: NodeJS.Timeout | null;
  resumable: boolean;
  background: boolean;
}

/** Merges an update into progress without letting any counter go backwards. */
export function mergeProgress(prev: JobProgress, update: ProgressUpdate): JobProgress {
  const datasets = new Map(prev.datasets.map((d) => [d.dataset, d]));
  for (const d of update.datasets ?? []) {
    const old = datasets.get(d.dataset);
    datasets.set(
      d.dataset,
      old
        ? {
            ...d,
            done: Math.max(old.done, d.done),
            total: d.total === null ? old.total : Math.max(d.total, old.total ?? 0),
            requests: Math.max(old.requests, d.requests),
            throttleWaits: Math.max(old.throttleWaits, d.throttleWaits),
          }
        : d,
    );
  }
  const total =
    update.total === undefined || update.total === null ? prev.total : Math.max(update.total, prev.total ?? 0);
  return {
    step: update.step ?? prev.step,
    done: Math.max(prev.done, update.done ?? 0),
    total,
    datasets: [...datasets.values()],
    requests: Math.max(prev.requests, update.requests ?? 0),
    throttleWaits: Math.max(prev.throttleWaits, update.throttleWaits ?? 0),
    secondsLeft: update.secondsLeft === undefined ? prev.secondsLeft : update.secondsLeft,
  };
}

const emptyProgress = (step: string): JobProgress => ({
  step,
  done: 0,
  total: null,
  datasets: [],
  requests: 0,
  throttleWaits: 0,
  secondsLeft: null,
});

/** The set of jobs of one session. */
export class JobRegistry {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Starts a job; a resumable one can be restarted under the same id after a cancel or failure. */
  start(kind: JobKind, step: string, run: (ctx: JobContext) => Promise<JobOutput>, resumable = false): JobStatus {
    if (this.running())
      throw new ServiceError(
        'conflict',
        `a ${this.running()!.status.kind} job is already running: wait for it or cancel it`,
      );
    return this.create(kind, step, run, resumable, false);
  }

  /** Starts a background job: it runs beside the foreground job and is never the session's active one. */
  startBackground(kind: JobKind, step: string, run: (ctx: JobContext) => Promise<JobOutput>): JobStatus {
    return this.create(kind, step, run, false, true);
  }

  private create(
    kind: JobKind,
    step: string,
    run: (ctx: JobContext) => Promise<JobOutput>,
    resumable: boolean,
    background: boolean,
  ): JobStatus {
    const jobId = randomUUID();
    const job: Job = {
      status: {
        jobId,
        kind,
        state: 'running',
        seq: 0,
        progress: emptyProgress(step),
        error: null,
        snapshotPath: null,
        pack: null,
        resumable: false,
      },
      controller: new AbortController(),
      pending: null,
      lastPublished: 0,
      timer: null,
      resumable,
      background,
    };
    this.jobs.set(jobId, job);
    this.launch(job, run);
    return { ...job.status };
  }

  /** Runs a job again under its id (resume after cancel or failure). */
  restart(jobId: string, run: (ctx: JobContext) => Promise<JobOutput>): JobStatus {
    const job = this.get(jobId);
    if (job.status.state === 'running') throw new ServiceError('conflict', 'the job is still running');
    if (this.running()) throw new ServiceError('conflict', 'another job is running');
    job.controller = new AbortController();
    job.status = { ...job.status, state: 'running', error: null, resumable: false, seq: job.status.seq + 1 };
    this.launch(job, run);
    return { ...job.status };
  }

  status(jobId: string): JobStatus {
    return { ...this.get(jobId).status };
  }

  /** The foreground job currently running, if any. */
  running(): Job | undefined {
    return [...this.jobs.values()].find((j) => j.status.state === 'running' && !j.background);
  }

  /** The latest foreground job. */
  latest(): JobStatus | null {
    const all = [...this.jobs.values()].filter((j) => !j.background);
    return all.length ? { ...all[all.length - 1].status } : null;
  }

  cancel(jobId: string): JobStatus {
    const job = this.get(jobId);
    if (job.status.state === 'running') job.controller.abort(new Error('cancelled by the user'));
    return { ...job.status };
  }

  /** Waits for a job to leave the running state (tests, CLI). */
  async settled(jobId: string): Promise<JobStatus> {
    while (this.get(jobId).status.state === 'running') await new Promise((r) => setTimeout(r, 20));
    return this.status(jobId);
  }

  private get(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new ServiceError('not-found', 'no such job');
    return job;
  }

  private launch(job: Job, run: (ctx: JobContext) => Promise<JobOutput>): void {
    const ctx: JobContext = {
      signal: job.controller.signal,
      report: (update) => this.report(job, update),
    };
    run(ctx).then(
      (out) => {
        this.flush(job);
        const p = job.status.progress;
        const progress = { ...p, step: 'Finished', done: Math.max(p.done, p.total ?? p.done), secondsLeft: 0 };
        job.status = {
          ...job.status,
          state: 'done',
          progress,
          seq: job.status.seq + 1,
          snapshotPath: out.snapshotPath ?? null,
          pack: out.pack ?? null,
        };
      },
      (err: unknown) => {
        this.flush(job);
        const cancelled = job.controller.signal.aborted;
        const message = err instanceof Error ? err.message : String(err);
        job.status = {
          ...job.status,
          state: cancelled ? 'cancelled' : 'failed',
          error: cancelled
            ? job.resumable
              ? 'Cancelled. What was collected is kept; resume continues from the last saved page.'
              : 'Cancelled.'
            : message,
          seq: job.status.seq + 1,
          resumable: job.resumable,
        };
      },
    );
  }

  private report(job: Job, update: ProgressUpdate): void {
    if (job.status.state !== 'running') return;
    job.pending = mergeProgress(job.pending ?? job.status.progress, update);
    const wait = job.lastPublished + MIN_EVENT_GAP_MS - this.now();
    if (wait <= 0) this.flush(job);
    else if (!job.timer) job.timer = setTimeout(() => this.flush(job), wait);
  }

  private flush(job: Job): void {
    if (job.timer) clearTimeout(job.timer);
    job.timer = null;
    if (!job.pending) return;
    job.status = { ...job.status, progress: job.pending, seq: job.status.seq + 1 };
    job.pending = null;
    job.lastPublished = this.now();
  }
}
