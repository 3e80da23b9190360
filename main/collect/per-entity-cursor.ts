/**
 * The resume position of a per-entity slice, as its cursor stores it: every entity up to `after` (in id
 * order) is done, and so are the ids in `done` beyond it (entities that finished while an earlier one
 * was still paging). A snapshot written before follow-up pages were batched holds a bare id: that is
 * `after` with nothing done beyond it.
 */

export interface PerEntityCursor {
  /** Last id of the done prefix, or null when no prefix is done yet. */
  after: string | null;
  /** Ids past `after` already committed. */
  done: string[];
}

/** The cursor value to commit. */
export function encodePerEntityCursor(c: PerEntityCursor): string {
  return JSON.stringify({ after: c.after, done: c.done });
}

/** Reads a committed cursor value (null: nothing committed yet). */
export function decodePerEntityCursor(value: string | null): PerEntityCursor {
  if (value === null) return { after: null, done: [] };
  if (!value.startsWith('{')) return { after: value, done: [] };
  const parsed = JSON.parse(value) as { after?: unknown; done?: unknown };
  const after = typeof parsed.after === 'string' ? parsed.after : null;
  const done = Array.isArray(parsed.done) ? parsed.done.filter((x): x is string => typeof x === 'string') : [];
  return { after, done };
}
