/**
 * React access to the bridge: a context holding it, and a small query hook (load, error, reload)
 * that every screen uses so loading and failures look the same everywhere.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { EntraAuditBridge } from '../shared/ipc.js';

export const BridgeContext = createContext<EntraAuditBridge | null>(null);

/** The bridge; screens are only rendered once it exists. */
export function useBridge(): EntraAuditBridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('no bridge');
  return bridge;
}

export interface Query<T> {
  data: T | undefined;
  error: Error | null;
  loading: boolean;
  reload(): void;
}

/** Runs `load` when `deps` change; keeps the last data while reloading (no flicker). */
export function useQuery<T>(load: (bridge: EntraAuditBridge) => Promise<T>, deps: readonly unknown[]): Query<T> {
  const bridge = useBridge();
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let live = true;
    setLoading(true);
    loadRef.current(bridge).then(
      (d) => {
        if (!live) return;
        setData(d);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(e instanceof Error ? e : new Error(String(e)));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [bridge, tick, ...deps]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}
