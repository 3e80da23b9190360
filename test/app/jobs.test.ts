/**
 * Long-job progress as the renderer polls it: counters never go backwards, events are published at
 * most ten times a second (bursts coalesce), cancel reaches the job and leaves it resumable.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JobRegistry, MIN_EVENT_GAP_MS, mergeProgress } from '../../main/app/services/jobs.js';

describe('job progress', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('merges updates without letting any counter go backwards', () => {
    const start = {
      step: 'a',
      done: 5,
      total: 10,
      datasets: [
        { dataset: 'users' as const, status: 'running' as const, done: 100, total: 200, requests: 3, throttleWaits: 1 },
      ],
      requests: 3,
      throttleWaits: 1,
      secondsLeft: null,
    };
    const next = mergeProgress(start, {
      done: 2,
      total: 4,
      requests: 1,
      datasets: [{ dataset: 'users', status: 'complete', done: 50, total: null, requests: 2, throttleWaits: 0 }],
    });
    expect(next.done).toBe(5);
    expect(next.total).toBe(10);
    expect(next.requests).toBe(3);
    expect(next.datasets[0]).toMatchObject({
      status: 'complete',
      done: 100,
      total: 200,
      requests: 3,
      throttleWaits: 1,
    });
  });

  it('publishes at most one event per 100 ms, coalescing bursts, and keeps the latest values', async () => {
    const jobs = new JobRegistry(() => Date.now());
    let report!: (n: number) => void;
    let finish!: () => void;
    const status = jobs.start('collect', 'go', (ctx) => {
      report = (n) => ctx.report({ done: n, total: 1000 });
      return new Promise((resolve) => (finish = () => resolve({})));
    });
    const seqs: number[] = [];
    for (let ms = 0; ms < 1000; ms += 5) {
      report(ms);
      report(ms + 1);
      seqs.push(jobs.status(status.jobId).seq);
      await vi.advanceTimersByTimeAsync(5);
    }
    const published = seqs[seqs.length - 1] - seqs[0];
    expect(published).toBeLessThanOrEqual(1000 / MIN_EVENT_GAP_MS + 1);
    expect(published).toBeGreaterThanOrEqual(5);
    await vi.advanceTimersByTimeAsync(MIN_EVENT_GAP_MS);
    expect(jobs.status(status.jobId).progress.done).toBe(996);
    finish();
    await vi.advanceTimersByTimeAsync(1);
    const done = jobs.status(status.jobId);
    expect(done.state).toBe('done');
    expect(done.progress.done).toBe(1000);
  });

  it('cancels through the signal, keeps the job resumable, and refuses a second job meanwhile', async () => {
    const jobs = new JobRegistry();
    const status = jobs.start(
      'collect',
      'go',
      (ctx) =>
        new Promise((_, reject) => {
          ctx.signal.addEventListener('abort', () => reject(new Error('aborted')));
        }),
      true,
    );
    expect(() => jobs.start('export', 'x', async () => ({}))).toThrow(/already running/);
    jobs.cancel(status.jobId);
    await vi.advanceTimersByTimeAsync(1);
    expect(jobs.status(status.jobId)).toMatchObject({ state: 'cancelled', resumable: true });
    const again = jobs.restart(status.jobId, async (ctx) => (ctx.report({ done: 1 }), { snapshotPath: '/x.sqlite' }));
    expect(again.jobId).toBe(status.jobId);
    await vi.advanceTimersByTimeAsync(1);
    expect(jobs.status(status.jobId)).toMatchObject({ state: 'done', snapshotPath: '/x.sqlite' });
  });

  it('runs a background job beside the foreground one without blocking it or becoming the active job', async () => {
    const jobs = new JobRegistry();
    let finishBackground!: () => void;
    const background = jobs.startBackground(
      'analysis',
      'Verifying integrity',
      () => new Promise((resolve) => (finishBackground = () => resolve({}))),
    );
    expect(jobs.running()).toBeUndefined();
    expect(jobs.latest()).toBeNull();
    const collect = jobs.start(
      'collect',
      'go',
      (ctx) => new Promise((_, reject) => ctx.signal.addEventListener('abort', () => reject(new Error('x')))),
      true,
    );
    expect(jobs.running()?.status.jobId).toBe(collect.jobId);
    const second = jobs.startBackground('analysis', 'again', async () => ({}));
    expect(jobs.latest()?.jobId).toBe(collect.jobId);
    await vi.advanceTimersByTimeAsync(1);
    expect(jobs.status(second.jobId).state).toBe('done');
    expect(jobs.status(background.jobId)).toMatchObject({ kind: 'analysis', state: 'running' });
    jobs.cancel(collect.jobId);
    finishBackground();
    await vi.advanceTimersByTimeAsync(1);
    expect(jobs.status(background.jobId).state).toBe('done');
    expect(jobs.status(collect.jobId).state).toBe('cancelled');
  });

  it('says only "Cancelled." of a cancelled job that cannot resume', async () => {
    const jobs = new JobRegistry();
    const status = jobs.startBackground(
      'analysis',
      'go',
      (ctx) => new Promise((_, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason))),
    );
    jobs.cancel(status.jobId);
    await vi.advanceTimersByTimeAsync(1);
    expect(jobs.status(status.jobId)).toMatchObject({ state: 'cancelled', error: 'Cancelled.', resumable: false });
  });
});
