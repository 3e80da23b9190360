/**
 * Starting pace of each throttling bucket, from Graph's published limits
 * (microsoft-graph-docs-contrib concepts/throttling-limits.md). Each bucket has its own concurrency and
 * request rate; the scheduler lowers the rate on 429 and when x-ms-throttle-limit-percentage says we are
 * close, and creeps back up while Graph is happy.
 *
 * Where a limit is a small request count per window, the pace equals the limit and the burst is one
 * below the window's capacity: the token left over absorbs a request that reaches Graph a little early
 * (network or event-loop jitter, a new connection's handshake), so the steady rate meets the limit
 * without a 429 (each 429 costs a request and a Retry-After wait).
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
  reports: { concurrency: 2, ratePerSec: 0.5, burst: 4, backoffBaseMs: 5_000 },
  // Users with signInActivity: Microsoft publishes no figure (throttling-limits.md names none, and the
  // user-list reference only says the property must be selected); in practice it is far tighter than
  // plain user reads. We start at the reports limit it is computed from (5 per 10 s, as the emulator
  // models it) and let the adaptive back-off find a tenant's real limit if it is lower.
  signInActivity: { concurrency: 2, ratePerSec: 0.5, burst: 4, backoffBaseMs: 5_000 },
  // Identity protection and conditional access: 1 request per second per tenant, no Retry-After sent.
  // With no token to spare, the scheduler counts each interval from the previous answer.
  policy: { concurrency: 1, ratePerSec: 1, burst: 1, backoffBaseMs: 2_000 },
  // Security alerts: 150 requests per minute per app per tenant.
  security: { concurrency: 2, ratePerSec: 2.5, burst: 5, backoffBaseMs: 2_000 },
};

/** Longest single back-off wait (before timeScale). */
export const MAX_BACKOFF_MS = 120_000;
