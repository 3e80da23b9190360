/**
 * Per-entity reads (a group's members, a service principal's assignments, a user's methods) through
 * JSON $batch, in rounds of up to 100 items (5 requests of 20): first the next page of every entity
 * still paging (its @odata.nextLink is the item's URL), then the first pages of the next entities in
 * id order. An entity's rows are committed once its last page is in, atomically with the
 * slice's cursor (per-entity-cursor.ts), so a resumed run neither repeats nor misses an entity.
 */
import type { ThrottleBucket } from '../../shared/datasets.js';
import type { BatchItem, GraphObject } from '../graph/types.js';
import type { TableRecords } from '../store/snapshot-writer.js';
import { decodePerEntityCursor, encodePerEntityCursor } from './per-entity-cursor.js';
import { batchError } from './refusals.js';
import type { CollectContext } from './types.js';

/** $batch items per round: 5 requests of 20 in flight together. */
const ROUND_ITEMS = 100;
/**
 * Entities started past the oldest unfinished one, at most: while one entity pages through hundreds of
 * pages, the others keep its $batch requests full, but the cursor's list of done ids stays bounded.
 */
const WINDOW = 1000;

export interface PerEntitySpec {
  slice: string;
  /** Entity ids still to do, ascending (already filtered by the resume position). */
  ids: string[];
  bucket: ThrottleBucket;
  /** Most entities whose first pages start in one round (each becomes one or more $batch items). */
  chunk: number;
  /** The GET(s) for one entity; item ids must be unique across entities. */
  requests(entityId: string): BatchItem[];
  /** Rows for the entities finished in a round: every item's objects (all pages followed), by item id. */
  toRecords(results: Map<string, GraphObject[]>): TableRecords;
  /** Called after each commit with the number of entities it finished. */
  onChunk?(entities: number): void;
}

/** The resume position of a per-entity slice: null = from the start; undefined = already done. */
export function perEntityPosition(ctx: CollectContext, slice: string): string | null | undefined {
  const cursor = ctx.pages.cursor(slice);
  if (cursor?.done) return undefined;
  return decodePerEntityCursor(cursor?.nextLink ?? null).after;
}

/** An entity whose pages are still coming: objects by item id (null once Graph answered 404), items left. */
interface Pending {
  objects: Map<string, GraphObject[] | null>;
  left: number;
}

/** Runs the rounds. Items Graph answers 404 (deleted meanwhile) are left out; other refusals throw. */
export async function collectPerEntity(ctx: CollectContext, spec: PerEntitySpec): Promise<void> {
  const { ids } = spec;
  const resumed = decodePerEntityCursor(ctx.pages.cursor(spec.slice)?.nextLink ?? null);
  let after = resumed.after;
  const doneBeyond = new Set(resumed.done);
  let settled = 0; // ids[0, settled) are all done
  const settle = () => {
    while (settled < ids.length && doneBeyond.has(ids[settled])) {
      after = ids[settled];
      doneBeyond.delete(after);
      settled++;
    }
  };
  settle();
  if (settled === ids.length) {
    ctx.pages.writePage({}, null, spec.slice);
    return;
  }

  let next = settled;
  const open = new Map<string, Pending>(); // in id order
  const owner = new Map<string, string>(); // item id -> entity id
  let followUps: BatchItem[] = [];
  while (settled < ids.length) {
    const items = followUps.slice(0, ROUND_ITEMS);
    followUps = followUps.slice(items.length);
    for (let started = 0; next < ids.length && started < spec.chunk && next - settled < WINDOW;) {
      const id = ids[next];
      if (doneBeyond.has(id)) {
        next++;
        continue;
      }
      const requests = spec.requests(id);
      if (items.length > 0 && items.length + requests.length > ROUND_ITEMS) break;
      items.push(...requests);
      open.set(id, { objects: new Map(requests.map((r) => [r.id, []])), left: requests.length });
      for (const r of requests) owner.set(r.id, id);
      next++;
      started++;
    }

    const results = await ctx.graph.batch(items, { bucket: spec.bucket, signal: ctx.signal });
    const urls = new Map(items.map((x) => [x.id, x.url]));
    const finished: string[] = [];
    for (const r of results) {
      const entity = owner.get(r.id)!;
      const pending = open.get(entity)!;
      if (r.status === 404) {
        // Deleted since it was listed: leave it out rather than record it as empty.
        pending.objects.set(r.id, null);
      } else if (r.status >= 400) {
        throw batchError(r.status, r.body, pathOf(urls.get(r.id) ?? ''));
      } else {
        const body = (r.body ?? {}) as { value?: GraphObject[]; '@odata.nextLink'?: string };
        if (Array.isArray(body.value)) pending.objects.get(r.id)?.push(...body.value);
        const link = body['@odata.nextLink'];
        if (typeof link === 'string') {
          followUps.push({ id: r.id, url: link });
          continue;
        }
      }
      if (--pending.left === 0) finished.push(entity);
    }
    if (finished.length === 0) continue;

    const byItem = new Map<string, GraphObject[]>();
    for (const id of finished) {
      for (const [item, objects] of open.get(id)!.objects) {
        if (objects) byItem.set(item, objects);
        owner.delete(item);
      }
      open.delete(id);
      doneBeyond.add(id);
    }
    settle();
    const cursor = settled === ids.length ? null : encodePerEntityCursor({ after, done: [...doneBeyond] });
    ctx.pages.writePage(spec.toRecords(byItem), cursor, spec.slice);
    spec.onChunk?.(finished.length);
  }
}

/** The path of an item's URL (relative, or an absolute nextLink), for error messages. */
function pathOf(url: string): string {
  if (url.startsWith('/')) return url.split('?')[0];
  return new URL(url).pathname.replace(/^\/v1\.0/, '');
}
