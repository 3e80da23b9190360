/**
 * Builds small ASCII strings (GUIDs, hex, ISO timestamps) with String.fromCharCode, so each is one
 * flat string. Template literals and slices would leave ropes and sliced strings that keep their
 * parts alive, which at 200,000 users costs hundreds of megabytes and seconds of garbage collection.
 */
const HEX = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102];
const h = (x: number, shift: number): number => HEX[(x >>> shift) & 15];

/** Four 32-bit words as a GUID string (8-4-4-4-12). */
export function guidText(a: number, b: number, c: number, d: number): string {
  return String.fromCharCode(
    h(a, 28), h(a, 24), h(a, 20), h(a, 16), h(a, 12), h(a, 8), h(a, 4), h(a, 0), 45,
    h(b, 28), h(b, 24), h(b, 20), h(b, 16), 45, h(b, 12), h(b, 8), h(b, 4), h(b, 0), 45,
    h(c, 28), h(c, 24), h(c, 20), h(c, 16), 45, h(c, 12), h(c, 8), h(c, 4), h(c, 0),
    h(d, 28), h(d, 24), h(d, 20), h(d, 16), h(d, 12), h(d, 8), h(d, 4), h(d, 0),
  );
}

/** Hex text of `n` characters from a source of 32-bit words. */
export function hexText(n: number, nextWord: () => number): string {
  const codes: number[] = new Array(n);
  for (let p = 0; p < n; p += 8) {
    const x = nextWord();
    for (let i = 0; i < 8 && p + i < n; i++) codes[p + i] = h(x, 28 - 4 * i);
  }
  return String.fromCharCode(...codes);
}

const dayCache = new Map<number, number[]>();

/** Character codes of 'yyyy-mm-dd' for a day number since the epoch (cached). */
function dayCodes(day: number): number[] {
  let c = dayCache.get(day);
  if (c === undefined) {
    const s = new Date(day * 86_400_000).toISOString();
    c = [];
    for (let i = 0; i < 10; i++) c.push(s.charCodeAt(i));
    dayCache.set(day, c);
  }
  return c;
}

const d0 = (n: number): number => 48 + Math.floor(n / 10);
const d1 = (n: number): number => 48 + (n % 10);

/**
 * ISO 8601 UTC text for a time in milliseconds: whole seconds, or with 7 fractional digits taken
 * from `ticks` (0..9,999,999 hundred-nanosecond units) when `ticks` is given.
 */
export function isoText(ms: number, ticks?: number): string {
  const t = Math.floor(ms / 1000);
  const day = Math.floor(t / 86_400);
  let r = t - day * 86_400;
  const hh = Math.floor(r / 3600);
  r -= hh * 3600;
  const mm = Math.floor(r / 60);
  const ss = r - mm * 60;
  const c = dayCodes(day);
  if (ticks === undefined) {
    return String.fromCharCode(c[0], c[1], c[2], c[3], 45, c[5], c[6], 45, c[8], c[9], 84, d0(hh), d1(hh), 58, d0(mm), d1(mm), 58, d0(ss), d1(ss), 90);
  }
  const f = (div: number): number => 48 + (Math.floor(ticks / div) % 10);
  return String.fromCharCode(
    c[0], c[1], c[2], c[3], 45, c[5], c[6], 45, c[8], c[9], 84, d0(hh), d1(hh), 58, d0(mm), d1(mm), 58, d0(ss), d1(ss), 46,
    f(1_000_000), f(100_000), f(10_000), f(1000), f(100), f(10), f(1), 90,
  );
}
