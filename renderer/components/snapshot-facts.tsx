/**
 * What an auditor checks first about a snapshot under review: its integrity (recorded and recomputed
 * content hash), who collected it, how, when, from which tenant, and with which permissions.
 */
import type { IntegrityState, SnapshotState } from '../../shared/ipc-types.js';
import { fmtDate } from './format.js';

const INTEGRITY: Record<IntegrityState['status'], string> = {
  pending: 'Verifying: the content hash is being recomputed and compared with the one recorded at collection…',
  intact: 'Intact: the content hash recomputed now matches the one recorded at collection.',
  altered: 'Altered: the content no longer matches the hash recorded at collection. Do not rely on it.',
  failed: 'Not verified: the file could not be read through to recompute its content hash. Do not rely on it.',
  unknown: 'Unknown: the collection did not finish, so no content hash was recorded.',
};

export function SnapshotFacts({ snapshot }: { snapshot: SnapshotState }) {
  const m = snapshot.meta;
  return (
    <section
      className={`card ${
        snapshot.integrity.status === 'intact' ? 'card-good' : snapshot.integrity.status === 'pending' ? '' : 'card-bad'
      }`}
      aria-labelledby="snapshot-facts-title"
    >
      <h2 id="snapshot-facts-title">About this snapshot</h2>
      <p>{INTEGRITY[snapshot.integrity.status]}</p>
      <dl className="facts">
        <div>
          <dt>Tenant</dt>
          <dd>
            {m.tenantName} <span className="muted small block mono">{m.tenantId}</span>
          </dd>
        </div>
        <div>
          <dt>Collected by</dt>
          <dd>
            {m.collectedBy} <span className="muted small block">sign-in: {m.authMode}</span>
          </dd>
        </div>
        <div>
          <dt>Collection</dt>
          <dd>
            {fmtDate(m.collectionStartedAt)} → {fmtDate(m.collectionFinishedAt)}
          </dd>
        </div>
        <div>
          <dt>Tool and schema</dt>
          <dd>
            {m.appVersion} · schema {m.schemaVersion}
          </dd>
        </div>
        <div>
          <dt>Recorded content hash</dt>
          <dd className="mono small">{snapshot.integrity.recorded ?? '—'}</dd>
        </div>
        <div>
          <dt>Recomputed content hash</dt>
          <dd className="mono small">
            {snapshot.integrity.computed ?? (snapshot.integrity.status === 'pending' ? 'computing…' : '—')}
          </dd>
        </div>
        <div>
          <dt>File</dt>
          <dd className="mono small">{snapshot.path}</dd>
        </div>
        <div>
          <dt>Permissions granted</dt>
          <dd className="small">{m.grantedPermissions.join(', ') || '—'}</dd>
        </div>
      </dl>
    </section>
  );
}
