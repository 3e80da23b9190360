/**
 * Overview: how the tenant stands at a glance. Outcomes across all checks, failing checks by
 * severity (each a link into its evidence), per-framework control status, and dataset coverage
 * ("not assessed" is never shown as a pass). Until the checks have run, the snapshot's facts and a
 * note saying they are running.
 */
import { datasetSpec } from '../../shared/datasets.js';
import { SEVERITIES, type CheckSummary } from '../../shared/results.js';
import type { SnapshotState } from '../../shared/ipc-types.js';
import type { Navigate } from '../route.js';
import { SnapshotFacts } from '../components/snapshot-facts.js';
import { useQuery } from '../use-bridge.js';
import { useChecksStatus } from '../checks-state.js';
import { ChecksPending } from '../components/checks-pending.js';
import { Donut, StackedBars } from '../components/charts.js';
import { ErrorNote, Loading, OutcomeBadge, PageHeader, SeverityBadge, Stat } from '../components/ui.js';
import { fmtNumber } from '../components/format.js';

export function OverviewScreen({ navigate, snapshot }: { navigate: Navigate; snapshot: SnapshotState | null }) {
  const checks = useChecksStatus();
  if (checks.state !== 'ready') {
    return (
      <>
        <PageHeader title="Overview" />
        {snapshot?.readOnly ? <SnapshotFacts snapshot={snapshot} /> : null}
        <ChecksPending status={checks} />
      </>
    );
  }
  return <OverviewBody navigate={navigate} snapshot={snapshot} />;
}

function OverviewBody({ navigate, snapshot }: { navigate: Navigate; snapshot: SnapshotState | null }) {
  const q = useQuery((b) => b.checksOverview({}), []);
  if (q.error) {
    return (
      <>
        <PageHeader title="Overview" />
        {snapshot?.readOnly ? <SnapshotFacts snapshot={snapshot} /> : null}
        <ErrorNote error={q.error} />
      </>
    );
  }
  if (!q.data) return <Loading what="Reading the results" />;
  const { checks, frameworks, coverage, totals } = q.data;
  const failing = checks.filter((c) => c.status === 'fail');
  const notAssessed = checks.filter((c) => c.status === 'not-assessed');
  const complete = coverage.filter((c) => c.status === 'complete').length;
  return (
    <>
      <PageHeader title="Overview" subtitle={`${checks.length} checks on ${coverage.length} datasets`} />
      {snapshot?.readOnly ? <SnapshotFacts snapshot={snapshot} /> : null}
      <div className="stats">
        <Stat label="Failing checks" value={failing.length} tone={failing.length ? 'bad' : 'good'} />
        <Stat
          label="Critical failing"
          value={failing.filter((c) => c.severity === 'Critical').length}
          tone={failing.some((c) => c.severity === 'Critical') ? 'bad' : 'good'}
        />
        <Stat label="Not assessed" value={notAssessed.length} tone={notAssessed.length ? 'warn' : 'neutral'} />
        <Stat
          label="Datasets complete"
          value={`${complete} / ${coverage.length}`}
          tone={complete === coverage.length ? 'good' : 'warn'}
        />
      </div>
      <div className="grid-2">
        <section className="card" aria-labelledby="outcomes-title">
          <h2 id="outcomes-title">Results by outcome</h2>
          <Donut
            title="entity results"
            center={fmtNumber(Object.values(totals).reduce((a, b) => a + b, 0))}
            slices={[
              { label: 'Pass', value: totals.pass, className: 'c-pass' },
              { label: 'Fail', value: totals.fail, className: 'c-fail' },
              { label: 'Exception', value: totals.exception, className: 'c-exception' },
              { label: 'External IdP', value: totals.external, className: 'c-external' },
              { label: 'Not assessed', value: totals['not-assessed'], className: 'c-not-assessed' },
              { label: 'Not applicable', value: totals['not-applicable'], className: 'c-na' },
            ]}
          />
        </section>
        <section className="card" aria-labelledby="fw-title">
          <h2 id="fw-title">Frameworks</h2>
          {frameworks.length ? (
            <StackedBars
              title="Control status per framework: pass / partial / fail / not assessed"
              rows={frameworks.map((f) => ({
                label: f.framework,
                title: f.title,
                parts: [
                  { label: 'Pass', value: f.counts.pass, className: 'c-pass' },
                  { label: 'Partial', value: f.counts.partial, className: 'c-exception' },
                  { label: 'Fail', value: f.counts.fail, className: 'c-fail' },
                  { label: 'Not assessed', value: f.counts['not-assessed'], className: 'c-not-assessed' },
                ],
              }))}
            />
          ) : (
            <p className="hint">No framework mapping in this build.</p>
          )}
          <p className="legend-line">
            <span className="swatch c-pass" aria-hidden="true" /> pass{' '}
            <span className="swatch c-exception" aria-hidden="true" /> partial{' '}
            <span className="swatch c-fail" aria-hidden="true" /> fail{' '}
            <span className="swatch c-not-assessed" aria-hidden="true" /> not assessed
          </p>
          <button type="button" className="link" onClick={() => navigate({ screen: 'compliance' })}>
            Controls and evidence by framework
          </button>
        </section>
      </div>
      <section className="card" aria-labelledby="failing-title">
        <h2 id="failing-title">Failing checks by severity</h2>
        {failing.length === 0 ? <p className="hint">No check fails.</p> : null}
        {SEVERITIES.map((sev) => {
          const list = failing.filter((c) => c.severity === sev);
          if (!list.length) return null;
          return (
            <div key={sev} className="sev-group">
              <h3>
                <SeverityBadge severity={sev} /> <span className="count">{list.length}</span>
              </h3>
              <ul className="check-list">
                {list.map((c) => (
                  <CheckLine key={c.id} check={c} onOpen={() => navigate({ screen: 'checks', checkId: c.id })} />
                ))}
              </ul>
            </div>
          );
        })}
      </section>
      <section className="card" aria-labelledby="coverage-title">
        <h2 id="coverage-title">Coverage</h2>
        <table className="table compact">
          <caption className="sr-only">What was collected, per dataset</caption>
          <thead>
            <tr>
              <th scope="col">Dataset</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Rows
              </th>
              <th scope="col">Why not complete</th>
            </tr>
          </thead>
          <tbody>
            {coverage.map((c) => (
              <tr key={c.dataset}>
                <th scope="row">{datasetSpec(c.dataset).title}</th>
                <td>
                  <span className={`badge ds-${c.status}`}>{c.status}</span>
                </td>
                <td className="num">{fmtNumber(c.rows)}</td>
                <td>{c.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

function CheckLine({ check, onOpen }: { check: CheckSummary; onOpen: () => void }) {
  return (
    <li>
      <button type="button" className="check-line" onClick={onOpen}>
        <span className="check-title">{check.title}</span>
        <span className="check-counts">
          <OutcomeBadge outcome="fail" /> {fmtNumber(check.counts.fail)}
          {check.counts.exception ? (
            <>
              {' '}
              <OutcomeBadge outcome="exception" /> {fmtNumber(check.counts.exception)}
            </>
          ) : null}
        </span>
      </button>
    </li>
  );
}
