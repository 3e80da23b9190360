/**
 * One user's evidence: profile, MFA methods, groups, roles, app assignments, every check result
 * about them (once the checks have run), and Graph's raw JSON as collected.
 */
import type { Navigate, Route } from '../route.js';
import { useQuery } from '../use-bridge.js';
import { ErrorNote, Loading, OutcomeBadge, PageHeader } from '../components/ui.js';
import { EvidenceList } from '../components/evidence.js';
import { fmtDate } from '../components/format.js';
import { useChecksStatus } from '../checks-state.js';
import { ChecksPending } from '../components/checks-pending.js';

export function UserEvidenceScreen({ navigate, userId, back }: { navigate: Navigate; userId: string; back?: Route }) {
  const checks = useChecksStatus();
  const q = useQuery((b) => b.userDetail({ userId }), [userId, checks.state]);
  const resultsKnown = checks.state === 'ready';
  const d = q.data;
  return (
    <>
      <PageHeader
        title={d ? d.user.displayName : 'User'}
        subtitle={
          <button type="button" className="link" onClick={() => navigate(back ?? { screen: 'data', tab: 'users' })}>
            ← Back
          </button>
        }
      />
      <ErrorNote error={q.error} />
      {!d && !q.error ? <Loading /> : null}
      {d ? (
        <>
          <div className="grid-2">
            <section className="card" aria-labelledby="profile-title">
              <h2 id="profile-title">Profile</h2>
              <dl className="facts facts-2">
                <div>
                  <dt>User principal name</dt>
                  <dd>{d.user.userPrincipalName}</dd>
                </div>
                <div>
                  <dt>Type</dt>
                  <dd>{d.user.userType}</dd>
                </div>
                <div>
                  <dt>Account</dt>
                  <dd>{d.user.accountEnabled ? 'Enabled' : 'Disabled'}</dd>
                </div>
                <div>
                  <dt>Department</dt>
                  <dd>{d.user.department ?? '—'}</dd>
                </div>
                <div>
                  <dt>Job title</dt>
                  <dd>{d.user.jobTitle ?? '—'}</dd>
                </div>
                <div>
                  <dt>Created</dt>
                  <dd>{fmtDate(d.user.createdDateTime)}</dd>
                </div>
                <div>
                  <dt>Last interactive sign-in</dt>
                  <dd>{fmtDate(d.user.lastSignInDateTime)}</dd>
                </div>
                <div>
                  <dt>Last non-interactive sign-in</dt>
                  <dd>{fmtDate(d.user.lastNonInteractiveSignInDateTime)}</dd>
                </div>
                <div>
                  <dt>Synced from on-premises</dt>
                  <dd>{d.user.onPremisesSyncEnabled ? 'Yes' : 'No'}</dd>
                </div>
                <div>
                  <dt>Object id</dt>
                  <dd className="mono">{d.user.id}</dd>
                </div>
              </dl>
            </section>
            <section className="card" aria-labelledby="mfa-title">
              <h2 id="mfa-title">MFA methods</h2>
              {d.mfa ? (
                <>
                  <p>{d.mfa.isMfaRegistered ? 'Registered for MFA' : 'Not registered for MFA'}</p>
                  <ul className="tags">
                    {d.mfa.methods.length ? d.mfa.methods.map((m) => <li key={m}>{m}</li>) : <li>none</li>}
                  </ul>
                  <p className="muted small">
                    Source: {d.mfa.source === 'registrationReport' ? 'registration report' : 'authentication methods'}
                  </p>
                </>
              ) : (
                <p className="hint">No MFA registration data for this user.</p>
              )}
              <h3>Roles</h3>
              {d.roles.length ? (
                <ul className="plain">
                  {d.roles.map((r, i) => (
                    <li key={i}>
                      {r.roleName}{' '}
                      <span className="muted">
                        ({r.kind}
                        {r.privileged ? ', privileged' : ''})
                      </span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="hint">No directory role.</p>
              )}
            </section>
          </div>
          <section className="card" aria-labelledby="results-title">
            <h2 id="results-title">Check results</h2>
            {!resultsKnown ? <ChecksPending status={checks} /> : null}
            {resultsKnown && d.results.length === 0 ? (
              <p className="hint">No check result for this user in this snapshot.</p>
            ) : null}
            <table className="table" hidden={!resultsKnown || d.results.length === 0}>
              <caption className="sr-only">Check results for this user</caption>
              <thead>
                <tr>
                  <th scope="col">Check</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Reason and evidence</th>
                </tr>
              </thead>
              <tbody>
                {d.results.map((r) => (
                  <tr key={r.checkId}>
                    <td>
                      <button
                        type="button"
                        className="link"
                        onClick={() => navigate({ screen: 'checks', checkId: r.checkId })}
                      >
                        {r.checkTitle}
                      </button>
                    </td>
                    <td>
                      <OutcomeBadge outcome={r.outcome} />
                    </td>
                    <td>
                      {r.reason}
                      <EvidenceList evidence={r.evidence} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <div className="grid-2">
            <section className="card" aria-labelledby="groups-title">
              <h2 id="groups-title">Groups ({d.groups.length})</h2>
              <ul className="plain scroll-list" tabIndex={0} aria-label="Groups of this user">
                {d.groups.map((g) => (
                  <li key={g.id}>{g.displayName}</li>
                ))}
              </ul>
            </section>
            <section className="card" aria-labelledby="apps-title">
              <h2 id="apps-title">Application assignments ({d.apps.length})</h2>
              <ul className="plain scroll-list" tabIndex={0} aria-label="Applications assigned to this user">
                {d.apps.map((a, i) => (
                  <li key={i}>{a.resourceDisplayName}</li>
                ))}
              </ul>
            </section>
          </div>
          <details className="card raw">
            <summary>Raw Graph JSON</summary>
            <pre tabIndex={0} aria-label="Raw Graph JSON of this user">
              {d.raw}
            </pre>
          </details>
        </>
      ) : null}
    </>
  );
}
