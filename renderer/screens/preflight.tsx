/**
 * Preflight: before collecting, each dataset against the token's permissions and the tenant's
 * licence: what will be collected, what will not and the fix, with the admin-consent link.
 */
import { useState } from 'react';
import type { Navigate } from '../route.js';
import { useBridge, useQuery } from '../use-bridge.js';
import { ErrorNote, Loading, PageHeader } from '../components/ui.js';

const LICENCE = {
  free: 'Entra ID Free',
  p1: 'Entra ID P1',
  p2: 'Entra ID P2',
  unknown: 'Unknown (could not be read)',
} as const;
const COLLECT = { yes: ['badge-pass', 'Yes'], partial: ['badge-partial', 'Partly'], no: ['badge-fail', 'No'] } as const;

export function PreflightScreen({ navigate }: { navigate: Navigate }) {
  const bridge = useBridge();
  const q = useQuery((b) => b.preflight({}), []);
  const [openError, setOpenError] = useState<Error | null>(null);
  const r = q.data;
  const consent = async (url: string) => {
    try {
      await bridge.openExternal({ url });
    } catch (err) {
      setOpenError(err as Error);
    }
  };
  const collected = r?.rows.filter((x) => x.collect !== 'no').length ?? 0;
  return (
    <>
      <PageHeader
        title="Preflight"
        subtitle="What this connection can collect, before anything is read."
        actions={
          <button type="button" className="btn btn-primary" onClick={() => navigate({ screen: 'collection' })}>
            Continue to collection
          </button>
        }
      />
      <ErrorNote error={q.error ?? openError} />
      {!r && !q.error ? <Loading what="Checking permissions and licence" /> : null}
      {r ? (
        <>
          <section className="card" aria-label="Summary">
            <dl className="facts">
              <div>
                <dt>Licence found</dt>
                <dd>{LICENCE[r.licence]}</dd>
              </div>
              <div>
                <dt>Sign-in</dt>
                <dd>{r.authKind === 'delegated' ? 'Delegated (a signed-in user)' : 'Application (app-only)'}</dd>
              </div>
              <div>
                <dt>Datasets to collect</dt>
                <dd>
                  {collected} of {r.rows.length}
                </dd>
              </div>
              <div>
                <dt>Permissions granted</dt>
                <dd className="small">{r.grantedPermissions.join(', ') || 'none'}</dd>
              </div>
            </dl>
            {r.notes.map((w, i) => (
              <p key={i} className="note note-warn">
                {w}
              </p>
            ))}
            {r.adminConsentUrl ? (
              <p>
                An administrator can grant the missing permissions:{' '}
                <button type="button" className="link" onClick={() => consent(r.adminConsentUrl!)}>
                  open the admin-consent page
                </button>
                <span className="mono small block">{r.adminConsentUrl}</span>
              </p>
            ) : null}
          </section>
          <div
            className="table-wrap card"
            tabIndex={0}
            role="region"
            aria-label="Datasets and whether they will be collected"
          >
            <table className="table">
              <caption className="sr-only">Datasets and whether they will be collected</caption>
              <thead>
                <tr>
                  <th scope="col">Dataset</th>
                  <th scope="col">Needs</th>
                  <th scope="col">Granted</th>
                  <th scope="col">Licence</th>
                  <th scope="col">Collect</th>
                  <th scope="col">Fix</th>
                </tr>
              </thead>
              <tbody>
                {r.rows.map((row) => (
                  <tr key={row.dataset}>
                    <th scope="row">{row.title}</th>
                    <td className="small mono">{row.permissionNeeded}</td>
                    <td className="small">{row.grantedVia ?? '—'}</td>
                    <td>
                      {LICENCE[row.licenceNeeded]}
                      {row.licenceOk === false ? <span className="muted small block">not in this tenant</span> : null}
                    </td>
                    <td>
                      <span className={`badge ${COLLECT[row.collect][0]}`}>{COLLECT[row.collect][1]}</span>
                    </td>
                    <td className="small">{row.fix}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}
