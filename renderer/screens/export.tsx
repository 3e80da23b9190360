/**
 * Export: choose frameworks, the signer and the destination, write the evidence pack off the UI
 * thread, then show the verification of the pack that was written (every hash, the manifest
 * signature, the PDF signature). A pack needs the check results and a verified snapshot: until the
 * background analysis has both, the screen says what it waits for.
 */
import { useState, type FormEvent } from 'react';
import type { ExportOutcome, JobStatus, SessionState } from '../../shared/ipc-types.js';
import { useBridge, useQuery } from '../use-bridge.js';
import { useJob } from '../use-job.js';
import { ErrorNote, PageHeader } from '../components/ui.js';
import { useChecksStatus } from '../checks-state.js';
import { ChecksPendingScreen } from '../components/checks-pending.js';

export function ExportScreen({ session }: { session: SessionState | undefined }) {
  const checks = useChecksStatus();
  if (checks.state !== 'ready') return <ChecksPendingScreen title="Export" status={checks} />;
  return <ExportForm session={session} />;
}

function ExportForm({ session }: { session: SessionState | undefined }) {
  const bridge = useBridge();
  const verifying = session?.snapshot?.integrity.status === 'pending';
  const info = useQuery((b) => b.appInfo({}), []);
  const overview = useQuery((b) => b.checksOverview({}), []);
  const last = useQuery((b) => b.lastExport({}), []);
  const active = session?.activeJob?.kind === 'export' ? session.activeJob : null;
  const [job, setJob, pollError] = useJob(active);
  const [picked, setPicked] = useState<string[] | null>(null);
  const [signer, setSigner] = useState<'self-signed' | 'p12'>('self-signed');
  const [p12, setP12] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [destination, setDestination] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const frameworks = overview.data?.frameworks ?? [];
  const selected = picked ?? frameworks.map((f) => f.framework);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const s: JobStatus = await bridge.exportStart({
        frameworks: selected,
        signer: signer === 'p12' ? { kind: 'p12', path: p12.trim(), passphrase } : { kind: 'self-signed' },
        destination: destination.trim() || undefined,
      });
      setPassphrase('');
      setJob(s);
    } catch (err) {
      setError(err as Error);
    }
  };
  const browse = async () => {
    try {
      const r = await bridge.exportPickDestination({});
      if (r.path) setDestination(r.path);
    } catch (err) {
      setError(err as Error);
    }
  };
  const pack: ExportOutcome | null = job?.pack ?? (job ? null : (last.data ?? null));

  return (
    <>
      <PageHeader
        title="Export"
        subtitle="A signed evidence pack an auditor verifies with stock tools: PDF report, CSVs, OSCAL, signed manifest."
      />
      <form className="card form" onSubmit={submit} aria-labelledby="export-form-title">
        <h2 id="export-form-title">Evidence pack</h2>
        <fieldset className="fieldset">
          <legend>Frameworks</legend>
          {frameworks.length === 0 ? (
            <p className="hint">All checks are included; no framework mapping in this build.</p>
          ) : null}
          <div className="check-grid">
            {frameworks.map((f) => (
              <label key={f.framework} className="inline">
                <input
                  type="checkbox"
                  checked={selected.includes(f.framework)}
                  onChange={(e) =>
                    setPicked(e.target.checked ? [...selected, f.framework] : selected.filter((x) => x !== f.framework))
                  }
                />{' '}
                {f.title}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="fieldset">
          <legend>Signer</legend>
          <label className="inline">
            <input
              type="radio"
              name="signer"
              checked={signer === 'self-signed'}
              onChange={() => setSigner('self-signed')}
            />{' '}
            This computer's signing identity (self-signed)
          </label>
          <label className="inline">
            <input type="radio" name="signer" checked={signer === 'p12'} onChange={() => setSigner('p12')} /> My
            certificate (PKCS#12 file)
          </label>
          {signer === 'p12' ? (
            <div className="form-row">
              <div className="field">
                <label htmlFor="p12-path">Certificate file (.p12 / .pfx)</label>
                <input id="p12-path" value={p12} onChange={(e) => setP12(e.target.value)} required autoComplete="off" />
              </div>
              <div className="field">
                <label htmlFor="p12-pass">Passphrase</label>
                <input
                  id="p12-pass"
                  type="password"
                  value={passphrase}
                  onChange={(e) => setPassphrase(e.target.value)}
                  autoComplete="off"
                />
              </div>
            </div>
          ) : null}
        </fieldset>
        <div className="field">
          <label htmlFor="export-dest">Destination folder</label>
          <div className="input-with-button">
            <input
              id="export-dest"
              value={destination}
              onChange={(e) => setDestination(e.target.value)}
              placeholder={`${info.data?.dataDir ?? ''}/packs/…`}
              autoComplete="off"
            />
            {info.data?.nativeDialogs ? (
              <button type="button" className="btn" onClick={browse}>
                Choose…
              </button>
            ) : null}
          </div>
        </div>
        {verifying ? (
          <p className="note note-info" role="status">
            Verifying the snapshot's integrity… A pack is made only from a snapshot whose content hash matches.
          </p>
        ) : null}
        <ErrorNote error={error ?? pollError ?? overview.error} />
        <button type="submit" className="btn btn-primary" disabled={job?.state === 'running' || verifying}>
          {job?.state === 'running' ? 'Writing the pack…' : 'Export and verify'}
        </button>
      </form>
      {job?.state === 'running' ? (
        <section className="card" aria-live="polite">
          <h2>{job.progress.step}</h2>
          <progress
            aria-label="Export progress"
            max={job.progress.total ?? undefined}
            value={job.progress.total ? job.progress.done : undefined}
          />
        </section>
      ) : null}
      {job?.state === 'failed' ? <p className="note note-error">{job.error}</p> : null}
      {pack ? <PackVerification pack={pack} /> : null}
    </>
  );
}

function PackVerification({ pack }: { pack: ExportOutcome }) {
  return (
    <section className={`card ${pack.verified ? 'card-good' : 'card-bad'}`} aria-labelledby="verify-title">
      <h2 id="verify-title">{pack.verified ? 'Pack written and verified' : 'The pack does not verify'}</h2>
      <dl className="facts">
        <div>
          <dt>Folder</dt>
          <dd className="mono">{pack.packDir}</dd>
        </div>
        {pack.zipPath ? (
          <div>
            <dt>Zip</dt>
            <dd className="mono">{pack.zipPath}</dd>
          </div>
        ) : null}
        <div>
          <dt>Files</dt>
          <dd>{pack.files}</dd>
        </div>
      </dl>
      <ul className="verify-list">
        {pack.verification.map((l, i) => (
          <li key={i} className={l.ok ? 'ok' : 'bad'}>
            <span className="verify-mark" aria-hidden="true">
              {l.ok ? '✓' : '✗'}
            </span>
            <span className="sr-only">{l.ok ? 'OK:' : 'Problem:'}</span> <strong>{l.item}</strong> {l.detail}
          </li>
        ))}
      </ul>
    </section>
  );
}
