import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ALGORITHM, drawSample } from '../../main/sampling/draw-sample.js';
import { counterWord, Sha256Counter } from '../../main/sampling/sha256-counter.js';

const ids = Array.from({ length: 500 }, (_, i) => `id-${String(i).padStart(4, '0')}`);

/** The algorithm as an auditor would write it from ALGORITHM's text, in Python with hashlib only. */
const PYTHON_REDRAW = `
import hashlib, sys, json
seed, n = sys.argv[1], int(sys.argv[2])
pop = sorted(json.load(sys.stdin), key=lambda s: s.encode('utf-8'))
order, k = list(range(len(pop))), 0
def word():
    global k
    w = int.from_bytes(hashlib.sha256(f"{seed}:{k}".encode('utf-8')).digest()[:4], 'big'); k += 1; return w
for i in range(min(n, len(pop))):
    m = len(pop) - i
    r = word()
    while r >= (2**32 // m) * m: r = word()
    j = i + r % m
    order[i], order[j] = order[j], order[i]
print(json.dumps([pop[x] for x in order[:min(n, len(pop))]]))
`;

const hasPython = (() => {
  try {
    execFileSync('python3', ['-c', 'import hashlib']);
    return true;
  } catch {
    return false;
  }
})();

/** The algorithm re-written from ALGORITHM's text alone (no code shared with drawSample). */
function redraw(population: string[], n: number, seed: string): string[] {
  const pop = [...population].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const order = pop.map((_, i) => i);
  let k = 0;
  const word = () => createHash('sha256').update(Buffer.from(`${seed}:${k++}`, 'utf8')).digest().readUInt32BE(0);
  for (let i = 0; i < Math.min(n, pop.length); i++) {
    const m = pop.length - i;
    let r = word();
    while (r >= Math.floor(4294967296 / m) * m) r = word();
    const j = i + (r % m);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order.slice(0, Math.min(n, pop.length)).map((x) => pop[x]);
}

describe('SHA-256 counter', () => {
  it('gives the words stock sha256sum gives', () => {
    const hex = execFileSync('sh', ['-c', "printf '%s' 'audit-2026:7' | sha256sum"]).toString().slice(0, 8);
    expect(counterWord('audit-2026', 7)).toBe(parseInt(hex, 16));
  });

  it('draws every value below m about equally often, and never m or more', () => {
    const rng = new Sha256Counter('uniform');
    const counts = [0, 0, 0, 0, 0];
    for (let i = 0; i < 5000; i++) counts[rng.below(5)]++;
    for (const c of counts) expect(c).toBeGreaterThan(850);
    expect(counts.reduce((a, b) => a + b)).toBe(5000);
  });
});

describe('drawSample', () => {
  it('draws the same sample for the same seed, whatever the input order', () => {
    const a = drawSample(ids, 25, '12345');
    const b = drawSample([...ids].reverse(), 25, '12345');
    expect(b).toEqual(a);
    expect(new Set(a.picks.map((p) => p.id)).size).toBe(25);
    expect(a).toMatchObject({ seed: '12345', populationSize: 500, sampleSize: 25, algorithm: ALGORITHM });
    expect(a.picks.every((p) => ids[p.sortedIndex] === p.id)).toBe(true);
    expect(drawSample(ids, 25, '12346').picks).not.toEqual(a.picks);
  });

  it('matches a re-implementation written from the printed algorithm', () => {
    const population = [...ids.slice(0, 40), 'Zürich-ü', 'émile', 'ZZ', 'a'];
    for (const [n, seed] of [[12, 'SOC2-FY26'], [44, '1'], [3, 'ü']] as const) {
      expect(drawSample(population, n, seed).picks.map((p) => p.id)).toEqual(redraw(population, n, seed));
    }
  });

  it.skipIf(!hasPython)('can be redrawn without our software, in Python from the printed algorithm', () => {
    const population = [...ids.slice(0, 40), 'Zürich-ü', 'émile', 'ZZ', 'a'];
    const ours = drawSample(population, 12, 'SOC2-FY26').picks.map((p) => p.id);
    const theirs = JSON.parse(execFileSync('python3', ['-c', PYTHON_REDRAW, 'SOC2-FY26', '12'], { input: JSON.stringify(population) }).toString());
    expect(theirs).toEqual(ours);
  });

  it('takes the whole population when asked for more, nothing for zero, and refuses duplicate ids or an empty seed', () => {
    expect(drawSample(ids.slice(0, 3), 10, 's').picks.map((p) => p.id).sort()).toEqual(ids.slice(0, 3));
    expect(drawSample(ids, 0, 's').picks).toEqual([]);
    expect(() => drawSample(['a', 'b', 'a'], 1, 's')).toThrow(/id a twice/);
    expect(() => drawSample(ids, 1, '')).toThrow(/seed/);
  });
});
