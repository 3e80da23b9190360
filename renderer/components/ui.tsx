/**
 * Small building blocks every screen uses: notes for errors and loading, status badges, a pager,
 * a page header. Text always goes through React (escaped): tenant data can hold HTML or script.
 */
import type { ReactNode } from 'react';
import type { Outcome, Severity } from '../../shared/results.js';
import { BridgeError } from '../bridge/index.js';
import { fmtNumber } from './format.js';

export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="page-header">
      <div>
        <h1 tabIndex={-1} id="page-title">
          {title}
        </h1>
        {subtitle ? <p className="subtitle">{subtitle}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </header>
  );
}

/** An error from the bridge, in words; "not available" is shown calmly, not as a failure. */
export function ErrorNote({ error }: { error: Error | null }) {
  if (!error) return null;
  const gentle = error instanceof BridgeError && (error.code === 'not-available' || error.code === 'read-only');
  return (
    <div className={gentle ? 'note note-info' : 'note note-error'} role={gentle ? 'status' : 'alert'}>
      {error.message}
    </div>
  );
}

export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p className="loading" role="status">
      {what}…
    </p>
  );
}

const OUTCOME_LABEL: Record<Outcome, string> = {
  pass: 'Pass',
  fail: 'Fail',
  'not-applicable': 'Not applicable',
  'not-assessed': 'Not assessed',
  exception: 'Exception',
  external: 'External IdP',
};

export function OutcomeBadge({ outcome }: { outcome: Outcome | 'partial' }) {
  return <span className={`badge badge-${outcome}`}>{outcome === 'partial' ? 'Partial' : OUTCOME_LABEL[outcome]}</span>;
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`badge sev sev-${severity.toLowerCase()}`}>{severity}</span>;
}

export function Pager({
  offset,
  limit,
  total,
  onChange,
  label,
}: {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
  label: string;
}) {
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(total, offset + limit);
  return (
    <nav className="pager" aria-label={`${label} pages`}>
      <span aria-live="polite">
        {fmtNumber(from)}–{fmtNumber(to)} of {fmtNumber(total)}
      </span>
      <button
        type="button"
        className="btn btn-quiet"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - limit))}
      >
        Previous
      </button>
      <button type="button" className="btn btn-quiet" disabled={to >= total} onClick={() => onChange(offset + limit)}>
        Next
      </button>
    </nav>
  );
}

export function Stat({
  label,
  value,
  tone,
}: {
  label: string;
  value: ReactNode;
  tone?: 'good' | 'bad' | 'warn' | 'neutral';
}) {
  return (
    <div className={`stat stat-${tone ?? 'neutral'}`}>
      <div className="stat-value">{value}</div>
      <div className="stat-label">{label}</div>
    </div>
  );
}
