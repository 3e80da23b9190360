/**
 * The sampling PRNG: a SHA-256 counter, chosen because an auditor can recompute every draw with stock
 * tools (`printf '%s' "<seed>:<k>" | sha256sum`) or three lines of Python, without our software.
 */
import { createHash } from 'node:crypto';

/** The k-th 32-bit word of the stream: the first 4 bytes, big-endian, of SHA-256(UTF-8 "<seed>:<k>"), k = 0, 1, 2, ... */
export function counterWord(seed: string, k: number): number {
  return createHash('sha256').update(`${seed}:${k}`, 'utf8').digest().readUInt32BE(0);
}

/** Draws uniform integers from the SHA-256 counter stream, without modulo bias (rejection sampling). */
export class Sha256Counter {
  private k = 0;

  constructor(readonly seed: string) {}

  /** How many 32-bit words have been consumed (the next k). */
  get consumed(): number {
    return this.k;
  }

  /** Uniform integer in [0, m): words at or above floor(2^32 / m) * m are rejected and the next word is drawn. */
  below(m: number): number {
    if (!Number.isInteger(m) || m < 1 || m > 2 ** 32) throw new RangeError(`cannot draw below ${m}`);
    const limit = Math.floor(2 ** 32 / m) * m;
    for (;;) {
      const r = counterWord(this.seed, this.k++);
      if (r < limit) return r % m;
    }
  }
}
