/**
 * Follows a long job by polling its status (four times a second; main publishes at most ten events a
 * second and never moves backwards). Works the same over IPC and HTTP.
 */
import { useEffect, useState } from 'react';
import type { JobStatus } from '../shared/ipc-types.js';
import { useBridge } from './use-bridge.js';

export const POLL_MS = 250;

export function useJob(initial: JobStatus | null): [JobStatus | null, (s: JobStatus) => void, Error | null] {
  const bridge = useBridge();
  const [status, setStatus] = useState<JobStatus | null>(initial);
  const [error, setError] = useState<Error | null>(null);
  const jobId = status?.jobId;
  const running = status?.state === 'running';
  useEffect(() => {
    if (!jobId || !running) return;
    let live = true;
    const timer = setInterval(() => {
      bridge.jobStatus({ jobId }).then(
        (s) => {
          if (live) setStatus((prev) => (prev && prev.jobId === s.jobId && prev.seq > s.seq ? prev : s));
        },
        (e: unknown) => live && setError(e as Error),
      );
    }, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [bridge, jobId, running]);
  return [status, setStatus, error];
}
