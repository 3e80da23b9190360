import { isoText } from './flat-text.js';

/** Date helpers: Graph writes UTC ISO 8601 with a trailing Z; sign-ins carry 7 fractional digits. */

export const DAY_MS = 86_400_000;

/** ISO string without milliseconds, as Graph writes most directory timestamps. */
export function isoSeconds(ms: number): string {
  return isoText(ms);
}

/** ISO string with 7 fractional digits from a time in 100-nanosecond ticks since the epoch. */
export function isoTicks(ticks: number): string {
  const seconds = Math.floor(ticks / 10_000_000);
  return isoText(seconds * 1000, ticks - seconds * 10_000_000);
}

/** Date-only ISO (yyyy-mm-dd). */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Graph's "never" value for signInActivity timestamps that have no event. */
export const GRAPH_MIN_DATE = '0001-01-01T00:00:00Z';
