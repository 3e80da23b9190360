/**
 * Preflight: before collecting, each dataset against the token's permissions and the tenant's
 * licence: what will be collected, what will not and the fix, with the admin-consent link.
 */
import type { Navigate } from '../route.js';
import { useBridge, useQuery } from '../use-bridge.js';
import { ErrorNote, Loading, PageHeader } from '../components/ui.js';
import { useState } from 'react';

const LICENCE = { free: 'Entra ID Free', p1: 'Entra ID P1', p2: 'Entra ID P2' } as const;

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
  return (
    <>
      <PageHeader
        title="Preflight"
        subtitle="What the connection can collect, before anything is read."
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
          <section className="card">
            <dl className="facts">
              <div>
                <dt>Licence found</dt>
                <dd>{LICENCE[r.licence]}</dd>
              </div>
              <div>
                <dt>Permissions granted</dt>
                <dd>{r.grantedPermissions.join(', ') || 'none'}</dd>
              </div>
            </dl>
            {r.warnings.map((w, i) => (
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
          <table className="table">
            <caption className="sr-only">Datasets and whether they will be collected</caption>
            <thead>
              <tr>
                <th scope="col">Dataset</th>
                <th scope="col">Needs</th>
                <th scope="col">Licence</th>
                <th scope="col">Will collect</th>
                <th scope="col">Fix</th>
              </tr>
            </thead>
            <tbody>
              {r.rows.map((row) => (
                <tr key={row.dataset}>
                  <th scope="row">{row.title}</th>
                  <td className="small">{row.permissions.join(' or ')}</td>
                  <td>{LICENCE[row.licence]}</td>
                  <td>{row.willCollect ? <span className="badge badge-pass">Yes</span> : <span className="badge badge-fail">No</span>}</td>
                  <td>{row.fix ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </>
  );
}
