/** Check settings with their defaults: one place, so the engine and the passthrough list agree. */
import type { SnapshotReader } from '../store/types.js';
import { DEFAULT_GRACE_DAYS, DEFAULT_INACTIVE_DAYS, type CheckSettings } from './types.js';

/**
 * The instant a snapshot's data describes: when collection finished (then started). A demo snapshot
 * describes its synthetic tenant as of the generator's clock, which the demo stores as the end of
 * the sign-in window (meta signInWindowTo); that is its evaluation time.
 */
export function snapshotTime(reader: SnapshotReader): string | null {
  const meta = reader.meta();
  const extra = (reader as Partial<{ metaValue(key: string): unknown }>).metaValue;
  const windowEnd = meta.authMode === 'demo' && extra ? extra.call(reader, 'signInWindowTo') : undefined;
  if (typeof windowEnd === 'string' && !Number.isNaN(Date.parse(windowEnd))) return windowEnd;
  return meta.collectionFinishedAt ?? meta.collectionStartedAt ?? null;
}

/** Settings with defaults filled in; `now` defaults to snapshotTime (so reruns agree). */
export function resolveSettings(reader: SnapshotReader, partial: Partial<CheckSettings> = {}): CheckSettings {
  const now = partial.now ?? snapshotTime(reader);
  if (!now || Number.isNaN(Date.parse(now))) throw new Error('no evaluation time: the snapshot records no collection time and none was given');
  return {
    now,
    inactiveDays: partial.inactiveDays ?? DEFAULT_INACTIVE_DAYS,
    graceDays: partial.graceDays ?? DEFAULT_GRACE_DAYS,
    terminations: partial.terminations,
    exceptions: partial.exceptions ?? [],
  };
}

