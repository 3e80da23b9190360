/**
 * Charts as inline SVG (no chart library, nothing the CSP has to allow): a donut of outcomes and
 * horizontal stacked bars. Each chart has a text alternative; the numbers are also in tables nearby.
 */
export interface Slice {
  label: string;
  value: number;
  className: string;
}

/** A donut with a legend; `title` is the accessible name. */
export function Donut({ slices, title, center }: { slices: Slice[]; title: string; center: string }) {
  const total = slices.reduce((s, x) => s + x.value, 0);
  const r = 52;
  const c = 2 * Math.PI * r;
  let offset = 0;
  const desc = slices.map((s) => `${s.label}: ${s.value}`).join(', ');
  return (
    <figure className="chart donut">
      <svg viewBox="0 0 140 140" width="140" height="140" role="img" aria-label={`${title}. ${desc}`}>
        <circle cx="70" cy="70" r={r} className="donut-track" />
        {total > 0 &&
          slices
            .filter((s) => s.value > 0)
            .map((s) => {
              const len = (s.value / total) * c;
              const el = (
                <circle
                  key={s.label}
                  cx="70"
                  cy="70"
                  r={r}
                  className={`donut-slice ${s.className}`}
                  strokeDasharray={`${len} ${c - len}`}
                  strokeDashoffset={-offset}
                  transform="rotate(-90 70 70)"
                />
              );
              offset += len;
              return el;
            })}
        <text x="70" y="66" textAnchor="middle" className="donut-center">
          {center}
        </text>
        <text x="70" y="84" textAnchor="middle" className="donut-sub">
          {title}
        </text>
      </svg>
      <figcaption>
        <ul className="legend">
          {slices.map((s) => (
            <li key={s.label}>
              <span className={`swatch ${s.className}`} aria-hidden="true" />
              {s.label} <strong>{s.value.toLocaleString('en-US')}</strong>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/** One horizontal stacked bar per row (e.g. per framework: pass / fail / not assessed). */
export function StackedBars({
  rows,
  title,
}: {
  rows: { label: string; title?: string; parts: Slice[] }[];
  title: string;
}) {
  const width = 320;
  return (
    <figure className="chart bars">
      <figcaption className="sr-only">{title}</figcaption>
      <ul className="bar-list">
        {rows.map((row) => {
          const total = row.parts.reduce((s, p) => s + p.value, 0) || 1;
          let x = 0;
          return (
            <li key={row.label} className="bar-row">
              <span className="bar-label" title={row.title}>
                {row.label}
              </span>
              <svg
                viewBox={`0 0 ${width} 14`}
                width="100%"
                height="14"
                preserveAspectRatio="none"
                role="img"
                aria-label={`${row.title ?? row.label}: ${row.parts.map((p) => `${p.label} ${p.value}`).join(', ')}`}
              >
                <rect x="0" y="0" width={width} height="14" rx="3" className="bar-track" />
                {row.parts.map((p) => {
                  const w = (p.value / total) * width;
                  const el =
                    p.value > 0 ? (
                      <rect key={p.label} x={x} y="0" width={w} height="14" className={`bar-part ${p.className}`} />
                    ) : null;
                  x += w;
                  return el;
                })}
              </svg>
              <span className="bar-numbers">{row.parts.map((p) => p.value).join(' / ')}</span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
