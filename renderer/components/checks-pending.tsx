/**
 * What a screen built on check results shows until they exist: that they are running (the data
 * screens work meanwhile), that they failed and why, or that this build has no checks engine.
 */
import type { ChecksStatus } from '../checks-state.js';
import { PageHeader } from './ui.js';

export function ChecksPending({ status }: { status: ChecksStatus }) {
  if (status.state === 'running') {
    return (
      <p className="note note-info checks-running" role="status">
        <span className="spinner" aria-hidden="true" />
        Checking this snapshot (integrity first, then the checks)… Results appear here when the checks finish; the Data
        screens can be browsed meanwhile.
      </p>
    );
  }
  if (status.state === 'failed') {
    return (
      <div className="note note-error" role="alert">
        The checks could not run on this snapshot{status.error ? `: ${status.error}` : '.'}
      </div>
    );
  }
  return (
    <div className="note note-info" role="status">
      The checks engine is not available in this build yet.
    </div>
  );
}

/** A whole screen that needs check results, while there are none. */
export function ChecksPendingScreen({ title, status }: { title: string; status: ChecksStatus }) {
  return (
    <>
      <PageHeader title={title} />
      <ChecksPending status={status} />
    </>
  );
}
