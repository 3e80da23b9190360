/**
 * Whether the open snapshot's check results exist yet. They are computed in the background after a
 * snapshot opens; screens built on them wait (and reload when they arrive) instead of showing an
 * empty result as if nothing failed.
 */
import { createContext, useContext } from 'react';
import type { SnapshotState } from '../shared/ipc-types.js';

export interface ChecksStatus {
  state: SnapshotState['checks'];
  /** Why the background analysis failed, when it did. */
  error: string | null;
}

export const ChecksStatusContext = createContext<ChecksStatus>({ state: 'unavailable', error: null });

export function useChecksStatus(): ChecksStatus {
  return useContext(ChecksStatusContext);
}
