/**
 * Progress of a collection run, per dataset: never backwards, and at most one event per interval
 * (10 per second by default), oldest change first; `drain()` delivers what is left at the end.
 */
import type { DatasetId } from '../../shared/datasets.js';
import type { DatasetStatus } from '../../shared/snapshot.js';

export interface ProgressEvent {
  dataset: DatasetId;
  status: 'waiting' | 'running' | DatasetStatus;
  /** Rows written so far (a resumed run starts at what the snapshot already has). */
  done: number;
  total?: number;
  requests: number;
  throttleWaits: number;
}

const FINAL: ReadonlySet<ProgressEvent['status']> = new Set(['complete', 'partial', 'unavailable', 'not-collected']);

/** Coalesces updates and emits them at a bounded rate. */
export class ProgressThrottle {
  private readonly latest = new Map<DatasetId, ProgressEvent>();
  private readonly pending = new Set<DatasetId>();
  private timer: NodeJS.Timeout | null = null;
  private lastEmit = 0;

  constructor(
    private readonly emit: (e: ProgressEvent) => void,
    private readonly intervalMs = 100,
  ) {}

  /** Merges an update: counters only grow, and a final status is never replaced by a running one. */
  update(e: ProgressEvent): void {
    const prev = this.latest.get(e.dataset);
    const merged: ProgressEvent = prev
      ? {
          dataset: e.dataset,
          status: FINAL.has(prev.status) && !FINAL.has(e.status) ? prev.status : e.status,
          done: Math.max(prev.done, e.done),
          requests: Math.max(prev.requests, e.requests),
          throttleWaits: Math.max(prev.throttleWaits, e.throttleWaits),
          ...(e.total !== undefined || prev.total !== undefined
            ? { total: Math.max(e.total ?? 0, prev.total ?? 0) }
            : {}),
        }
      : e;
    this.latest.set(e.dataset, merged);
    this.pending.add(e.dataset);
    this.schedule();
  }

  /** The latest state of every dataset seen. */
  snapshot(): ProgressEvent[] {
    return [...this.latest.values()];
  }

  /** Emits everything still pending, now. */
  drain(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const d of [...this.pending]) this.emitOne(d);
  }

  private schedule(): void {
    if (this.timer || this.pending.size === 0) return;
    const wait = Math.max(0, this.lastEmit + this.intervalMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      const first = this.pending.values().next().value;
      if (first !== undefined) this.emitOne(first);
      this.schedule();
    }, wait);
  }

  private emitOne(dataset: DatasetId): void {
    this.pending.delete(dataset);
    this.lastEmit = Date.now();
    const e = this.latest.get(dataset);
    if (e) this.emit({ ...e });
  }
}
