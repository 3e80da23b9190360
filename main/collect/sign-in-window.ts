/**
 * The sign-in window of a run, fixed when the run starts and kept in meta, so a resumed run reads
 * exactly the same slices as the run it continues.
 */
import type { SnapshotWriter } from '../store/snapshot-writer.js';
import type { SignInWindow } from './types.js';

const DAY_MS = 86_400_000;

/** The window stored in the snapshot, or a new one ending at `until` (default: now, whole seconds). */
export function resolveSignInWindow(writer: SnapshotWriter, days: number, until?: string): SignInWindow {
  const from = writer.metaValue('signInWindowFrom');
  const to = writer.metaValue('signInWindowTo');
  if (typeof from === 'string' && typeof to === 'string') {
    const stored = Number(writer.metaValue('signInDays') ?? days);
    return { from, to, slices: Math.max(1, stored) };
  }
  const endMs = Math.floor((until ? Date.parse(until) : Date.now()) / 1000) * 1000;
  if (!Number.isFinite(endMs)) throw new Error(`not a date: ${until}`);
  const window = { from: iso(endMs - days * DAY_MS), to: iso(endMs), slices: Math.max(1, days) };
  writer.setMeta({ signInWindowFrom: window.from, signInWindowTo: window.to, signInDays: days });
  return window;
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
