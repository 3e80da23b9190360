/**
 * One pacer per throttling bucket: a concurrency gate plus a request-rate pacer (GCRA, i.e. a token
 * bucket without a timer). A 429 pauses the whole bucket for Retry-After (or a jittered back-off) and
 * halves its rate; x-ms-throttle-limit-percentage >= 0.8 slows it before Graph refuses. Buckets are
 * independent, so sign-in logs crawling at 0.5 req/s never hold back user reads.
 */
import type { BucketLimit } from './bucket-limits.js';
import { MAX_BACKOFF_MS } from './bucket-limits.js';
import { abortError, sleep } from './sleep.js';

export class BucketScheduler {
  private inFlight = 0;
  private readonly waiters: (() => void)[] = [];
  private rate: number;
  private nextAt = 0;
  private pausedUntil = 0;

  constructor(
    private readonly limit: BucketLimit,
    /** Multiplies every wait: 1 against Graph, 1/timeScale against the emulator's fast mode. */
    private readonly waitFactor: number,
  ) {
    this.rate = limit.ratePerSec;
  }

  /** Current sustained rate (requests per second), lowered by throttling. */
  currentRate(): number {
    return this.rate;
  }

  /** Waits for a concurrency slot and the pacer; call release() once the response is read. */
  async acquire(signal?: AbortSignal): Promise<void> {
    await this.slot(signal);
    try {
      for (;;) {
        const now = Date.now();
        const interval = (1000 / this.rate) * this.waitFactor;
        const earliest = Math.max(this.pausedUntil, this.nextAt - interval * (this.limit.burst - 1));
        if (now >= earliest) {
          // The theoretical arrival time never lags `now`: an idle bucket banks `burst` requests, no more.
          this.nextAt = Math.max(this.nextAt, now) + interval;
          return;
        }
        await sleep(earliest - now, signal);
      }
    } catch (e) {
      this.release();
      throw e;
    }
  }

  /** Call once the answer is in (or the request was never sent). */
  release(): void {
    if (this.limit.burst <= 1) {
      // No token to spare (conditional access: 1 per second): Graph counts a request when it arrives,
      // somewhere between sending and the answer, so the next one waits a whole interval from the answer.
      this.nextAt = Math.max(this.nextAt, Date.now() + (1000 / this.rate) * this.waitFactor);
    }
    const next = this.waiters.shift();
    if (next) next();
    else this.inFlight--;
  }

  /**
   * Graph throttled us: pause the bucket and halve the rate. Returns the wait in real ms:
   * Retry-After when given, else exponential back-off with jitter for this attempt.
   */
  throttled(retryAfterSec: number | undefined, attempt: number): number {
    this.rate = Math.max(this.limit.ratePerSec / 64, this.rate / 2);
    const wait = this.waitFor(retryAfterSec, attempt);
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + wait);
    return wait;
  }

  /** Wait before retrying a failure that is not a 429 (503/504, reset, timeout): no pause of others. */
  waitFor(retryAfterSec: number | undefined, attempt: number): number {
    if (retryAfterSec !== undefined) return retryAfterSec * 1000 * this.waitFactor;
    const exp = Math.min(MAX_BACKOFF_MS, this.limit.backoffBaseMs * 2 ** attempt);
    return (exp / 2 + Math.random() * (exp / 2)) * this.waitFactor;
  }

  /** A successful answer: slow down early near the limit, otherwise recover toward the configured rate. */
  succeeded(limitPercentage: number | undefined): void {
    if (limitPercentage !== undefined && limitPercentage >= 0.8) {
      this.rate = Math.max(this.limit.ratePerSec / 64, this.rate * Math.min(0.9, 0.8 / limitPercentage));
    } else if (this.rate < this.limit.ratePerSec) {
      this.rate = Math.min(this.limit.ratePerSec, this.rate + this.limit.ratePerSec / 20);
    }
  }

  private slot(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    if (this.inFlight < this.limit.concurrency) {
      this.inFlight++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = (): void => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(abortError(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }
}
