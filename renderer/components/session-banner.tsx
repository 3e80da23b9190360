/**
 * The header line: which tenant, whether the snapshot is live or under review (read-only), its
 * integrity (being verified, then the verdict), whether its checks are still running, and who
 * collected it and when. Review mode and an altered snapshot are unmistakable.
 */
import type { IntegrityState, SessionState } from '../../shared/ipc-types.js';
import { fmtDate } from './format.js';

const INTEGRITY_PILL: Record<IntegrityState['status'], string> = {
  pending: 'Verifying integrity…',
  intact: 'Integrity verified',
  altered: 'Altered since collection',
  failed: 'Integrity could not be verified',
  unknown: 'Integrity unknown (unfinished collection)',
};

export function SessionBanner({ state }: { state: SessionState | undefined }) {
  const snap = state?.snapshot;
  const conn = state?.connection;
  if (!snap && !conn) {
    return (
      <div className="banner" role="region" aria-label="Session">
        <span className="banner-muted">Not connected</span>
      </div>
    );
  }
  const integrity = snap?.integrity.status;
  return (
    <div className={`banner${snap?.readOnly ? ' banner-review' : ''}`} role="region" aria-label="Session">
      <span className="banner-tenant">{snap?.meta.tenantName ?? conn?.tenantName}</span>
      {snap ? (
        <>
          <span className={`pill ${snap.readOnly ? 'pill-review' : 'pill-live'}`}>
            {snap.readOnly ? 'Review mode · read-only' : 'Live snapshot'}
          </span>
          <span
            className={`pill pill-integrity-${integrity}`}
            title={snap.integrity.recorded ? `Recorded hash ${snap.integrity.recorded}` : undefined}
          >
            {INTEGRITY_PILL[snap.integrity.status]}
          </span>
          {/* The checks start once integrity is verified: one "…" pill at a time tells what runs now. */}
          {snap.checks === 'running' && snap.integrity.status !== 'pending' ? (
            <span className="pill pill-checks-running" role="status">
              Running checks…
            </span>
          ) : snap.checks === 'failed' ? (
            <span className="pill pill-checks-failed">Checks failed</span>
          ) : null}
          <span className="banner-muted">
            Collected by {snap.meta.collectedBy} ·{' '}
            {fmtDate(snap.meta.collectionFinishedAt ?? snap.meta.collectionStartedAt)}
          </span>
        </>
      ) : conn ? (
        <span className="banner-muted">
          Connected as {conn.signedInAs}
          {conn.mode === 'demo' ? ' · demo tenant' : ''}
        </span>
      ) : null}
    </div>
  );
}
