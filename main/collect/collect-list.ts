/**
 * The common shape of most collectors: page through one Graph list, map each page to snapshot rows,
 * and commit every page together with its nextLink so a resumed run continues from the next page.
 */
import type { ThrottleBucket } from '../../shared/datasets.js';
import type { GraphObject } from '../graph/types.js';
import { WHOLE, type TableRecords } from '../store/snapshot-writer.js';
import type { CollectContext } from './types.js';

export interface ListSpec {
  /** Resume slice name; default "all". */
  slice?: string;
  path: string;
  bucket: ThrottleBucket;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  toRecords(items: GraphObject[]): TableRecords;
  /** Called after each committed page with the number of objects it held. */
  onPage?(count: number): void;
  /** Checked after each committed page: true stops early (the cursor keeps the place). */
  stopped?(): boolean;
}

/** Pages through `spec.path` from the slice's committed cursor (or the start) to the end. */
export async function collectList(ctx: CollectContext, spec: ListSpec): Promise<void> {
  const slice = spec.slice ?? WHOLE;
  const cursor = ctx.pages.cursor(slice);
  if (cursor?.done) return;
  const pages = ctx.graph.pages(spec.path, {
    bucket: spec.bucket,
    query: spec.query,
    headers: spec.headers,
    signal: ctx.signal,
    ...(cursor?.nextLink ? { resumeFrom: cursor.nextLink } : {}),
  });
  for await (const page of pages) {
    ctx.pages.writePage(spec.toRecords(page.items), page.nextLink, slice);
    spec.onPage?.(page.items.length);
    if (spec.stopped?.()) return;
  }
}

/** One row per object: the usual toRecords for a list that fills one table. */
export function oneTable<T>(
  table: keyof TableRecords,
  map: (o: GraphObject) => T,
): (items: GraphObject[]) => TableRecords {
  return (items) => ({ [table]: items.map((o) => ({ row: map(o), raw: o })) }) as TableRecords;
}
