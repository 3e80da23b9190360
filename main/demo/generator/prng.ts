/**
 * Small seeded pseudo-random tools. The generator must give the same tenant for the same seed on every
 * machine, so nothing here touches Math.random or the clock.
 */
import { guidText, hexText } from './flat-text.js';

const mix = (h: number, p: number): number => {
  let x = Math.imul(h ^ (p | 0), 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
};

/** Mixes up to five integers into one 32-bit hash (murmur3 finaliser style); for stateless per-item draws. */
export function hash32(a: number, b = 0, c = 0, d = 0, e = 0): number {
  return mix(mix(mix(mix(mix(0x9e3779b9, a), b), c), d), e) >>> 0;
}

/** Cumulative weight tables, computed once per weight record. */
const tables = new WeakMap<object, { keys: string[]; cumulative: number[]; total: number }>();

/** A sequential PRNG (sfc32) with the helpers the generator needs. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    this.a = hash32(seed, stream, 1);
    this.b = hash32(seed, stream, 2);
    this.c = hash32(seed, stream, 3);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** Next unsigned 32-bit integer. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [lo, hi] inclusive. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** One key of a weight table, drawn in proportion to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    let table = tables.get(weights);
    if (!table) {
      const keys = Object.keys(weights);
      let total = 0;
      const cumulative = keys.map((k) => (total += (weights as Record<string, number>)[k]));
      table = { keys, cumulative, total };
      tables.set(weights, table);
    }
    const r = this.next() * table.total;
    const c = table.cumulative;
    for (let i = 0; i < c.length; i++) if (r < c[i]) return table.keys[i] as K;
    return table.keys[c.length - 1] as K;
  }

  /** A random GUID-formatted string (version 4 layout). */
  guid(): string {
    return guidFrom(this.u32(), this.u32(), this.u32(), this.u32());
  }

  /** A hex string of `n` characters (n <= 64). */
  hex(n: number): string {
    return hexText(n, () => this.u32());
  }
}

/** Formats four 32-bit words as a version-4 GUID. */
export function guidFrom(w0: number, w1: number, w2: number, w3: number): string {
  return guidText(w0, (w1 & 0xffff0fff) | 0x00004000, (w2 & 0x3fffffff) | 0x80000000, w3);
}
