/**
 * A reproducible auditor's sample: sort the population by id, then a partial Fisher-Yates shuffle
 * driven by the SHA-256 counter. The same population, size and seed always give the same sample,
 * and ALGORITHM says exactly how to redraw it by hand.
 */
import { Sha256Counter } from './sha256-counter.js';

/** One drawn id: its draw order (1-based) and its position in the sorted population (0-based). */
export interface DrawnId {
  draw: number;
  sortedIndex: number;
  id: string;
}

export interface Draw {
  seed: string;
  populationSize: number;
  sampleSize: number;
  algorithm: string;
  picks: DrawnId[];
}

/** The procedure in words, printed with every sample so it can be redrawn without this tool. */
export const ALGORITHM = [
  'sha256-counter-fisher-yates-v1:',
  '1. Sort the population by id in byte order of its UTF-8 encoding (duplicates are not allowed).',
  '2. Word k (k = 0, 1, 2, ...) is the first 4 bytes, read as a big-endian unsigned integer, of SHA-256 of the UTF-8 text "<seed>:<k>".',
  '3. For i = 0 .. n-1 (n = sample size, N = population size): m = N - i; draw the next word r, redrawing while r >= floor(2^32 / m) * m;',
  '   j = i + (r mod m); swap positions i and j.',
  '4. The sample is positions 0 .. n-1, in that order.',
].join('\n');

/** Byte order of UTF-8 strings (what `sort` with LC_ALL=C and Python's sorted() on bytes give). */
export function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Draws `size` ids (all of them when the population is smaller) with the documented algorithm. */
export function drawSample(ids: readonly string[], size: number, seed: string): Draw {
  if (!Number.isInteger(size) || size < 0) throw new RangeError('sample size must be a whole number of at least 0');
  if (seed.length === 0) throw new RangeError('the seed must not be empty');
  const sorted = [...ids].sort(compareUtf8);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1]) throw new RangeError(`the population has the id ${sorted[i]} twice`);
  }
  const order = sorted.map((_, i) => i);
  const n = Math.min(size, sorted.length);
  const rng = new Sha256Counter(seed);
  for (let i = 0; i < n; i++) {
    const j = i + rng.below(sorted.length - i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const picks = order.slice(0, n).map((idx, k) => ({ draw: k + 1, sortedIndex: idx, id: sorted[idx] }));
  return { seed, populationSize: sorted.length, sampleSize: n, algorithm: ALGORITHM, picks };
}
