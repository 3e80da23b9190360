/**
 * The sign-in window of a run and the slices it is read in, both kept in meta so a resumed run reads
 * exactly the slices of the run it continues. The window is fixed when the run starts; the slices once
 * the first page has shown how many sign-ins there are (sign-in-slices.ts).
 */
import type { SnapshotWriter } from '../store/snapshot-writer.js';
import type { SignInWindow } from './types.js';

const DAY_MS = 86_400_000;
/** Meta key of the slice boundaries (not hashed: how the rows were read is not what they say). */
const SLICES_KEY = 'signInSliceBounds';

/** The window stored in the snapshot, or a new one ending at `until` (default: now, whole seconds). */
export function resolveSignInWindow(writer: SnapshotWriter, days: number, until?: string): SignInWindow {
  const from = writer.metaValue('signInWindowFrom');
  const to = writer.metaValue('signInWindowTo');
  if (typeof from === 'string' && typeof to === 'string') return { from, to };
  const endMs = Math.floor((until ? Date.parse(until) : Date.now()) / 1000) * 1000;
  if (!Number.isFinite(endMs)) throw new Error(`not a date: ${until}`);
  const window = { from: iso(endMs - days * DAY_MS), to: iso(endMs) };
  writer.setMeta({ signInWindowFrom: window.from, signInWindowTo: window.to, signInDays: days });
  return window;
}

/** The slice boundaries this run settled on, or null before the first page was read. */
export function storedSliceBounds(writer: SnapshotWriter): string[] | null {
  const v = writer.metaValue(SLICES_KEY);
  return Array.isArray(v) && v.length >= 2 && v.every((x) => typeof x === 'string') ? (v as string[]) : null;
}

/** Keeps the boundaries; called before the first page of any slice is committed. */
export function storeSliceBounds(writer: SnapshotWriter, bounds: string[]): void {
  writer.setMeta({ [SLICES_KEY]: bounds });
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
