/**
 * Starting pace of each throttling bucket, from Graph's published limits
 * (microsoft-graph-docs-contrib concepts/throttling-limits.md). Each bucket has its own concurrency and
 * request rate; the scheduler lowers the rate on 429 and when x-ms-throttle-limit-percentage says we are
 * close, and creeps back up while Graph is happy.
 */
import type { ThrottleBucket } from '../../shared/datasets.js';

export interface BucketLimit {
  /** Requests in flight at once. */
  concurrency: number;
  /** Sustained requests per second. */
  ratePerSec: number;
  /** Requests that may go out back-to-back before pacing applies. */
  burst: number;
  /** First back-off step when Graph sends no Retry-After, in ms (doubles per retry, with jitter). */
  backoffBaseMs: number;
}

export const DEFAULT_BUCKET_LIMITS: Readonly<Record<ThrottleBucket, BucketLimit>> = {
  // Identity and access: 3,500 resource units / 10 s per app+tenant for the smallest tenants (more above
  // 50 users); a list page costs 1-3 units, transitiveMembers 5. 150 req/s stays under the smallest quota.
  identity: { concurrency: 8, ratePerSec: 150, burst: 20, backoffBaseMs: 2_000 },
  // Identity and access reports (sign-ins, registration details): 5 requests per 10 s per app per tenant.
  reports: { concurrency: 2, ratePerSec: 0.5, burst: 5, backoffBaseMs: 5_000 },
  // Users with signInActivity: no published figure; known to be far tighter than plain user reads.
  signInActivity: { concurrency: 2, ratePerSec: 1, burst: 2, backoffBaseMs: 5_000 },
  // Identity protection and conditional access: 1 request per second per tenant, no Retry-After sent.
  policy: { concurrency: 1, ratePerSec: 1, burst: 1, backoffBaseMs: 2_000 },
  // Security alerts: 150 requests per minute per app per tenant.
  security: { concurrency: 2, ratePerSec: 2.5, burst: 5, backoffBaseMs: 2_000 },
};

/** Longest single back-off wait (before timeScale). */
export const MAX_BACKOFF_MS = 120_000;
