/**
 * One app session: the live connection (if any), the open snapshot (live or review), and the jobs.
 * The handlers (handlers.ts) are thin calls into this; Electron and the HTTP bridge each own one.
 */
import type { SessionState } from '../../../shared/ipc-types.js';
import type { TerminationRecord } from '../../checks/types.js';
import type { Host } from './host.js';
import { JobRegistry } from './jobs.js';
import type { LiveConnection } from './connection.js';
import { OpenSnapshot, type ChecksRunner } from './open-snapshot.js';
import { ServiceError } from './service-error.js';

export class AppSession {
  readonly jobs = new JobRegistry();
  private live: LiveConnection | null = null;
  private open: OpenSnapshot | null = null;
  private readonly recent: { path: string; tenantName: string; collectedAt: string }[] = [];

  constructor(
    readonly host: Host,
    readonly runChecks: ChecksRunner,
  ) {}

  state(): SessionState {
    return { connection: this.live?.info ?? null, snapshot: this.open?.state() ?? null, activeJob: this.jobs.latest() };
  }

  connection(): LiveConnection {
    if (!this.live) throw new ServiceError('conflict', 'not connected to a tenant: connect first');
    return this.live;
  }

  async setConnection(next: LiveConnection | null): Promise<void> {
    if (this.jobs.running()) {
      await next?.close();
      throw new ServiceError('conflict', 'a job is running: cancel it before changing the connection');
    }
    const old = this.live;
    this.live = next;
    await old?.close();
  }

  snapshot(): OpenSnapshot {
    if (!this.open) throw new ServiceError('conflict', 'no snapshot is open: collect one or open a file');
    return this.open;
  }

  /** A snapshot that can take exceptions (not review mode). */
  writableSnapshot(): OpenSnapshot {
    const snap = this.snapshot();
    if (snap.readOnly)
      throw new ServiceError(
        'read-only',
        'this snapshot is open for review (read-only): exceptions are recorded by the consultant who collected it',
      );
    return snap;
  }

  /**
   * Opens a snapshot file, closing the one before. Returns once the file is validated and its meta
   * read; integrity and checks follow in a background job (the snapshot's state shows it).
   */
  async openSnapshot(path: string, mode: 'live' | 'review', terminations?: TerminationRecord[]): Promise<OpenSnapshot> {
    let next: OpenSnapshot;
    try {
      next = OpenSnapshot.open(path, mode, this.runChecks, terminations);
    } catch (err) {
      if ((err as Error).name === 'SnapshotOpenError') throw new ServiceError('invalid-input', (err as Error).message);
      throw err;
    }
    void this.open?.close();
    this.open = next;
    next.startAnalysis(this.jobs);
    const meta = next.reader.meta();
    const i = this.recent.findIndex((r) => r.path === path);
    if (i >= 0) this.recent.splice(i, 1);
    this.recent.unshift({
      path,
      tenantName: meta.tenantName,
      collectedAt: meta.collectionFinishedAt ?? meta.collectionStartedAt,
    });
    return next;
  }

  recentSnapshots(): { path: string; tenantName: string; collectedAt: string }[] {
    return [...this.recent];
  }

  /** Ends the session: cancels jobs, closes the snapshot and the connection (the demo emulator stops). */
  async close(): Promise<void> {
    const running = this.jobs.running();
    if (running) {
      this.jobs.cancel(running.status.jobId);
      await this.jobs.settled(running.status.jobId);
    }
    await this.open?.close();
    this.open = null;
    await this.live?.close();
    this.live = null;
  }
}
