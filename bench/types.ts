/**
 * The messages between the benchmark's processes: what each child is asked to do and what it reports.
 * Every phase runs in a fresh child process so its time and peak memory are its own.
 */
import type { ThrottleBucket } from '../shared/datasets.js';

/** What `npm run bench` was asked for. */
export interface BenchOptions {
  sizes: number[];
  /**
   * Graph's clock runs this many times faster (emulator windows and reader waits alike); null: per size,
   * see `timeScaleFor`.
   */
  timeScale: number | null;
  /** Per-request latency in Graph milliseconds (the emulator adds latencyMs / timeScale real ms). */
  latencyMs: number;
  /** The naive baseline runs at sizes up to this many users; larger sizes are extrapolated. */
  naiveMaxUsers: number;
  /** Interactive sign-ins per active user per weekday (the generator's rate). */
  signInsPerUserPerDay: number;
  seed: number;
  /** Where snapshots and exports go (one folder per size). */
  workDir: string;
  json?: string;
}

/** How the emulator process is reached. */
export interface EmulatorInfo {
  url: string;
  caCertPem: string;
  /** Tokens of two different app registrations, so ours and the naive run do not share per-app quotas. */
  tokens: { ours: string; naive: string };
  tenant: { tenantId: string; displayName: string; primaryDomain: string; now: string; users: number };
  terminationsCsvPath: string;
}

/** Requests and throttling units one bucket needs at the least. */
export interface BucketNeed {
  /** HTTP requests ($batch counted once). */
  requests: number;
  /** What the bucket's limit counts: resource units (identity) or requests, $batch items one by one. */
  units: number;
}

/** The lower bound on requests and the floor on wall time, from the tenant's counts and Graph's limits. */
export interface LowerBound {
  requests: number;
  byBucket: Record<ThrottleBucket, BucketNeed>;
  /** Graph seconds each bucket needs at its limit (burst capacity first, then the refill rate). */
  floorByBucket: Record<ThrottleBucket, number>;
  /** The slowest bucket's time plus one request's latency, in Graph seconds. */
  floorGraphSec: number;
  floorBucket: ThrottleBucket;
}

export interface TenantFacts {
  users: number;
  signInsInWindow: number;
  groups: number;
  devices: number;
  servicePrincipals: number;
  generateMs: number;
}

export interface EmulatorReady extends EmulatorInfo {
  facts: TenantFacts;
  lowerBound: LowerBound;
}

/** Reader statistics summed over buckets. */
export interface GraphTally {
  requests: number;
  throttled: number;
  /** Real milliseconds spent waiting out 429s and retries. */
  waitMs: number;
  byBucket: Record<string, { requests: number; throttled: number; waitMs: number }>;
}

export interface CollectResult {
  kind: 'collect';
  wallMs: number;
  graph: GraphTally;
  incomplete: string[];
  /** Per dataset: requests, rows, 429s met, and real seconds from start to finish. */
  datasets: { dataset: string; requests: number; rows: number; throttleWaits: number; seconds: number }[];
  rowsWritten: number;
  writeMs: number;
  finalizeMs: number;
  snapshotBytes: number;
  users: number;
  peakRssBytes: number;
}

export interface NaiveResult {
  kind: 'naive';
  wallMs: number;
  graph: GraphTally;
  objects: number;
  peakRssBytes: number;
}

export interface ExportResult {
  kind: 'export';
  /** RSS when each step started: a step's own memory is its peak minus this. */
  startRssBytes: { checks: number; csv: number; pdf: number };
  checksMs: number;
  checksPeakRssBytes: number;
  results: number;
  csvMs: number;
  csvPeakRssBytes: number;
  csvRows: { users: number; signIns: number; total: number };
  pdfMs: number;
  pdfPeakRssBytes: number;
  pdfBytes: number;
  peakRssBytes: number;
}

export interface UsersScreenResult {
  kind: 'usersScreen';
  openMs: number;
  firstRowsMs: number;
  rows: number;
  total: number;
  peakRssBytes: number;
}

/** A phase whose code is not in this checkout yet. */
export interface NotBuilt {
  kind: 'notBuilt';
  phase: string;
  missing: string;
}

export type PhaseResult = CollectResult | NaiveResult | ExportResult | UsersScreenResult | NotBuilt;

/** Everything measured at one size. */
export interface SizeReport {
  users: number;
  /** The time scale this size ran at. */
  timeScale: number;
  facts: TenantFacts;
  lowerBound: LowerBound;
  collect: CollectResult | NotBuilt;
  naive: NaiveResult | NotBuilt | { kind: 'skipped'; reason: string };
  export: ExportResult | NotBuilt;
  usersScreen: UsersScreenResult | NotBuilt;
  emulatorPeakRssBytes: number;
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  machine: { cpus: string; cores: number; memoryBytes: number; node: string; platform: string; loadAverage: { start: number[]; end: number[] } };
  options: Omit<BenchOptions, 'workDir' | 'json'>;
  sizes: SizeReport[];
}
