/**
 * Checks: the list of checks, then one check with its entities (outcome, reason, evidence), and its
 * exceptions: add one (reason, approver, expiry) for an entity or for all, see the expired ones.
 */
import { useState, type FormEvent } from 'react';
import type { CheckResult, CheckSummary, Outcome } from '../../shared/results.js';
import { OUTCOMES } from '../../shared/results.js';
import type { Navigate } from '../route.js';
import { useBridge, useQuery } from '../use-bridge.js';
import { ErrorNote, Loading, OutcomeBadge, PageHeader, Pager, SeverityBadge } from '../components/ui.js';
import { fmtDay, fmtNumber } from '../components/format.js';
import { EvidenceList } from '../components/evidence.js';
import { useChecksStatus } from '../checks-state.js';
import { ChecksPendingScreen } from '../components/checks-pending.js';

const PAGE = 50;

export function ChecksScreen({
  navigate,
  checkId,
  readOnly,
}: {
  navigate: Navigate;
  checkId?: string;
  readOnly: boolean;
}) {
  const checks = useChecksStatus();
  if (checks.state !== 'ready') return <ChecksPendingScreen title="Checks" status={checks} />;
  return checkId ? (
    <CheckDetail navigate={navigate} checkId={checkId} readOnly={readOnly} />
  ) : (
    <CheckList navigate={navigate} />
  );
}

function CheckList({ navigate }: { navigate: Navigate }) {
  const q = useQuery((b) => b.checksOverview({}), []);
  const [status, setStatus] = useState<'all' | CheckSummary['status']>('all');
  if (q.error) {
    return (
      <>
        <PageHeader title="Checks" />
        <ErrorNote error={q.error} />
      </>
    );
  }
  if (!q.data) return <Loading what="Loading checks" />;
  const order = { fail: 0, 'not-assessed': 1, pass: 2, 'not-applicable': 3 };
  const sevOrder = { Critical: 0, High: 1, Medium: 2, Low: 3, Info: 4 };
  const list = q.data.checks
    .filter((c) => status === 'all' || c.status === status)
    .sort(
      (a, b) =>
        order[a.status] - order[b.status] ||
        sevOrder[a.severity] - sevOrder[b.severity] ||
        a.title.localeCompare(b.title),
    );
  return (
    <>
      <PageHeader title="Checks" subtitle="Each check's result per user, policy or app, with the evidence behind it." />
      <div className="toolbar">
        <label htmlFor="check-status">Show</label>
        <select id="check-status" value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
          <option value="all">All checks</option>
          <option value="fail">Failing</option>
          <option value="not-assessed">Not assessed</option>
          <option value="pass">Passing</option>
          <option value="not-applicable">Not applicable</option>
        </select>
      </div>
      <table className="table">
        <caption className="sr-only">Checks</caption>
        <thead>
          <tr>
            <th scope="col">Severity</th>
            <th scope="col">Check</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Fail
            </th>
            <th scope="col" className="num">
              Pass
            </th>
            <th scope="col" className="num">
              Exception
            </th>
            <th scope="col" className="num">
              Not assessed
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((c) => (
            <tr key={c.id}>
              <td>
                <SeverityBadge severity={c.severity} />
              </td>
              <td>
                <button type="button" className="link" onClick={() => navigate({ screen: 'checks', checkId: c.id })}>
                  {c.title}
                </button>
                <div className="muted small">{c.id}</div>
              </td>
              <td>
                <OutcomeBadge outcome={c.status} />
              </td>
              <td className="num">{fmtNumber(c.counts.fail)}</td>
              <td className="num">{fmtNumber(c.counts.pass)}</td>
              <td className="num">{fmtNumber(c.counts.exception)}</td>
              <td className="num">{fmtNumber(c.counts['not-assessed'])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function CheckDetail({ navigate, checkId, readOnly }: { navigate: Navigate; checkId: string; readOnly: boolean }) {
  const check = useQuery((b) => b.checkDetail({ checkId }), [checkId]);
  const [outcome, setOutcome] = useState<Outcome | 'all'>('fail');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const [version, setVersion] = useState(0);
  const [exceptionFor, setExceptionFor] = useState<{ entityId: string; entityName: string } | null>(null);
  const results = useQuery(
    (b) =>
      b.checkResults({
        checkId,
        outcome: outcome === 'all' ? undefined : outcome,
        search: search || undefined,
        offset,
        limit: PAGE,
      }),
    [checkId, outcome, search, offset, version],
  );
  const exceptions = useQuery((b) => b.exceptionsList({ checkId }), [checkId, version]);
  const c = check.data;
  const back = { screen: 'checks', checkId } as const;

  return (
    <>
      <PageHeader
        title={c?.title ?? 'Check'}
        subtitle={
          <button type="button" className="link" onClick={() => navigate({ screen: 'checks' })}>
            ← All checks
          </button>
        }
        actions={c ? <SeverityBadge severity={c.severity} /> : null}
      />
      <ErrorNote error={check.error} />
      {c ? (
        <section className="card check-about" aria-label="About this check">
          <p>{c.description}</p>
          {c.status === 'not-assessed' ? <p className="note note-warn">Not assessed: {c.notAssessedReason}</p> : null}
          <dl className="facts">
            <div>
              <dt>Remediation</dt>
              <dd>{c.remediation}</dd>
            </div>
            <div>
              <dt>Controls</dt>
              <dd>{c.controls.join(', ') || '—'}</dd>
            </div>
            <div>
              <dt>References</dt>
              <dd>{c.references.join(', ') || '—'}</dd>
            </div>
          </dl>
          <div className="outcome-row" role="group" aria-label="Filter by outcome">
            {(['all', ...OUTCOMES] as const).map((o) => (
              <button
                key={o}
                type="button"
                className={`chip${outcome === o ? ' chip-on' : ''}`}
                aria-pressed={outcome === o}
                onClick={() => {
                  setOutcome(o);
                  setOffset(0);
                }}
              >
                {o === 'all' ? 'All' : <OutcomeBadge outcome={o} />} {o === 'all' ? '' : fmtNumber(c.counts[o])}
              </button>
            ))}
          </div>
        </section>
      ) : null}
      <section className="card" aria-labelledby="entities-title">
        <div className="card-head">
          <h2 id="entities-title">Entities</h2>
          <div className="field inline-field">
            <label htmlFor="entity-search">Search</label>
            <input
              id="entity-search"
              type="search"
              value={search}
              onChange={(e) => {
                setSearch(e.target.value);
                setOffset(0);
              }}
            />
          </div>
        </div>
        <ErrorNote error={results.error} />
        {results.data ? (
          <>
            <table className="table results">
              <caption className="sr-only">Results of this check per entity</caption>
              <thead>
                <tr>
                  <th scope="col">Entity</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Reason and evidence</th>
                  {!readOnly ? <th scope="col">Risk</th> : null}
                </tr>
              </thead>
              <tbody>
                {results.data.rows.map((r) => (
                  <ResultRow
                    key={`${r.entityType}:${r.entityId}`}
                    r={r}
                    readOnly={readOnly}
                    onUser={() => navigate({ screen: 'user', userId: r.entityId, back })}
                    onException={() => setExceptionFor({ entityId: r.entityId, entityName: r.entityName })}
                  />
                ))}
                {results.data.rows.length === 0 ? (
                  <tr>
                    <td colSpan={readOnly ? 3 : 4} className="muted">
                      Nothing here.
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
            <Pager offset={offset} limit={PAGE} total={results.data.total} onChange={setOffset} label="Entities" />
          </>
        ) : (
          <Loading />
        )}
      </section>
      {exceptionFor && !readOnly ? (
        <ExceptionForm
          checkId={checkId}
          target={exceptionFor}
          onCancel={() => setExceptionFor(null)}
          onSaved={() => {
            setExceptionFor(null);
            setVersion((v) => v + 1);
            check.reload();
          }}
        />
      ) : null}
      <section className="card" aria-labelledby="exceptions-title">
        <div className="card-head">
          <h2 id="exceptions-title">Exceptions</h2>
          {!readOnly ? (
            <button
              type="button"
              className="btn"
              onClick={() => setExceptionFor({ entityId: '*', entityName: 'every entity of this check' })}
            >
              Accept the risk for all…
            </button>
          ) : null}
        </div>
        <ErrorNote error={exceptions.error} />
        {exceptions.data?.length ? (
          <table className="table compact">
            <caption className="sr-only">Risk exceptions of this check</caption>
            <thead>
              <tr>
                <th scope="col">Entity</th>
                <th scope="col">Reason</th>
                <th scope="col">Approver</th>
                <th scope="col">Expires</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {exceptions.data.map((e) => (
                <tr key={e.id} className={e.expired ? 'row-expired' : undefined}>
                  <td>{e.entityName}</td>
                  <td>{e.reason}</td>
                  <td>{e.approver}</td>
                  <td>{fmtDay(e.expiresAt)}</td>
                  <td>
                    {e.expired ? (
                      <span className="badge badge-expired">Expired</span>
                    ) : (
                      <span className="badge badge-exception">In force</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="hint">No exception recorded for this check.</p>
        )}
      </section>
    </>
  );
}

function ResultRow({
  r,
  readOnly,
  onUser,
  onException,
}: {
  r: CheckResult;
  readOnly: boolean;
  onUser: () => void;
  onException: () => void;
}) {
  return (
    <tr>
      <td>
        {r.entityType === 'user' ? (
          <button type="button" className="link" onClick={onUser}>
            {r.entityName}
          </button>
        ) : (
          <span>{r.entityName}</span>
        )}
        <div className="muted small">{r.entityType}</div>
      </td>
      <td>
        <OutcomeBadge outcome={r.outcome} />
      </td>
      <td>
        <div>{r.reason}</div>
        <EvidenceList evidence={r.evidence} />
      </td>
      {!readOnly ? (
        <td>
          {r.outcome === 'fail' ? (
            <button
              type="button"
              className="btn btn-small"
              onClick={onException}
              aria-label={`Add exception for ${r.entityName}`}
            >
              Add exception
            </button>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}

function ExceptionForm({
  checkId,
  target,
  onCancel,
  onSaved,
}: {
  checkId: string;
  target: { entityId: string; entityName: string };
  onCancel: () => void;
  onSaved: () => void;
}) {
  const bridge = useBridge();
  const inNinety = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
  const [reason, setReason] = useState('');
  const [approver, setApprover] = useState('');
  const [expiresAt, setExpiresAt] = useState(inNinety);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await bridge.exceptionAdd({ checkId, entityId: target.entityId, reason, approver, expiresAt });
      onSaved();
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card card-accent" aria-labelledby="exc-form-title">
      <h2 id="exc-form-title">Accept the risk for {target.entityName}</h2>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="exc-reason">Reason</label>
          <textarea
            id="exc-reason"
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            minLength={3}
            autoFocus
          />
        </div>
        <div className="form-row">
          <div className="field">
            <label htmlFor="exc-approver">Approved by</label>
            <input
              id="exc-approver"
              value={approver}
              onChange={(e) => setApprover(e.target.value)}
              required
              minLength={2}
            />
          </div>
          <div className="field">
            <label htmlFor="exc-expiry">Expires on</label>
            <input
              id="exc-expiry"
              type="date"
              value={expiresAt}
              onChange={(e) => setExpiresAt(e.target.value)}
              required
            />
          </div>
        </div>
        <ErrorNote error={error} />
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Record exception
          </button>
          <button type="button" className="btn btn-quiet" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
