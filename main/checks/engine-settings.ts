/** Check settings with their defaults: one place, so the engine and the passthrough list agree. */
import type { SnapshotReader } from '../store/types.js';
import { DEFAULT_GRACE_DAYS, DEFAULT_INACTIVE_DAYS, type CheckSettings } from './types.js';

/** Settings with defaults filled in; `now` defaults to when collection finished (then started). */
export function resolveSettings(reader: SnapshotReader, partial: Partial<CheckSettings> = {}): CheckSettings {
  const meta = reader.meta();
  const now = partial.now ?? meta.collectionFinishedAt ?? meta.collectionStartedAt;
  if (!now || Number.isNaN(Date.parse(now))) throw new Error('no evaluation time: the snapshot records no collection time and none was given');
  return {
    now,
    inactiveDays: partial.inactiveDays ?? DEFAULT_INACTIVE_DAYS,
    graceDays: partial.graceDays ?? DEFAULT_GRACE_DAYS,
    terminations: partial.terminations,
    exceptions: partial.exceptions ?? [],
  };
}

