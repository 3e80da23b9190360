/** Slicing and searching for the smaller lists (groups, apps, devices): the bridge gets one page. */
import type { Page } from '../../../shared/ipc-types.js';

/** Filters by a case-insensitive substring of `text(row)`, then returns one page. */
export function pageOf<T>(
  rows: readonly T[],
  q: { offset: number; limit: number; search?: string },
  text: (row: T) => string,
): Page<T> {
  const needle = q.search?.trim().toLowerCase() ?? '';
  const list = needle ? rows.filter((r) => text(r).toLowerCase().includes(needle)) : rows;
  return { total: list.length, offset: q.offset, rows: list.slice(q.offset, q.offset + q.limit) };
}
