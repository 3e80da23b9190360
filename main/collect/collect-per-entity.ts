/**
 * Per-entity reads (a group's members, a service principal's assignments, a user's methods) through
 * JSON $batch, in entity-id order: each chunk of entities is committed in one transaction with the
 * last id done as the resume position, so a resumed run starts after it.
 */
import type { ThrottleBucket } from '../../shared/datasets.js';
import type { BatchItem, GraphObject } from '../graph/types.js';
import type { TableRecords } from '../store/snapshot-writer.js';
import { batchError } from './refusals.js';
import type { CollectContext } from './types.js';

export interface PerEntitySpec {
  slice: string;
  /** Entity ids still to do, ascending (already filtered by the resume position). */
  ids: string[];
  bucket: ThrottleBucket;
  /** Entities per committed chunk (each becomes one or more $batch items). */
  chunk: number;
  /** The GET(s) for one entity; item ids must be unique across entities. */
  requests(entityId: string): BatchItem[];
  /** Rows for one chunk: every item's objects (all pages followed), by item id. */
  toRecords(results: Map<string, GraphObject[]>): TableRecords;
  onChunk?(entities: number): void;
}

/** The resume position of a per-entity slice: null = from the start; undefined = already done. */
export function perEntityPosition(ctx: CollectContext, slice: string): string | null | undefined {
  const cursor = ctx.pages.cursor(slice);
  if (cursor?.done) return undefined;
  return cursor?.nextLink ?? null;
}

/** Runs the chunks in order. Items Graph answers 404 (deleted meanwhile) are left out; other refusals throw. */
export async function collectPerEntity(ctx: CollectContext, spec: PerEntitySpec): Promise<void> {
  if (spec.ids.length === 0) {
    ctx.pages.writePage({}, null, spec.slice);
    return;
  }
  for (let i = 0; i < spec.ids.length; i += spec.chunk) {
    const entities = spec.ids.slice(i, i + spec.chunk);
    const items = entities.flatMap((id) => spec.requests(id));
    const results = await ctx.graph.batch(items, { bucket: spec.bucket, signal: ctx.signal });
    const urls = new Map(items.map((x) => [x.id, x.url]));
    const byItem = new Map<string, GraphObject[]>();
    for (const r of results) {
      const url = urls.get(r.id) ?? '';
      // Deleted since it was listed: leave it out rather than record it as empty.
      if (r.status === 404) continue;
      if (r.status >= 400) throw batchError(r.status, r.body, url.split('?')[0]);
      const body = (r.body ?? {}) as { value?: GraphObject[]; '@odata.nextLink'?: string };
      const objects = Array.isArray(body.value) ? [...body.value] : [];
      const next = body['@odata.nextLink'];
      if (typeof next === 'string') {
        for await (const page of ctx.graph.pages(url.split('?')[0], {
          bucket: spec.bucket,
          resumeFrom: next,
          signal: ctx.signal,
        })) {
          objects.push(...page.items);
        }
      }
      byItem.set(r.id, objects);
    }
    const last = i + spec.chunk >= spec.ids.length;
    ctx.pages.writePage(spec.toRecords(byItem), last ? null : entities[entities.length - 1], spec.slice);
    spec.onChunk?.(entities.length);
  }
}
