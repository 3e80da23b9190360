/**
 * Data: what the snapshot holds, screen by screen. Users (virtualized), MFA registration,
 * conditional access in words, sign-ins with filters, groups and roles, enterprise apps with MFA
 * passthrough, devices. Large lists are paged by main; the bridge never carries them whole.
 */
import { useState, type ReactNode } from 'react';
import type { DataTab, Navigate } from '../route.js';
import { useQuery } from '../use-bridge.js';
import { ErrorNote, Loading, PageHeader, Pager } from '../components/ui.js';
import { fmtDate, fmtDay, fmtNumber } from '../components/format.js';
import { UsersTable } from './users-table.js';
import { onTablistKeyDown } from '../components/tablist-keys.js';
import { useChecksStatus } from '../checks-state.js';

const TABS: { id: DataTab; label: string }[] = [
  { id: 'users', label: 'Users' },
  { id: 'mfa', label: 'MFA registration' },
  { id: 'policies', label: 'Conditional access' },
  { id: 'signins', label: 'Sign-ins' },
  { id: 'groups', label: 'Groups and roles' },
  { id: 'apps', label: 'Enterprise apps' },
  { id: 'devices', label: 'Devices' },
];

const PAGE = 50;

export function DataScreen({ navigate, tab }: { navigate: Navigate; tab: DataTab }) {
  return (
    <>
      <PageHeader title="Data" subtitle="Everything the snapshot holds, as collected." />
      <div className="tabs" role="tablist" aria-label="Data sets" onKeyDown={onTablistKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={t.id === tab}
            tabIndex={t.id === tab ? 0 : -1}
            aria-controls="data-panel"
            className={`tab${t.id === tab ? ' tab-on' : ''}`}
            onClick={() => navigate({ screen: 'data', tab: t.id })}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id="data-panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'users' && <UsersTable navigate={navigate} />}
        {tab === 'mfa' && <MfaTab navigate={navigate} />}
        {tab === 'policies' && <PoliciesTab />}
        {tab === 'signins' && <SignInsTab />}
        {tab === 'groups' && <GroupsTab />}
        {tab === 'apps' && <AppsTab />}
        {tab === 'devices' && <DevicesTab />}
      </div>
    </>
  );
}

function Table({ caption, head, children }: { caption: string; head: string[]; children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

function SearchBox({ id, value, onChange }: { id: string; value: string; onChange: (v: string) => void }) {
  return (
    <div className="field inline-field">
      <label htmlFor={id}>Search</label>
      <input id={id} type="search" value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

function MfaTab({ navigate }: { navigate: Navigate }) {
  const [mfa, setMfa] = useState<'registered' | 'not-registered' | 'unknown' | ''>('not-registered');
  const [offset, setOffset] = useState(0);
  const q = useQuery(
    (b) => b.users({ offset, limit: PAGE, mfa: mfa || undefined, enabled: true, sort: 'displayName' }),
    [mfa, offset],
  );
  return (
    <section className="card">
      <div className="toolbar">
        <div className="field inline-field">
          <label htmlFor="mfa-state">Enabled users whose MFA is</label>
          <select
            id="mfa-state"
            value={mfa}
            onChange={(e) => {
              setMfa(e.target.value as typeof mfa);
              setOffset(0);
            }}
          >
            <option value="">any state</option>
            <option value="registered">registered</option>
            <option value="not-registered">not registered</option>
            <option value="unknown">unknown</option>
          </select>
        </div>
      </div>
      <ErrorNote error={q.error} />
      {q.data ? (
        <>
          <Table caption="MFA registration per user" head={['User', 'Type', 'MFA', 'Registered methods']}>
            {q.data.rows.map((u) => (
              <tr key={u.id}>
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={() => navigate({ screen: 'user', userId: u.id, back: { screen: 'data', tab: 'mfa' } })}
                  >
                    {u.displayName}
                  </button>
                  <div className="muted small">{u.userPrincipalName}</div>
                </td>
                <td>{u.userType}</td>
                <td>
                  <span className={`badge mfa-${u.mfa}`}>{u.mfa}</span>
                </td>
                <td>{u.methods.join(', ') || '—'}</td>
              </tr>
            ))}
          </Table>
          <Pager offset={offset} limit={PAGE} total={q.data.total} onChange={setOffset} label="MFA" />
        </>
      ) : (
        <Loading />
      )}
    </section>
  );
}

const STATE_LABEL = { enabled: 'On', disabled: 'Off', enabledForReportingButNotEnforced: 'Report-only' } as const;

function PoliciesTab() {
  const q = useQuery((b) => b.policies({}), []);
  if (q.error) return <ErrorNote error={q.error} />;
  if (!q.data) return <Loading />;
  if (!q.data.length) return <p className="hint">No conditional access policy in this snapshot.</p>;
  return (
    <div className="policy-list">
      {q.data.map((p) => (
        <article key={p.id} className="card policy" aria-labelledby={`pol-${p.id}`}>
          <div className="card-head">
            <h2 id={`pol-${p.id}`}>{p.displayName}</h2>
            <span className={`badge pol-${p.state}`}>{STATE_LABEL[p.state]}</span>
          </div>
          <dl className="policy-words">
            <div>
              <dt>Who</dt>
              <dd>{p.who.join(', ')}</dd>
            </div>
            <div>
              <dt>Apps</dt>
              <dd>{p.apps.join(', ')}</dd>
            </div>
            {p.conditions.length ? (
              <div>
                <dt>When</dt>
                <dd>{p.conditions.join('; ')}</dd>
              </div>
            ) : null}
            <div>
              <dt>Then</dt>
              <dd>{p.requires.join('; ')}</dd>
            </div>
            <div>
              <dt>Excluded</dt>
              <dd>{p.excluded.length ? p.excluded.join(', ') : 'nobody'}</dd>
            </div>
          </dl>
        </article>
      ))}
    </div>
  );
}

function SignInsTab() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [result, setResult] = useState<'' | 'success' | 'failure'>('');
  const [risk, setRisk] = useState<'' | 'none' | 'low' | 'medium' | 'high'>('');
  const [app, setApp] = useState('');
  const [location, setLocation] = useState('');
  const [user, setUser] = useState('');
  const [offset, setOffset] = useState(0);
  const q = useQuery(
    (b) =>
      b.signIns({
        offset,
        limit: PAGE,
        from: from || undefined,
        to: to || undefined,
        result: result || undefined,
        risk: risk || undefined,
        app: app || undefined,
        location: location || undefined,
        user: user || undefined,
      }),
    [from, to, result, risk, app, location, user, offset],
  );
  const set =
    <T,>(f: (v: T) => void) =>
    (v: T) => {
      f(v);
      setOffset(0);
    };
  return (
    <section className="card">
      <div className="toolbar wrap">
        <div className="field inline-field">
          <label htmlFor="si-from">From</label>
          <input id="si-from" type="date" value={from} onChange={(e) => set(setFrom)(e.target.value)} />
        </div>
        <div className="field inline-field">
          <label htmlFor="si-to">To</label>
          <input id="si-to" type="date" value={to} onChange={(e) => set(setTo)(e.target.value)} />
        </div>
        <div className="field inline-field">
          <label htmlFor="si-result">Result</label>
          <select id="si-result" value={result} onChange={(e) => set(setResult)(e.target.value as typeof result)}>
            <option value="">Any</option>
            <option value="success">Success</option>
            <option value="failure">Failure</option>
          </select>
        </div>
        <div className="field inline-field">
          <label htmlFor="si-risk">Risk</label>
          <select id="si-risk" value={risk} onChange={(e) => set(setRisk)(e.target.value as typeof risk)}>
            <option value="">Any</option>
            <option value="none">None</option>
            <option value="low">Low</option>
            <option value="medium">Medium</option>
            <option value="high">High</option>
          </select>
        </div>
        <div className="field inline-field">
          <label htmlFor="si-app">App</label>
          <input id="si-app" value={app} onChange={(e) => set(setApp)(e.target.value)} />
        </div>
        <div className="field inline-field">
          <label htmlFor="si-loc">Location</label>
          <input id="si-loc" value={location} onChange={(e) => set(setLocation)(e.target.value)} />
        </div>
        <div className="field inline-field">
          <label htmlFor="si-user">User</label>
          <input id="si-user" value={user} onChange={(e) => set(setUser)(e.target.value)} />
        </div>
      </div>
      <ErrorNote error={q.error} />
      {q.data ? (
        <>
          <Table
            caption="Sign-ins"
            head={['Time', 'User', 'App', 'Result', 'Client', 'Location', 'Risk', 'Authentication']}
          >
            {q.data.rows.map((s) => (
              <tr key={s.id}>
                <td className="nowrap">{fmtDate(s.createdDateTime)}</td>
                <td className="break">{s.userPrincipalName}</td>
                <td>{s.appDisplayName}</td>
                <td>
                  {s.result === 'success' ? (
                    <span className="badge badge-pass">Success</span>
                  ) : (
                    <span className="badge badge-fail" title={s.failureReason ?? undefined}>
                      Failure {s.errorCode}
                    </span>
                  )}
                </td>
                <td className="small">{s.clientAppUsed ?? '—'}</td>
                <td>{s.location ?? '—'}</td>
                <td>{s.riskLevel ?? '—'}</td>
                <td>
                  {s.mfa === 'multiFactorAuthentication'
                    ? 'MFA'
                    : s.mfa === 'singleFactorAuthentication'
                      ? 'Single factor'
                      : '—'}
                </td>
              </tr>
            ))}
          </Table>
          <Pager offset={offset} limit={PAGE} total={q.data.total} onChange={setOffset} label="Sign-ins" />
        </>
      ) : (
        <Loading />
      )}
    </section>
  );
}

function GroupsTab() {
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const groups = useQuery((b) => b.groups({ offset, limit: PAGE, search: search || undefined }), [search, offset]);
  const roles = useQuery((b) => b.roles({}), []);
  return (
    <div className="grid-2 grid-wide-left">
      <section className="card" aria-labelledby="groups-h">
        <div className="card-head">
          <h2 id="groups-h">Groups</h2>
          <SearchBox
            id="group-search"
            value={search}
            onChange={(v) => {
              setSearch(v);
              setOffset(0);
            }}
          />
        </div>
        <ErrorNote error={groups.error} />
        {groups.data ? (
          <>
            <Table caption="Groups" head={['Group', 'Kind', 'Members', 'Role-assignable', 'Synced']}>
              {groups.data.rows.map((g) => (
                <tr key={g.id}>
                  <td>{g.displayName}</td>
                  <td>{g.kind}</td>
                  <td className="num">{fmtNumber(g.members)}</td>
                  <td>{g.isAssignableToRole ? 'Yes' : 'No'}</td>
                  <td>{g.onPremisesSyncEnabled ? 'Yes' : 'No'}</td>
                </tr>
              ))}
            </Table>
            <Pager offset={offset} limit={PAGE} total={groups.data.total} onChange={setOffset} label="Groups" />
          </>
        ) : (
          <Loading />
        )}
      </section>
      <section className="card" aria-labelledby="roles-h">
        <h2 id="roles-h">Directory roles</h2>
        <ErrorNote error={roles.error} />
        {roles.data ? (
          <ul className="role-list">
            {roles.data.map((r) => (
              <li key={r.roleName}>
                <details>
                  <summary>
                    <strong>{r.roleName}</strong>{' '}
                    {r.privileged ? <span className="badge sev-high">Privileged</span> : null}{' '}
                    <span className="muted">
                      {r.active} active · {r.eligible} eligible
                    </span>
                  </summary>
                  <ul className="plain">
                    {r.principals.map((p, i) => (
                      <li key={i}>
                        {p.name} <span className="muted">({p.kind})</span>
                      </li>
                    ))}
                  </ul>
                </details>
              </li>
            ))}
          </ul>
        ) : (
          <Loading />
        )}
      </section>
    </div>
  );
}

const COVERAGE_LABEL = { full: 'Full', partial: 'Partial', none: 'None', 'not-assessed': 'Not assessed' } as const;

function AppsTab() {
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  // Passthrough coverage comes from the checks: reload when they finish.
  const checks = useChecksStatus();
  const q = useQuery(
    (b) => b.apps({ offset, limit: PAGE, search: search || undefined }),
    [search, offset, checks.state],
  );
  return (
    <section className="card">
      <div className="card-head">
        <p className="hint">
          MFA passthrough: whether the users assigned to an SSO app are covered by an enabled policy requiring MFA.
          {checks.state === 'running' ? ' Shown once the checks, still running, have finished.' : ''}
        </p>
        <SearchBox
          id="app-search"
          value={search}
          onChange={(v) => {
            setSearch(v);
            setOffset(0);
          }}
        />
      </div>
      <ErrorNote error={q.error} />
      {q.data ? (
        <>
          <Table
            caption="Enterprise applications"
            head={['Application', 'Single sign-on', 'Assigned', 'MFA coverage', 'Not covered']}
          >
            {q.data.rows.map((a) => (
              <tr key={a.id}>
                <td>
                  {a.displayName}
                  <div className="muted small mono">{a.appId}</div>
                </td>
                <td>{a.ssoMode ?? '—'}</td>
                <td className="num">{fmtNumber(a.assigned)}</td>
                <td>
                  {a.mfaCoverage ? (
                    <span className={`badge cov-${a.mfaCoverage}`}>{COVERAGE_LABEL[a.mfaCoverage]}</span>
                  ) : (
                    '—'
                  )}
                </td>
                <td className="num">{a.mfaCoverage ? fmtNumber(a.uncovered) : '—'}</td>
              </tr>
            ))}
          </Table>
          <Pager offset={offset} limit={PAGE} total={q.data.total} onChange={setOffset} label="Applications" />
        </>
      ) : (
        <Loading />
      )}
    </section>
  );
}

function DevicesTab() {
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const q = useQuery((b) => b.devices({ offset, limit: PAGE, search: search || undefined }), [search, offset]);
  const yn = (v: boolean | null) => (v === null ? '—' : v ? 'Yes' : 'No');
  return (
    <section className="card">
      <div className="card-head">
        <span />
        <SearchBox
          id="device-search"
          value={search}
          onChange={(v) => {
            setSearch(v);
            setOffset(0);
          }}
        />
      </div>
      <ErrorNote error={q.error} />
      {q.data ? (
        <>
          <Table
            caption="Devices"
            head={['Device', 'Operating system', 'Join type', 'Compliant', 'Managed', 'Enabled', 'Last sign-in']}
          >
            {q.data.rows.map((d) => (
              <tr key={d.id}>
                <td>{d.displayName}</td>
                <td>{d.operatingSystem ?? '—'}</td>
                <td>{d.trustType ?? '—'}</td>
                <td>{yn(d.isCompliant)}</td>
                <td>{yn(d.isManaged)}</td>
                <td>{yn(d.accountEnabled)}</td>
                <td>{fmtDay(d.approximateLastSignInDateTime)}</td>
              </tr>
            ))}
          </Table>
          <Pager offset={offset} limit={PAGE} total={q.data.total} onChange={setOffset} label="Devices" />
        </>
      ) : (
        <Loading />
      )}
    </section>
  );
}
