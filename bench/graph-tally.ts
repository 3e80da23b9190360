/** Sums a GraphReader's per-bucket statistics into the figures the table reports. */
import type { BucketStats } from '../main/graph/types.js';
import type { GraphTally } from './types.js';

export function graphTally(stats: Record<string, BucketStats>): GraphTally {
  const byBucket: GraphTally['byBucket'] = {};
  let requests = 0;
  let throttled = 0;
  let waitMs = 0;
  for (const [bucket, s] of Object.entries(stats)) {
    byBucket[bucket] = { requests: s.requests, throttled: s.throttled, waitMs: s.waitMs };
    requests += s.requests;
    throttled += s.throttled;
    waitMs += s.waitMs;
  }
  return { requests, throttled, waitMs, byBucket };
}
