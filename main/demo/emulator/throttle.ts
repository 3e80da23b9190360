/**
 * Graph's throttling, bucket by bucket (concepts/throttling-limits.md in
 * microsoftgraph/microsoft-graph-docs-contrib). Windows are divided by the time scale, so a benchmark
 * can meet Graph's real limits faster than real time. State is a few numbers per bucket and app:
 * it does not grow with traffic.
 */
import type { ThrottleBucket } from '../../../shared/datasets.js';

/** What the throttle decided for one request. */
export interface ThrottleDecision {
  allowed: boolean;
  /** Headers Graph adds (x-ms-resource-unit, x-ms-throttle-limit-percentage, Retry-After, ...). */
  headers: Record<string, string>;
  /** Real milliseconds the client should wait before retrying (0 when allowed). */
  waitMs: number;
}

/** Identity-and-access resource-unit quota per app per tenant per 10 s, by tenant size (S < 50 users, M 50-500, L > 500). */
export function identityQuota(userCount: number): number {
  if (userCount < 50) return 3500;
  if (userCount <= 500) return 5000;
  return 8000;
}

interface BucketRule {
  /** Capacity in the window (resource units for identity, requests elsewhere). */
  capacity: number;
  /** Window length in Graph seconds. */
  windowSec: number;
  /** Whether Graph sends Retry-After on this bucket's 429s. */
  retryAfter: boolean;
  /** Keyed per app (app+tenant pair) or per tenant for all apps. */
  perApp: boolean;
}

/**
 * The published limits:
 * - identity: token bucket of resource units per app+tenant per 10 s (3,500 / 5,000 / 8,000 by size).
 * - reports (identity and access reports: signIns, userRegistrationDetails): 5 requests per 10 s per app per tenant.
 * - signInActivity: no number is published for it; Graph throttles it far below the identity budget.
 *   We model it like the reports it is computed from: 5 requests per 10 s per app per tenant (our choice).
 * - policy (identity protection and conditional access): 1 request per second per tenant for all apps,
 *   and "the resources listed earlier do not return a Retry-After header".
 * - security (alerts_v2): "Any operation on alert ... 150 requests per minute" per app per tenant.
 */
function rules(userCount: number): Record<ThrottleBucket, BucketRule> {
  return {
    identity: { capacity: identityQuota(userCount), windowSec: 10, retryAfter: true, perApp: true },
    reports: { capacity: 5, windowSec: 10, retryAfter: true, perApp: true },
    signInActivity: { capacity: 5, windowSec: 10, retryAfter: true, perApp: true },
    policy: { capacity: 1, windowSec: 1, retryAfter: false, perApp: false },
    security: { capacity: 150, windowSec: 60, retryAfter: true, perApp: true },
  };
}

interface Level {
  tokens: number;
  at: number;
}

/** Token buckets refilled continuously at capacity per window; one level per (bucket, app) or (bucket). */
export class Throttle {
  private readonly rules: Record<ThrottleBucket, BucketRule>;
  private readonly levels = new Map<string, Level>();

  constructor(
    userCount: number,
    private readonly timeScale: number,
    private readonly enabled: boolean,
    private readonly tenantId: string,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.rules = rules(userCount);
  }

  /** Spend `cost` from the bucket for this app, or say how long to wait. */
  take(bucket: ThrottleBucket, appId: string, cost: number): ThrottleDecision {
    const rule = this.rules[bucket];
    const headers: Record<string, string> = {};
    if (bucket === 'identity') headers['x-ms-resource-unit'] = String(cost);
    if (!this.enabled) return { allowed: true, headers, waitMs: 0 };

    const key = rule.perApp ? `${bucket}/${appId}` : bucket;
    const windowMs = (rule.windowSec * 1000) / this.timeScale;
    const ratePerMs = rule.capacity / windowMs;
    const t = this.now();
    const level = this.levels.get(key) ?? { tokens: rule.capacity, at: t };
    level.tokens = Math.min(rule.capacity, level.tokens + (t - level.at) * ratePerMs);
    level.at = t;
    this.levels.set(key, level);

    if (level.tokens >= cost) {
      level.tokens -= cost;
      const used = 1 - level.tokens / rule.capacity;
      if (bucket === 'identity' && used > 0.8) headers['x-ms-throttle-limit-percentage'] = used.toFixed(1);
      return { allowed: true, headers, waitMs: 0 };
    }
    const waitMs = Math.ceil((cost - level.tokens) / ratePerMs);
    if (rule.retryAfter) {
      // Retry-After is in Graph seconds (whole, at least 1). A client running at the same time scale
      // divides it by the scale; the exact real wait is also given in x-emulator-retry-after-ms.
      headers['Retry-After'] = String(Math.max(1, Math.ceil((waitMs * this.timeScale) / 1000)));
      headers['x-emulator-retry-after-ms'] = String(waitMs);
    }
    if (bucket === 'identity') {
      headers['x-ms-throttle-scope'] = `Tenant_Application/Read/${appId}/${this.tenantId}`;
      headers['x-ms-throttle-information'] = 'ResourceUnitLimitExceeded';
      headers['x-ms-throttle-limit-percentage'] = Math.min(1.8, 1 + cost / rule.capacity).toFixed(1);
    }
    return { allowed: false, headers, waitMs };
  }
}
