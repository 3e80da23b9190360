/**
 * Runs the collectors: the small tenant datasets first, then everything else side by side (each
 * throttling bucket paced by the GraphReader). Records per-dataset coverage (complete / partial /
 * unavailable, Graph's code, an actionable reason, rows, requests, throttle waits), reports progress,
 * honours cancel, and resumes from committed cursors: datasets a previous run completed are skipped.
 */
import { setMaxListeners } from 'node:events';
import { DATASETS, type DatasetId, type LicenceTier } from '../../shared/datasets.js';
import type { DatasetCoverage } from '../../shared/snapshot.js';
import { explain, type ExplainContext } from '../graph/error-explanations.js';
import type { GraphReader } from '../graph/types.js';
import { notCollected } from '../store/snapshot-queries.js';
import type { SnapshotWriter } from '../store/snapshot-writer.js';
import { countingGraph, type RequestCounter } from './dataset-graph.js';
import { ProgressThrottle, type ProgressEvent } from './progress.js';
import { errorCode, isEntitlementCode, isEntitlementRefusal } from './refusals.js';
import { FIRST, REST, SIDE_DATASETS } from './registry.js';
import type { CollectContext, Collector, CollectorOutcome, SignInWindow } from './types.js';

export interface CollectRunOptions {
  graph: GraphReader;
  writer: SnapshotWriter;
  signInWindow: SignInWindow;
  signal?: AbortSignal;
  onProgress?: (e: ProgressEvent) => void;
  /** Tenant, client id and login host woven into the reasons (e.g. the admin-consent URL). */
  explainContext?: ExplainContext;
  /** Collect only these datasets (default: all). */
  only?: DatasetId[];
}

export interface CollectRunReport {
  coverage: DatasetCoverage[];
  /** Datasets the permissions and licence allowed but that were not completely collected. */
  incomplete: DatasetCoverage[];
  cancelled: boolean;
  licence: LicenceTier;
}

/** True when a coverage row counts against "everything the permissions and licence allow". */
export function isIncomplete(c: DatasetCoverage): boolean {
  if (c.status === 'complete') return false;
  return !(c.status === 'unavailable' && isEntitlementCode(c.code));
}

/** Runs (or resumes) a collection into `writer`. Does not finalize the snapshot. */
export async function runCollection(opts: CollectRunOptions): Promise<CollectRunReport> {
  const signal = opts.signal ?? new AbortController().signal;
  // Every in-flight request and retry wait listens to the one run-wide signal.
  setMaxListeners(0, signal);
  const wanted = (c: Collector) => !opts.only || opts.only.includes(c.dataset);
  const previous = new Map(opts.writer.coverage().map((c) => [c.dataset, c]));
  const progress = new ProgressThrottle((e) => opts.onProgress?.(e));
  const finished = new Map<DatasetId, { promise: Promise<DatasetCoverage>; resolve: (c: DatasetCoverage) => void }>();
  for (const d of DATASETS) {
    let resolve!: (c: DatasetCoverage) => void;
    const promise = new Promise<DatasetCoverage>((r) => (resolve = r));
    finished.set(d.id, { promise, resolve });
  }
  const sideCoverage = new Map<DatasetId, Pick<DatasetCoverage, 'dataset' | 'status' | 'code' | 'reason'>>();

  const settle = (coverage: DatasetCoverage) => {
    opts.writer.setCoverage(coverage);
    finished.get(coverage.dataset)?.resolve(coverage);
    progress.update({
      dataset: coverage.dataset,
      status: coverage.status,
      done: coverage.rows,
      requests: coverage.requests,
      throttleWaits: coverage.throttleWaits,
    });
  };

  /** A previous run already settled this dataset for good. */
  const alreadyDone = (id: DatasetId) => {
    const c = previous.get(id);
    return !!c && (c.status === 'complete' || (c.status === 'unavailable' && isEntitlementCode(c.code)));
  };

  async function runOne(collector: Collector): Promise<void> {
    const id = collector.dataset;
    const before = previous.get(id);
    if (alreadyDone(id)) {
      settle(before!);
      if (id === 'users') for (const side of SIDE_DATASETS) if (previous.has(side)) settle(previous.get(side)!);
      return;
    }
    const counter: RequestCounter = { requests: before?.requests ?? 0, throttleWaits: before?.throttleWaits ?? 0 };
    let done = collector.rows(opts.writer);
    let total: number | undefined;
    const report = (status: ProgressEvent['status']) =>
      progress.update({
        dataset: id,
        status,
        done,
        requests: counter.requests,
        throttleWaits: counter.throttleWaits,
        ...(total !== undefined ? { total } : {}),
      });
    const startedAt = before?.startedAt ?? new Date().toISOString();
    const ctx: CollectContext = {
      dataset: id,
      graph: countingGraph(opts.graph, counter, () => report('running')),
      writer: opts.writer,
      pages: opts.writer.pages(id),
      signal,
      signInWindow: opts.signInWindow,
      advance: (rows) => {
        done += rows;
        report('running');
      },
      setTotal: (t) => {
        total = t;
        report('running');
      },
      after: (other) => finished.get(other)!.promise,
      sideCoverage: (c) => sideCoverage.set(c.dataset, c),
      explain: (err) => explain(err, opts.explainContext),
    };
    report('running');
    let outcome: CollectorOutcome;
    try {
      if (signal.aborted) throw signal.reason ?? new Error('cancelled');
      outcome = await collector.run(ctx);
    } catch (err) {
      outcome = failureOutcome(err, signal, ctx, collector.rows(opts.writer));
    }
    const rows = collector.rows(opts.writer);
    const coverage: DatasetCoverage = {
      dataset: id,
      status: outcome.status,
      code: outcome.code,
      reason: outcome.reason,
      rows,
      requests: counter.requests,
      throttleWaits: counter.throttleWaits,
      startedAt,
      finishedAt: new Date().toISOString(),
    };
    if (id === 'users') settleSide(coverage);
    settle(coverage);
  }

  /** signInActivity follows the users list: Graph's refusal of it if there was one, else the users outcome. */
  function settleSide(users: DatasetCoverage): void {
    for (const side of SIDE_DATASETS) {
      const decided = sideCoverage.get(side);
      if (decided?.status === 'unavailable') settle({ ...users, ...decided, rows: 0 });
      else settle({ ...users, dataset: side });
    }
  }

  const first = FIRST.filter(wanted);
  const rest = REST.filter(wanted);
  // A dataset this run does not collect answers after() with what the snapshot already says.
  for (const c of [...FIRST, ...REST].filter((x) => !wanted(x))) {
    finished.get(c.dataset)!.resolve(previous.get(c.dataset) ?? notCollected(c.dataset));
  }
  await Promise.all(first.map(runOne));
  await Promise.all(rest.map(runOne));
  progress.drain();
  const coverage = opts.writer.coverage();
  const ran = new Set<DatasetId>([...first, ...rest].map((c) => c.dataset));
  if (ran.has('users')) for (const s of SIDE_DATASETS) ran.add(s);
  const incomplete = coverage.filter((c) => ran.has(c.dataset) && isIncomplete(c));
  return {
    coverage,
    incomplete,
    cancelled: signal.aborted,
    licence: (opts.writer.metaValue('licence') as LicenceTier | undefined) ?? 'free',
  };
}

function failureOutcome(err: unknown, signal: AbortSignal, ctx: CollectContext, rows: number): CollectorOutcome {
  if (signal.aborted) {
    return {
      status: 'partial',
      code: 'Cancelled',
      reason:
        'Collection was cancelled before this dataset finished; resume the run to continue from the last saved page.',
    };
  }
  const code = errorCode(err);
  const sentence = ctx.explain(err);
  if (isEntitlementRefusal(err)) {
    return { status: rows > 0 ? 'partial' : 'unavailable', code, reason: sentence };
  }
  return {
    status: rows > 0 ? 'partial' : 'unavailable',
    code,
    reason: `${sentence} What was collected is kept; resume the run to continue from the last saved page.`,
  };
}
