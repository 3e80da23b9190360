/**
 * Collection: start, watch each dataset move (rows, requests, throttle waits, time left), cancel,
 * resume. When it finishes, the new snapshot is open and the overview is one click away.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { datasetSpec } from '../../shared/datasets.js';
import type { DatasetProgress, SessionState } from '../../shared/ipc-types.js';
import type { Navigate } from '../route.js';
import { useBridge } from '../use-bridge.js';
import { useJob } from '../use-job.js';
import { ErrorNote, PageHeader } from '../components/ui.js';
import { fmtNumber } from '../components/format.js';

const STATUS_LABEL: Record<DatasetProgress['status'], string> = {
  pending: 'Waiting',
  running: 'Collecting',
  complete: 'Complete',
  partial: 'Partial',
  unavailable: 'Unavailable',
  'not-collected': 'Not collected',
  cancelled: 'Cancelled',
};

export function CollectionScreen({
  navigate,
  session,
  jobId,
  onChange,
}: {
  navigate: Navigate;
  session: SessionState | undefined;
  jobId?: string;
  onChange: () => void;
}) {
  const bridge = useBridge();
  const active =
    session?.activeJob?.kind === 'collect' && (!jobId || session.activeJob.jobId === jobId) ? session.activeJob : null;
  const [job, setJob, pollError] = useJob(active);
  const [days, setDays] = useState(30);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (run: () => Promise<import('../../shared/ipc-types.js').JobStatus>) => {
    setBusy(true);
    setError(null);
    try {
      setJob(await run());
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  const start = (e: FormEvent) => {
    e.preventDefault();
    void act(() => bridge.collectStart({ signInDays: days }));
  };

  const p = job?.progress;
  const pct = p && p.total ? Math.min(100, Math.round((p.done / p.total) * 100)) : null;
  const finished = job?.state === 'done';
  const newSnapshot = finished && job.snapshotPath && session?.snapshot?.path !== job.snapshotPath;
  useEffect(() => {
    if (newSnapshot) onChange();
  }, [newSnapshot, onChange]);

  return (
    <>
      <PageHeader
        title="Collection"
        subtitle={
          session?.connection
            ? `Tenant ${session.connection.tenantName} · read-only Graph requests`
            : 'Connect to a tenant first.'
        }
        actions={
          job?.state === 'running' ? (
            <button
              type="button"
              className="btn btn-danger"
              disabled={busy}
              onClick={() => act(() => bridge.jobCancel({ jobId: job.jobId }))}
            >
              Cancel
            </button>
          ) : job && job.resumable && (job.state === 'cancelled' || job.state === 'failed') ? (
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy}
              onClick={() => act(() => bridge.collectResume({ jobId: job.jobId }))}
            >
              Resume
            </button>
          ) : finished ? (
            <button type="button" className="btn btn-primary" onClick={() => navigate({ screen: 'overview' })}>
              View overview
            </button>
          ) : null
        }
      />
      {!job || (job.state !== 'running' && !job.resumable && !finished) ? (
        <form className="card form" onSubmit={start}>
          <h2>New collection</h2>
          <div className="field">
            <label htmlFor="signin-days">Sign-in logs to collect (days)</label>
            <input
              id="signin-days"
              type="number"
              min={1}
              max={30}
              value={days}
              onChange={(e) => setDays(Number(e.target.value))}
            />
          </div>
          <button type="submit" className="btn btn-primary" disabled={busy || !session?.connection}>
            Start collection
          </button>
        </form>
      ) : null}
      <ErrorNote error={error ?? pollError} />
      {job ? (
        <section className="card" aria-labelledby="progress-title">
          <h2 id="progress-title">
            {job.state === 'running'
              ? p?.step
              : job.state === 'done'
                ? 'Collection finished'
                : job.state === 'cancelled'
                  ? 'Collection cancelled'
                  : 'Collection stopped'}
          </h2>
          {job.error ? (
            <p className={job.state === 'failed' ? 'note note-error' : 'note note-info'}>{job.error}</p>
          ) : null}
          <div className="progress-line">
            <progress aria-label="Overall progress" max={p?.total ?? undefined} value={p?.total ? p.done : undefined} />
            <span>{pct === null ? `${fmtNumber(p?.done ?? 0)} items` : `${pct}%`}</span>
          </div>
          <dl className="facts">
            <div>
              <dt>Requests</dt>
              <dd>{fmtNumber(p?.requests ?? 0)}</dd>
            </div>
            <div>
              <dt>Throttle waits</dt>
              <dd>{fmtNumber(p?.throttleWaits ?? 0)}</dd>
            </div>
            <div>
              <dt>Time left</dt>
              <dd>
                {p?.secondsLeft == null
                  ? '—'
                  : p.secondsLeft < 60
                    ? `${Math.ceil(p.secondsLeft)} s`
                    : `${Math.ceil(p.secondsLeft / 60)} min`}
              </dd>
            </div>
          </dl>
          <table className="table">
            <caption className="sr-only">Progress per dataset</caption>
            <thead>
              <tr>
                <th scope="col">Dataset</th>
                <th scope="col">Status</th>
                <th scope="col">Progress</th>
                <th scope="col" className="num">
                  Rows
                </th>
                <th scope="col" className="num">
                  Requests
                </th>
                <th scope="col" className="num">
                  Throttle waits
                </th>
              </tr>
            </thead>
            <tbody>
              {(p?.datasets ?? []).map((d) => (
                <tr key={d.dataset}>
                  <th scope="row">{datasetSpec(d.dataset).title}</th>
                  <td>
                    <span className={`badge ds-${d.status}`}>{STATUS_LABEL[d.status]}</span>
                  </td>
                  <td className="cell-progress">
                    {d.status === 'running' ? (
                      <progress
                        aria-label={`${datasetSpec(d.dataset).title} progress`}
                        max={d.total ?? undefined}
                        value={d.total ? d.done : undefined}
                      />
                    ) : (
                      <progress
                        aria-label={`${datasetSpec(d.dataset).title} progress`}
                        max={1}
                        value={d.status === 'complete' || d.status === 'partial' ? 1 : 0}
                      />
                    )}
                  </td>
                  <td className="num">
                    {fmtNumber(d.done)}
                    {d.total ? ` / ${fmtNumber(d.total)}` : ''}
                  </td>
                  <td className="num">{fmtNumber(d.requests)}</td>
                  <td className="num">{fmtNumber(d.throttleWaits)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}
