/** Date helpers: Graph writes UTC ISO 8601 with a trailing Z; sign-ins carry 7 fractional digits. */

export const DAY_MS = 86_400_000;

const dayCache = new Map<number, string>();
const two = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** 'yyyy-mm-ddT' for a day number since the epoch (cached: generation formats millions of dates). */
function dayPrefix(day: number): string {
  let s = dayCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 11);
    dayCache.set(day, s);
  }
  return s;
}

/** ISO string without milliseconds, as Graph writes most directory timestamps. */
export function isoSeconds(ms: number): string {
  const t = Math.floor(ms / 1000);
  const day = Math.floor(t / 86_400);
  let r = t - day * 86_400;
  const h = Math.floor(r / 3600);
  r -= h * 3600;
  const m = Math.floor(r / 60);
  return `${dayPrefix(day)}${two(h)}:${two(m)}:${two(r - m * 60)}Z`;
}

/** ISO string with 7 fractional digits from a time in 100-nanosecond ticks since the epoch. */
export function isoTicks(ticks: number): string {
  const ms = Math.floor(ticks / 10_000);
  const rest = ticks - ms * 10_000;
  return new Date(ms).toISOString().slice(0, 23) + String(rest).padStart(4, '0') + 'Z';
}

/** Date-only ISO (yyyy-mm-dd). */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Graph's "never" value for signInActivity timestamps that have no event. */
export const GRAPH_MIN_DATE = '0001-01-01T00:00:00Z';
