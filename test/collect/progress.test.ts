import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProgressThrottle, type ProgressEvent } from '../../main/collect/progress.js';

const ev = (
  dataset: ProgressEvent['dataset'],
  done: number,
  status: ProgressEvent['status'] = 'running',
): ProgressEvent => ({ dataset, status, done, requests: done, throttleWaits: 0 });

describe('ProgressThrottle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('emits at most one event per 100 ms however many updates arrive', () => {
    const out: { at: number; e: ProgressEvent }[] = [];
    const t = new ProgressThrottle((e) => out.push({ at: Date.now(), e }));
    for (let i = 1; i <= 1000; i++) {
      t.update(ev(i % 2 ? 'users' : 'groups', i));
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(1000);
    expect(out.length).toBeLessThanOrEqual(12);
    for (let i = 1; i < out.length; i++) expect(out[i].at - out[i - 1].at).toBeGreaterThanOrEqual(100);
    expect(out.filter((o) => o.e.dataset === 'users').at(-1)!.e.done).toBe(999);
  });

  it('never lets counts go backwards, and keeps a final status', () => {
    const out: ProgressEvent[] = [];
    const t = new ProgressThrottle((e) => out.push(e));
    t.update(ev('users', 50));
    t.update(ev('users', 10));
    t.update(ev('users', 60, 'complete'));
    t.update(ev('users', 5, 'running'));
    t.drain();
    expect(out.at(-1)).toMatchObject({ done: 60, status: 'complete', requests: 60 });
  });

  it('drains what is pending at the end', () => {
    const out: ProgressEvent[] = [];
    const t = new ProgressThrottle((e) => out.push(e));
    t.update(ev('users', 1));
    t.update(ev('groups', 2));
    t.update(ev('devices', 3));
    t.drain();
    expect(out.map((e) => e.dataset).sort()).toEqual(['devices', 'groups', 'users']);
    vi.advanceTimersByTime(1000);
    expect(out).toHaveLength(3);
  });
});
