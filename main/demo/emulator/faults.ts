/**
 * Faults injected on demand, so clients can be tested against the ways a network and Graph fail:
 * a connection reset mid-body, truncated JSON, a response slower than the client's timeout, and
 * bursts of 429/503/504. Each fault answers `count` matching requests, then is gone.
 */

/** A fault to inject (public as FaultSpec in index.ts). */
export interface FaultSpec {
  kind: 'reset' | 'truncate' | 'slow' | 'status';
  status?: number;
  retryAfterSec?: number;
  delayMs?: number;
  count: number;
  pathPrefix?: string;
}

/** Pending faults, consumed in the order they were injected. */
export class FaultQueue {
  private readonly pending: FaultSpec[] = [];

  add(spec: FaultSpec): void {
    if (!Number.isInteger(spec.count) || spec.count < 1) throw new Error('a fault needs a count of at least 1');
    if (spec.kind === 'status' && !spec.status) throw new Error('a status fault needs a status');
    this.pending.push({ ...spec });
  }

  /**
   * The fault for a request to `path` (as sent, e.g. /v1.0/users?$top=5), counted down, or undefined.
   * `pathPrefix` may be given with or without the /v1.0 prefix. `onlyStatus` is for requests inside a $batch.
   */
  take(path: string, onlyStatus = false): FaultSpec | undefined {
    const short = path.startsWith('/v1.0') ? path.slice(5) : path;
    const i = this.pending.findIndex(
      (f) =>
        (!onlyStatus || f.kind === 'status') &&
        (f.pathPrefix === undefined || path.startsWith(f.pathPrefix) || short.startsWith(f.pathPrefix)),
    );
    if (i === -1) return undefined;
    const f = this.pending[i];
    if (--f.count === 0) this.pending.splice(i, 1);
    return f;
  }
}

/** Graph's error code and message for a status a fault injects. */
export function faultError(status: number): { code: string; message: string } {
  if (status === 429) return { code: 'TooManyRequests', message: 'Please retry again later.' };
  if (status === 503) return { code: 'serviceNotAvailable', message: 'The service is temporarily unavailable. Please retry later.' };
  if (status === 504) return { code: 'gatewayTimeout', message: 'The gateway did not receive a timely response from the upstream server.' };
  return { code: 'generalException', message: 'An unexpected error occurred.' };
}
