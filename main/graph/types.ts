/**
 * The contract of the one Graph access point. Collectors depend on this interface only; the
 * implementation (read-only guard, paging, $batch, per-bucket throttling, retries) lives beside it.
 */
import type { ThrottleBucket } from '../../shared/datasets.js';

export type GraphObject = { id: string } & Record<string, unknown>;

export interface GraphPage {
  items: GraphObject[];
  /** Absolute @odata.nextLink, or null on the last page. Persist it to resume. */
  nextLink: string | null;
  /** @odata.count when $count was asked. */
  count?: number;
}

export interface ListOptions {
  bucket: ThrottleBucket;
  /** OData query ($select, $top, $filter, $expand, $count ...), unencoded values. */
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** Resume from a saved nextLink instead of the first page. */
  resumeFrom?: string;
  signal?: AbortSignal;
}

export interface BatchItem {
  id: string;
  /**
   * Relative URL as $batch takes it, e.g. "/users/{id}/authentication/methods", or an absolute
   * @odata.nextLink of this Graph (the reader makes it relative), so later pages can be batched too.
   */
  url: string;
}

export interface BatchResult {
  id: string;
  status: number;
  body: unknown;
}

/** Per-bucket counters, for the coverage table and the benchmark. */
export interface BucketStats {
  requests: number;
  throttled: number;
  retries: number;
  waitMs: number;
}

export interface GraphReader {
  /** Pages of a collection in order, following @odata.nextLink. */
  pages(path: string, options: ListOptions): AsyncIterable<GraphPage>;
  /** One GET of a single resource or collection page. */
  get(path: string, options: ListOptions): Promise<Record<string, unknown>>;
  /**
   * Many GETs through JSON $batch (20 per request). Items that come back 429/503/504 inside the batch
   * are retried; every item gets a final result (status >= 400 for the ones Graph refused).
   */
  batch(items: BatchItem[], options: { bucket: ThrottleBucket; signal?: AbortSignal }): Promise<BatchResult[]>;
  stats(): Record<ThrottleBucket, BucketStats>;
}
