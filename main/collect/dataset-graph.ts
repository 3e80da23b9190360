/**
 * A GraphReader seen through one dataset: counts the requests it makes (pages, single GETs, $batch
 * requests of up to 20) and the throttling its bucket met while those requests were in flight.
 */
import type { ThrottleBucket } from '../../shared/datasets.js';
import type { BatchItem, BatchResult, GraphPage, GraphReader, ListOptions } from '../graph/types.js';

export interface RequestCounter {
  requests: number;
  throttleWaits: number;
}

const BATCH_SIZE = 20;

/** Wraps `graph` so every call made through it is added to `counter`. */
export function countingGraph(graph: GraphReader, counter: RequestCounter, onChange: () => void): GraphReader {
  const throttledIn = (bucket: ThrottleBucket): number => graph.stats()[bucket]?.throttled ?? 0;
  const account = (bucket: ThrottleBucket, before: number, requests: number) => {
    counter.requests += requests;
    counter.throttleWaits += Math.max(0, throttledIn(bucket) - before);
    onChange();
  };
  return {
    async *pages(path: string, options: ListOptions): AsyncIterable<GraphPage> {
      const it = graph.pages(path, options)[Symbol.asyncIterator]();
      for (;;) {
        const before = throttledIn(options.bucket);
        let next: IteratorResult<GraphPage>;
        try {
          next = await it.next();
        } catch (err) {
          account(options.bucket, before, 1);
          throw err;
        }
        if (next.done) return;
        account(options.bucket, before, 1);
        yield next.value;
      }
    },
    async get(path: string, options: ListOptions) {
      const before = throttledIn(options.bucket);
      try {
        return await graph.get(path, options);
      } finally {
        account(options.bucket, before, 1);
      }
    },
    async batch(items: BatchItem[], options: { bucket: ThrottleBucket; signal?: AbortSignal }): Promise<BatchResult[]> {
      const before = throttledIn(options.bucket);
      try {
        return await graph.batch(items, options);
      } finally {
        account(options.bucket, before, Math.ceil(items.length / BATCH_SIZE));
      }
    },
    stats: () => graph.stats(),
  };
}
