/**
 * How the sign-in window is cut into time slices, decided from the first page of the whole window
 * (Graph lists sign-ins newest first, 1,000 to a page). A window that fits one page, or a few dozen,
 * is read as one slice: as many requests as pages. A larger one is cut so a few slices page side by
 * side: the first page is then kept for the newest slice, [head, to), which it holds whole, and the rest
 * of the window is cut into equal ranges; each slice costs at most one partly filled page.
 */
import type { GraphObject } from '../graph/types.js';
import type { SignInWindow } from './types.js';

/** Pages of 1,000 a slice should hold before another slice runs beside it. */
const PAGES_PER_SLICE = 40;
/** Slices paging side by side at most (the reports bucket paces the requests themselves). */
export const MAX_SLICES = 4;

export interface SlicePlan {
  /** Slice boundaries, ascending, from the window's start to its end: slice i is [bounds[i], bounds[i+1]). */
  bounds: string[];
  /**
   * Start of the newest slice when the first page holds it whole (its sign-ins at or after `head` are
   * that slice's only page); null when the plan is the single slice the first page began.
   */
  head: string | null;
}

/** The plan for `window` given the first page of the whole window and whether more pages follow. */
export function planSlices(window: SignInWindow, firstPage: GraphObject[], more: boolean): SlicePlan {
  const single: SlicePlan = { bounds: [window.from, window.to], head: null };
  if (!more) return single;
  const start = Date.parse(window.from);
  const end = Date.parse(window.to);
  const times = firstPage.map((o) => (typeof o.createdDateTime === 'string' ? Date.parse(o.createdDateTime) : NaN));
  // The cut relies on Graph's documented order; a page not newest first keeps the single slice.
  const newestFirst =
    times.length > 0 && times.every((t, i) => t >= start && t < end && (i === 0 || t <= times[i - 1]));
  if (!newestFirst) return single;
  const oldest = times[times.length - 1];
  // First whole second after the oldest sign-in on the page: everything at or after it is on this page.
  const head = Math.floor(oldest / 1000) * 1000 + 1000;
  if (head >= end) return single;
  const estimatedPages = (end - start) / (end - oldest);
  const slices = Math.min(MAX_SLICES, Math.ceil(estimatedPages / PAGES_PER_SLICE));
  if (slices <= 1) return single;
  return { bounds: [...cut(start, head, slices), window.to], head: isoTime(head) };
}

/** [start, end) cut into `n` consecutive whole-second ranges: their n + 1 boundaries (fewer if too short). */
export function cut(start: number, end: number, n: number): string[] {
  const step = Math.max(1000, Math.ceil((end - start) / n / 1000) * 1000);
  const out: string[] = [];
  for (let t = start; t < end; t += step) out.push(isoTime(t));
  out.push(isoTime(end));
  return out;
}

/** ISO time as Graph filters take it; whole seconds without the ".000". */
function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
