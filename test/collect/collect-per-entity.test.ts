/**
 * Per-entity reads against the emulator over HTTPS into a real snapshot, with pages small enough that
 * most groups span several: follow-up pages travel in $batch with other entities' pages, every member
 * lands exactly once, and a run that fails mid-way resumes without asking again for an entity it had
 * committed.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchedRequests } from '../../bench/lower-bound.js';

/** Requests when round r carries page r of every entity that has one, 20 to a $batch. */
function roundByRound(pagesPerEntity: number[]): number {
  let requests = 0;
  for (let round = 0; ; round++) {
    const items = pagesPerEntity.filter((p) => p > round).length;
    if (items === 0) return requests;
    requests += Math.ceil(items / 20);
  }
}
import { collectPerEntity, perEntityPosition, type PerEntitySpec } from '../../main/collect/collect-per-entity.js';
import { decodePerEntityCursor } from '../../main/collect/per-entity-cursor.js';
import type { CollectContext } from '../../main/collect/types.js';
import { GraphError } from '../../main/graph/errors.js';
import type { ClosableGraphReader } from '../../main/graph/reader.js';
import { openSnapshot } from '../../main/store/snapshot-reader.js';
import { createSnapshot, type SnapshotWriter } from '../../main/store/snapshot-writer.js';
import { metaFor, readerFor, serveTenant, tempDir, type Served } from './harness.js';

const TOP = 4;
let served: Served;
let dir: string;
let cleanup: () => void;
/** groupId -> its transitive member ids, read page by page without $batch (the reference). */
const truth = new Map<string, Set<string>>();
let groupIds: string[];

function context(graph: ClosableGraphReader, writer: SnapshotWriter): CollectContext {
  return {
    dataset: 'groups',
    graph,
    writer,
    pages: writer.pages('groups'),
    signal: new AbortController().signal,
    signInWindow: { from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' },
    advance: () => {},
    setTotal: () => {},
    after: () => Promise.reject(new Error('not used')),
    sideCoverage: () => {},
    explain: (e) => String(e),
  };
}

function membersSpec(ids: string[], opts: { chunk?: number; onChunk?: (n: number) => void } = {}): PerEntitySpec {
  return {
    slice: 'members',
    ids,
    bucket: 'identity',
    chunk: opts.chunk ?? 100,
    requests: (id) => [{ id, url: `/groups/${id}/transitiveMembers?$select=id&$top=${TOP}` }],
    toRecords: (results) => ({
      group_members: [...results].flatMap(([groupId, members]) =>
        members.map((m) => ({ row: { groupId, memberId: m.id, memberType: 'user' }, raw: m })),
      ),
    }),
    onChunk: opts.onChunk,
  };
}

function stored(path: string): Map<string, string[]> {
  const r = openSnapshot(path);
  const out = new Map<string, string[]>();
  for (const m of r.groupMembers()) out.set(m.groupId, [...(out.get(m.groupId) ?? []), m.memberId]);
  r.close();
  return out;
}

/** Inner $batch requests for the first page of a group (no $skiptoken) since `start`. */
function firstPagesAsked(start: number): string[] {
  return served.emulator.accessLog
    .slice(start)
    .filter((e) => e.inBatch && e.path.includes('/transitiveMembers') && !e.path.includes('$skiptoken'))
    .map((e) => e.path.split('/')[3]);
}

beforeAll(async () => {
  served = await serveTenant({ users: 150, licence: 'p1', seed: 9 });
  ({ dir, cleanup } = tempDir());
  groupIds = served.generated.tenant.groups.map((g) => g.id).sort();
  const { graph } = readerFor(served);
  for (const id of groupIds) {
    const ids = new Set<string>();
    for await (const page of graph.pages(`/groups/${id}/transitiveMembers`, {
      bucket: 'identity',
      query: { $select: 'id', $top: String(TOP) },
    })) {
      for (const m of page.items) ids.add(m.id);
    }
    truth.set(id, ids);
  }
  graph.close();
}, 60_000);

afterAll(async () => {
  await served?.close();
  cleanup?.();
});

describe('per-entity reads through $batch', () => {
  it('read every follow-up page in $batch rounds and store each member exactly once', async () => {
    const pages = groupIds.map((id) => Math.max(1, Math.ceil(truth.get(id)!.size / TOP)));
    expect(Math.max(...pages)).toBeGreaterThan(3); // the test means something only if groups span pages
    const path = join(dir, 'full.sqlite');
    const writer = createSnapshot(path, metaFor(served));
    const { graph } = readerFor(served);
    const start = served.emulator.accessLog.length;
    await collectPerEntity(context(graph, writer), membersSpec(groupIds));
    writer.close();

    const got = stored(path);
    for (const id of groupIds) expect(new Set(got.get(id) ?? []), id).toEqual(truth.get(id));
    const log = served.emulator.accessLog.slice(start);
    // Nothing outside $batch, and every page asked exactly once.
    expect(log.filter((e) => !e.inBatch && e.batchOf === undefined)).toEqual([]);
    const inner = log.filter((e) => e.inBatch);
    expect(inner).toHaveLength(pages.reduce((a, p) => a + p, 0));
    // Between the benchmark's lower bound and what reading page r of every entity per round (20 to a
    // $batch) would take.
    const batches = log.filter((e) => e.batchOf !== undefined);
    expect(graph.stats().identity.requests).toBe(batches.length);
    expect(batches.length).toBeGreaterThanOrEqual(batchedRequests(pages));
    expect(batches.length).toBeLessThanOrEqual(roundByRound(pages));
    graph.close();
  });

  it('complete every entity when rounds mix follow-up pages with a few new entities', async () => {
    const path = join(dir, 'mixed.sqlite');
    const writer = createSnapshot(path, metaFor(served));
    const { graph } = readerFor(served);
    let commits = 0;
    await collectPerEntity(context(graph, writer), membersSpec(groupIds, { chunk: 3, onChunk: () => commits++ }));
    writer.close();
    graph.close();
    expect(commits).toBeGreaterThan(groupIds.length / 3);
    const got = stored(path);
    for (const id of groupIds) expect(new Set(got.get(id) ?? []), id).toEqual(truth.get(id));
  });

  it('after a failure mid-way, resume asks again for no entity it had committed and ends complete', async () => {
    const path = join(dir, 'resumed.sqlite');
    const writer = createSnapshot(path, metaFor(served));
    const { graph } = readerFor(served);
    let commits = 0;
    const spec = membersSpec(groupIds, {
      onChunk: () => {
        // After the second commit, the next group page asked fails with an error no retry helps.
        if (++commits === 2)
          served.emulator.injectFault({ kind: 'status', status: 500, count: 1, pathPrefix: '/groups/' });
      },
    });
    await expect(collectPerEntity(context(graph, writer), spec)).rejects.toBeInstanceOf(GraphError);
    const cursor = writer.pages('groups').cursor('members');
    expect(cursor?.done).toBe(false);
    const position = decodePerEntityCursor(cursor!.nextLink);
    const committed = new Set([
      ...groupIds.filter((id) => position.after !== null && id <= position.after),
      ...position.done,
    ]);
    expect(committed.size).toBeGreaterThan(0);
    expect(committed.size).toBeLessThan(groupIds.length);

    const start = served.emulator.accessLog.length;
    const ctx = context(graph, writer);
    const after = perEntityPosition(ctx, 'members');
    expect(after).toBe(position.after);
    await collectPerEntity(
      ctx,
      membersSpec(groupIds.filter((id) => after === null || after === undefined || id > after)),
    );
    expect(writer.pages('groups').cursor('members')?.done).toBe(true);
    writer.close();
    graph.close();

    const asked = firstPagesAsked(start);
    expect(asked.filter((id) => committed.has(id))).toEqual([]);
    expect(new Set(asked).size).toBe(groupIds.length - committed.size);
    const got = stored(path);
    for (const id of groupIds) expect(new Set(got.get(id) ?? []), id).toEqual(truth.get(id));
  });

  it('leave out an entity whose later page Graph answers 404 (deleted meanwhile)', async () => {
    const deepest = groupIds.reduce((a, b) => (truth.get(b)!.size > truth.get(a)!.size ? b : a));
    served.emulator.injectFault({
      kind: 'status',
      status: 404,
      count: 1,
      pathPrefix: `/groups/${deepest}/transitiveMembers?$select=id&$top=${TOP}&$skiptoken=`,
    });
    const path = join(dir, 'gone.sqlite');
    const writer = createSnapshot(path, metaFor(served));
    const { graph } = readerFor(served);
    await collectPerEntity(context(graph, writer), membersSpec(groupIds));
    writer.close();
    graph.close();
    const got = stored(path);
    expect(got.has(deepest)).toBe(false);
    for (const id of groupIds.filter((g) => g !== deepest && truth.get(g)!.size > 0))
      expect(new Set(got.get(id)), id).toEqual(truth.get(id));
  });
});
