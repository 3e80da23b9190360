/**
 * Diff: two snapshots of the same tenant compared, each section's changes in words ("excluded group
 * X from policy Y"), and the sections that could not be compared with the reason. Read-only: both
 * files are opened for reading only.
 */
import { useState, type FormEvent } from 'react';
import type { DiffSectionView, DiffView, SessionState } from '../../shared/ipc-types.js';
import { useBridge, useQuery } from '../use-bridge.js';
import { ErrorNote, PageHeader } from '../components/ui.js';

const KIND_LABEL = { added: 'Added', removed: 'Removed', changed: 'Changed' } as const;
const KIND_BADGE = { added: 'badge-read', removed: 'badge-fail', changed: 'badge-partial' } as const;

export function DiffScreen({ session }: { session: SessionState | undefined }) {
  const bridge = useBridge();
  const recent = useQuery((b) => b.snapshotRecent({}), []);
  const [oldPath, setOldPath] = useState('');
  const [newPath, setNewPath] = useState(session?.snapshot?.path ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [diff, setDiff] = useState<DiffView | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      setDiff(await bridge.snapshotDiff({ oldPath: oldPath.trim(), newPath: newPath.trim() }));
    } catch (err) {
      setDiff(null);
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title="Diff"
        subtitle="What changed between two snapshots of the same tenant: admins, MFA, accounts, conditional access, applications and check results."
      />
      <form className="card form" onSubmit={submit} aria-labelledby="diff-form-title">
        <h2 id="diff-form-title">Snapshots to compare</h2>
        <datalist id="diff-recent">
          {(recent.data ?? []).map((r) => (
            <option key={r.path} value={r.path}>{`${r.tenantName} · ${r.collectedAt}`}</option>
          ))}
        </datalist>
        <div className="form-row">
          <div className="field">
            <label htmlFor="diff-old">Older snapshot</label>
            <input id="diff-old" list="diff-recent" value={oldPath} onChange={(e) => setOldPath(e.target.value)}
              required autoComplete="off" placeholder="/path/to/older.sqlite" />
          </div>
          <div className="field">
            <label htmlFor="diff-new">Newer snapshot</label>
            <input id="diff-new" list="diff-recent" value={newPath} onChange={(e) => setNewPath(e.target.value)}
              required autoComplete="off" placeholder="/path/to/newer.sqlite" />
          </div>
        </div>
        <ErrorNote error={error} />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Comparing…' : 'Compare'}
        </button>
      </form>
      {diff ? <DiffResult diff={diff} /> : null}
    </>
  );
}

function DiffResult({ diff }: { diff: DiffView }) {
  return (
    <section aria-label="Changes" aria-live="polite">
      <div className="card">
        <h2>{diff.tenantName}</h2>
        <p>
          {diff.total === 0 ? 'No changes' : `${diff.total} change${diff.total === 1 ? '' : 's'}`} between the
          snapshot collected {diff.old.collectedAt} and the one collected {diff.new.collectedAt}.
        </p>
        {diff.reversed ? (
          <p className="note note-warn" role="status">
            The “older” snapshot was collected after the “newer” one: the changes read backwards.
          </p>
        ) : null}
      </div>
      {diff.sections.map((s) => (
        <DiffSectionCard key={s.section} section={s} />
      ))}
    </section>
  );
}

function DiffSectionCard({ section }: { section: DiffSectionView }) {
  const headingId = `diff-${section.section}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {section.title}{' '}
        <span className="badge">{section.changes.length === 0 && section.notCompared.length ? 'not compared' : section.changes.length}</span>
      </h2>
      {section.notCompared.map((reason) => (
        <p key={reason} className="note note-info">
          Not compared: {reason}.
        </p>
      ))}
      {section.changes.length === 0 && section.notCompared.length === 0 ? <p className="hint">No changes.</p> : null}
      {section.changes.length ? (
        <ul className="diff-list">
          {section.changes.map((c, i) => (
            <li key={`${c.entityId}:${i}`}>
              <span className={`badge ${KIND_BADGE[c.kind]}`}>{KIND_LABEL[c.kind]}</span> {c.description}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
