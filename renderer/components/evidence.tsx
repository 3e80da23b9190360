/** A check result's evidence as a compact key/value list (values as text, never as HTML). */
import type { Evidence } from '../../shared/results.js';

export function EvidenceList({ evidence }: { evidence: Evidence }) {
  const entries = Object.entries(evidence);
  if (!entries.length) return null;
  return (
    <dl className="evidence">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v === null || v === '' ? '—' : String(v)}</dd>
        </div>
      ))}
    </dl>
  );
}
