/**
 * The app shell: a sidebar of screens, a header with the tenant, the snapshot's mode and integrity,
 * and the current screen. Focus moves to the new screen's title on navigation (keyboard users).
 * While a snapshot's integrity or checks are still being worked out in the background, the session
 * is polled so the header and the screens follow as each finishes.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SessionState } from '../shared/ipc-types.js';
import type { Navigate, Route } from './route.js';
import { useQuery } from './use-bridge.js';
import { ConnectScreen } from './screens/connect.js';
import { PreflightScreen } from './screens/preflight.js';
import { CollectionScreen } from './screens/collection.js';
import { OverviewScreen } from './screens/overview.js';
import { ChecksScreen } from './screens/checks.js';
import { UserEvidenceScreen } from './screens/user-evidence.js';
import { DataScreen } from './screens/data.js';
import { ComplianceScreen } from './screens/compliance.js';
import { ExportScreen } from './screens/export.js';
import { DiffScreen } from './screens/diff.js';
import { SessionBanner } from './components/session-banner.js';
import { ChecksStatusContext, type ChecksStatus } from './checks-state.js';

/** How often the session is read while the open snapshot's analysis runs. */
const ANALYSIS_POLL_MS = 500;

const NAV: { screen: Route['screen']; label: string; needs: 'none' | 'connection' | 'snapshot' }[] = [
  { screen: 'connect', label: 'Connect', needs: 'none' },
  { screen: 'preflight', label: 'Preflight', needs: 'connection' },
  { screen: 'collection', label: 'Collection', needs: 'connection' },
  { screen: 'overview', label: 'Overview', needs: 'snapshot' },
  { screen: 'checks', label: 'Checks', needs: 'snapshot' },
  { screen: 'data', label: 'Data', needs: 'snapshot' },
  { screen: 'compliance', label: 'Compliance', needs: 'snapshot' },
  { screen: 'export', label: 'Export', needs: 'snapshot' },
  { screen: 'diff', label: 'Diff', needs: 'none' },
];

function routeFor(screen: Route['screen']): Route {
  if (screen === 'data') return { screen: 'data', tab: 'users' };
  if (screen === 'user') return { screen: 'overview' };
  return { screen } as Route;
}

export function App() {
  const [route, setRoute] = useState<Route>({ screen: 'connect' });
  const session = useQuery((b) => b.session({}), [route]);
  const navigate: Navigate = useCallback((next) => setRoute(next), []);

  // A new screen (not a tab inside the Data screen) moves focus to its title.
  const focusKey =
    route.screen === 'data'
      ? 'data'
      : route.screen === 'checks'
        ? `checks:${route.checkId ?? ''}`
        : route.screen === 'user'
          ? `user:${route.userId}`
          : route.screen;
  // Keyboard and screen-reader users land on the new screen's title (once it has rendered: a screen
  // may show "Loading" first).
  useEffect(() => {
    let frames = 0;
    let handle = 0;
    const focusTitle = () => {
      const title = document.getElementById('page-title');
      if (title) title.focus();
      else if (frames++ < 120) handle = requestAnimationFrame(focusTitle);
    };
    focusTitle();
    return () => cancelAnimationFrame(handle);
  }, [focusKey]);

  // A window reloaded with a snapshot already open (e.g. File → Open Snapshot) starts on its overview.
  const [started, setStarted] = useState(false);
  useEffect(() => {
    if (started || !session.data) return;
    setStarted(true);
    if (session.data.snapshot) setRoute({ screen: 'overview' });
  }, [session.data, started]);

  const state: SessionState | undefined = session.data;
  const snap = state?.snapshot;
  const analysing = Boolean(snap && (snap.integrity.status === 'pending' || snap.checks === 'running'));
  const reloadSession = session.reload;
  useEffect(() => {
    if (!analysing) return;
    const timer = setInterval(reloadSession, ANALYSIS_POLL_MS);
    return () => clearInterval(timer);
  }, [analysing, reloadSession]);
  const checksState = snap?.checks ?? 'unavailable';
  const checksError = snap?.analysis?.error ?? null;
  const checks: ChecksStatus = useMemo(() => ({ state: checksState, error: checksError }), [checksState, checksError]);

  const available = (needs: 'none' | 'connection' | 'snapshot') =>
    needs === 'none' || (needs === 'connection' ? Boolean(state?.connection) : Boolean(state?.snapshot));

  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            EA
          </span>
          <span>Entra Audit</span>
        </div>
        <nav aria-label="Screens">
          <ul>
            {NAV.map((item) => {
              const current =
                route.screen === item.screen ||
                (route.screen === 'user' && (route.back?.screen ?? 'data') === item.screen);
              const enabled = available(item.needs);
              return (
                <li key={item.screen}>
                  <button
                    type="button"
                    className={`nav-item${current ? ' nav-current' : ''}`}
                    aria-current={current ? 'page' : undefined}
                    disabled={!enabled}
                    title={
                      enabled
                        ? undefined
                        : item.needs === 'connection'
                          ? 'Connect to a tenant first'
                          : 'Collect or open a snapshot first'
                    }
                    onClick={() => navigate(routeFor(item.screen))}
                  >
                    {item.label}
                  </button>
                </li>
              );
            })}
          </ul>
        </nav>
        <p className="sidebar-foot">Read-only access to Microsoft Graph</p>
      </aside>
      <div className="content">
        <SessionBanner state={state} />
        <main id="main" tabIndex={-1}>
          <ChecksStatusContext.Provider value={checks}>
            <Screen route={route} navigate={navigate} session={state} refresh={session.reload} />
          </ChecksStatusContext.Provider>
        </main>
      </div>
    </div>
  );
}

function Screen({
  route,
  navigate,
  session,
  refresh,
}: {
  route: Route;
  navigate: Navigate;
  session: SessionState | undefined;
  refresh: () => void;
}) {
  const readOnly = session?.snapshot?.readOnly ?? false;
  switch (route.screen) {
    case 'connect':
      return <ConnectScreen navigate={navigate} session={session} onChange={refresh} />;
    case 'preflight':
      return <PreflightScreen navigate={navigate} />;
    case 'collection':
      return <CollectionScreen navigate={navigate} session={session} jobId={route.jobId} onChange={refresh} />;
    case 'overview':
      return <OverviewScreen navigate={navigate} snapshot={session?.snapshot ?? null} />;
    case 'checks':
      return <ChecksScreen navigate={navigate} checkId={route.checkId} readOnly={readOnly} />;
    case 'user':
      return <UserEvidenceScreen navigate={navigate} userId={route.userId} back={route.back} />;
    case 'data':
      return <DataScreen navigate={navigate} tab={route.tab} />;
    case 'compliance':
      return <ComplianceScreen navigate={navigate} />;
    case 'export':
      return <ExportScreen session={session} />;
    case 'diff':
      return <DiffScreen session={session} />;
  }
}
