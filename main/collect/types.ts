/**
 * What a collector is and what it gets from the orchestrator. A collector knows one dataset: which
 * Graph endpoints to read (through GraphReader only), how to map each object to its snapshot row,
 * and how to resume from its committed cursors.
 */
import type { DatasetId } from '../../shared/datasets.js';
import type { DatasetCoverage, DatasetStatus } from '../../shared/snapshot.js';
import type { GraphReader } from '../graph/types.js';
import type { PageWriter, SnapshotWriter } from '../store/snapshot-writer.js';

/** The sign-in window collected: [from, to), ISO times. */
export interface SignInWindow {
  from: string;
  to: string;
}

export interface CollectContext {
  readonly dataset: DatasetId;
  /** Graph for this dataset (counts its requests and throttle waits). */
  readonly graph: GraphReader;
  readonly writer: SnapshotWriter;
  /** Page writer of this dataset: rows + cursor written atomically (committed with the next group commit). */
  readonly pages: PageWriter;
  readonly signal: AbortSignal;
  readonly signInWindow: SignInWindow;
  /** Adds rows written to the progress count (which starts at the rows a resumed run already has). */
  advance(rows: number): void;
  /** The total to expect, when Graph or the snapshot tells it. */
  setTotal(total: number): void;
  /** Waits for another dataset of this run to finish and returns its coverage. */
  after(dataset: DatasetId): Promise<DatasetCoverage>;
  /** Records the coverage of a dataset this collector decides as a side effect (users -> signInActivity). */
  sideCoverage(coverage: Pick<DatasetCoverage, 'dataset' | 'status' | 'code' | 'reason'>): void;
  /** One actionable sentence for an error (Graph's code mapped by main/graph's explanations). */
  explain(err: unknown): string;
}

/** How a collector that returned (did not throw) ended. */
export interface CollectorOutcome {
  status: Extract<DatasetStatus, 'complete' | 'partial' | 'unavailable'>;
  code: string | null;
  /** For complete: a note (e.g. "per-user methods used because ..."); for partial: what is missing. */
  reason: string | null;
}

export interface Collector {
  readonly dataset: DatasetId;
  /** Collects (or resumes) the dataset. Throws a GraphError when Graph refuses or fails. */
  run(ctx: CollectContext): Promise<CollectorOutcome>;
  /** Rows the dataset holds in the snapshot, for the coverage table. */
  rows(writer: SnapshotWriter): number;
}

/** The usual outcome. */
export const COMPLETE: CollectorOutcome = { status: 'complete', code: null, reason: null };
