/**
 * Sign-ins collected from the emulator over HTTPS into a real snapshot: a modest window takes exactly
 * as many requests as pages, a dense one is cut into slices that together hold every sign-in once, and
 * a cancelled run resumes on the slices it had settled.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedSliceBounds } from '../../../main/collect/sign-in-window.js';
import { openSnapshot } from '../../../main/store/snapshot-reader.js';
import { resumeSnapshot } from '../../../main/store/snapshot-writer.js';
import { collectInto, readerFor, serveTenant, tempDir, type Served } from '../harness.js';

const DAYS = 30;
let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
});
afterAll(() => cleanup?.());

/** Ids of the tenant's sign-ins in the window a collection of `DAYS` days ending at the tenant's now reads. */
function expectedIds(served: Served): Set<string> {
  const t = served.generated.tenant;
  const to = t.now.replace(/\.\d+Z$/, 'Z');
  const from = new Date(Date.parse(to) - DAYS * 86_400_000).toISOString().replace('.000Z', 'Z');
  const n = t.signIns.count(from, to);
  return new Set(t.signIns.page(from, to, 0, n).map((s) => s.id));
}

function storedIds(path: string): string[] {
  const r = openSnapshot(path);
  const ids = [...r.signIns()].map((s) => s.id);
  r.close();
  return ids;
}

function bounds(path: string): string[] | null {
  const w = resumeSnapshot(path);
  const b = storedSliceBounds(w);
  w.close();
  return b;
}

describe('sign-in collection', () => {
  it('reads a window of a few pages as one slice: one request per page', async () => {
    const served = await serveTenant({ users: 150, licence: 'p2', seed: 6 });
    try {
      const expected = expectedIds(served);
      const pages = Math.ceil(expected.size / 1000);
      expect(pages).toBeGreaterThan(2);
      const { graph } = readerFor(served);
      const path = join(dir, 'modest.sqlite');
      const { report } = await collectInto(served, graph, path, { days: DAYS, only: ['signIns'] });
      graph.close();
      expect(report.incomplete).toEqual([]);
      expect(report.coverage.find((c) => c.dataset === 'signIns')?.requests).toBe(pages);
      expect(graph.stats().reports.requests).toBe(pages);
      const ids = storedIds(path);
      expect(ids).toHaveLength(expected.size);
      expect(new Set(ids)).toEqual(expected);
      expect(bounds(path)).toHaveLength(2);
    } finally {
      await served.close();
    }
  }, 60_000);

  describe('a dense window', () => {
    let served: Served;
    let expected: Set<string>;
    beforeAll(async () => {
      served = await serveTenant({ users: 1600, licence: 'p2', seed: 6 });
      expected = expectedIds(served);
    }, 60_000);
    afterAll(async () => served?.close());

    it('is cut into slices side by side that hold every sign-in once, at most one extra request a slice', async () => {
      const { graph } = readerFor(served);
      const path = join(dir, 'dense.sqlite');
      const { report } = await collectInto(served, graph, path, { days: DAYS, only: ['signIns'] });
      graph.close();
      expect(report.incomplete).toEqual([]);
      const cut = bounds(path)!;
      expect(cut.length).toBeGreaterThan(3); // the newest slice from the first page, and at least two more
      const ids = storedIds(path);
      expect(ids).toHaveLength(expected.size);
      expect(new Set(ids)).toEqual(expected);
      const pages = Math.ceil(expected.size / 1000);
      expect(graph.stats().reports.requests).toBeLessThanOrEqual(pages + cut.length - 2);
    }, 60_000);

    it('resumes a cancelled run on the slices it had settled, to every sign-in once', async () => {
      const { graph } = readerFor(served);
      const path = join(dir, 'cancelled.sqlite');
      const controller = new AbortController();
      const first = await collectInto(served, graph, path, {
        days: DAYS,
        only: ['signIns'],
        signal: controller.signal,
        onProgress: (_e, writer) => {
          if (writer.countRows('sign_ins') > 3000) controller.abort();
        },
      });
      expect(first.report.cancelled).toBe(true);
      const settled = bounds(path);
      expect(settled).not.toBeNull();
      const partial = storedIds(path).length;
      expect(partial).toBeLessThan(expected.size);

      const second = await collectInto(served, graph, path, { days: DAYS, only: ['signIns'], resume: true });
      graph.close();
      expect(second.report.incomplete).toEqual([]);
      expect(bounds(path)).toEqual(settled);
      const ids = storedIds(path);
      expect(ids).toHaveLength(expected.size);
      expect(new Set(ids)).toEqual(expected);
    }, 60_000);
  });
});
