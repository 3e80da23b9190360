/**
 * Compliance: framework → control → the checks behind it and their outcomes; a check opens its
 * entities and evidence. "Not assessed" stays apart from pass.
 */
import { useState } from 'react';
import type { Navigate } from '../route.js';
import { useQuery } from '../use-bridge.js';
import { ErrorNote, Loading, OutcomeBadge, PageHeader, SeverityBadge } from '../components/ui.js';
import { fmtNumber } from '../components/format.js';
import { onTablistKeyDown } from '../components/tablist-keys.js';
import { useChecksStatus } from '../checks-state.js';
import { ChecksPendingScreen } from '../components/checks-pending.js';

export function ComplianceScreen({ navigate }: { navigate: Navigate }) {
  const checks = useChecksStatus();
  if (checks.state !== 'ready') return <ChecksPendingScreen title="Compliance" status={checks} />;
  return <ComplianceBody navigate={navigate} />;
}

function ComplianceBody({ navigate }: { navigate: Navigate }) {
  const q = useQuery((b) => b.compliance({}), []);
  const [framework, setFramework] = useState<string | null>(null);
  if (q.error) {
    return (
      <>
        <PageHeader title="Compliance" />
        <ErrorNote error={q.error} />
      </>
    );
  }
  if (!q.data) return <Loading />;
  const current = q.data.find((f) => f.framework === framework) ?? q.data[0];
  return (
    <>
      <PageHeader
        title="Compliance"
        subtitle="Each framework's controls, with the checks and evidence that decide them."
      />
      {!current ? <p className="hint">No framework mapping in this build.</p> : null}
      <div className="tabs" role="tablist" aria-label="Frameworks" onKeyDown={onTablistKeyDown}>
        {q.data.map((f) => (
          <button
            key={f.framework}
            type="button"
            role="tab"
            aria-selected={f === current}
            tabIndex={f === current ? 0 : -1}
            aria-controls="fw-panel"
            id={`fw-${f.framework}`}
            className={`tab${f === current ? ' tab-on' : ''}`}
            onClick={() => setFramework(f.framework)}
          >
            {f.title}
          </button>
        ))}
      </div>
      {current ? (
        <div id="fw-panel" role="tabpanel" aria-labelledby={`fw-${current.framework}`}>
          {current.controls.map((c) => (
            <section key={c.controlId} className="card control" aria-labelledby={`ctl-${c.framework}-${c.controlId}`}>
              <div className="card-head">
                <h2 id={`ctl-${c.framework}-${c.controlId}`}>
                  <span className="mono">{c.controlId}</span> {c.title}
                </h2>
                <OutcomeBadge outcome={c.status} />
              </div>
              {c.checks.length ? (
                <ul className="plain control-checks">
                  {c.checks.map((k) => (
                    <li key={k.id}>
                      <SeverityBadge severity={k.severity} />{' '}
                      <button
                        type="button"
                        className="link"
                        onClick={() => navigate({ screen: 'checks', checkId: k.id })}
                      >
                        {k.title}
                      </button>{' '}
                      <OutcomeBadge outcome={k.status} />{' '}
                      <span className="muted">{fmtNumber(k.counts.fail)} failing</span>
                    </li>
                  ))}
                </ul>
              ) : null}
              {c.artifacts.length ? <p className="muted small">Evidence artifacts: {c.artifacts.join(', ')}</p> : null}
            </section>
          ))}
        </div>
      ) : null}
    </>
  );
}
