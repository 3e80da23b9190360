/** `npm run bench` options. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, stringFlag } from '../main/cli/args.js';
import { CliError, EXIT } from '../main/cli/cli-error.js';
import type { BenchOptions } from './types.js';

export const HELP = `usage: npm run bench -- [options]

Generates synthetic tenants, serves each through the Graph emulator with Graph's published limits and a
per-request latency on a sped-up clock, and measures collection, checks, export and the users screen,
with a naive collector as the baseline. Prints one table; never part of npm test.

options:
  --sizes 1000,20000     tenant sizes in users (default 1000,20000,100000,200000)
  --json <file>          also write every figure as JSON
  --time-scale N         Graph's clock runs N times faster (default: users / 1000, from 1 to 20)
  --latency-ms N         per-request latency in Graph milliseconds (default 80)
  --naive-max-users N    run the naive baseline up to this size, extrapolate above (default 20000)
  --sign-ins-per-day X   interactive sign-ins per active user per weekday (default 0.3)
  --seed N               generator seed (default 1)
  --work-dir <dir>       keep snapshots and exports here (default: a temp folder, removed at the end)
  --help                 this text`;

const SPEC = {
  sizes: { value: true },
  json: { value: true },
  'time-scale': { value: true },
  'latency-ms': { value: true },
  'naive-max-users': { value: true },
  'sign-ins-per-day': { value: true },
  seed: { value: true },
  'work-dir': { value: true },
  help: { value: false },
} as const;

function num(p: ReturnType<typeof parseArgs>, name: string, fallback: number, min: number, max: number): number {
  const v = stringFlag(p, name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) throw new CliError(`--${name} must be a number from ${min} to ${max}`, EXIT.usage);
  return n;
}

/**
 * The default clock for a size: users / 1000, from 1 to 20. A sped-up clock multiplies our CPU time
 * (process start, TLS, SQLite) by the scale in Graph time: at 1k users, where Graph's floor is 8 s,
 * 2 s of CPU at scale 20 would read as 40 Graph seconds. Large tenants need the scale to fit in minutes.
 */
export function timeScaleFor(users: number, given: number | null): number {
  return given ?? Math.min(20, Math.max(1, Math.round(users / 1000)));
}

/** Parsed options plus whether the work folder is ours to remove. */
export function parseBenchArgs(args: string[]): { options: BenchOptions; removeWorkDir: boolean } | 'help' {
  const p = parseArgs(args, SPEC, 0);
  if (p.flags.help) return 'help';
  const sizes = (stringFlag(p, 'sizes') ?? '1000,20000,100000,200000').split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 10 || n > 200_000)) throw new CliError('--sizes takes whole numbers from 10 to 200000, comma-separated', EXIT.usage);
  const given = stringFlag(p, 'work-dir');
  const json = stringFlag(p, 'json');
  return {
    options: {
      sizes,
      timeScale: stringFlag(p, 'time-scale') === undefined ? null : num(p, 'time-scale', 20, 1, 10_000),
      latencyMs: num(p, 'latency-ms', 80, 0, 10_000),
      naiveMaxUsers: num(p, 'naive-max-users', 20_000, 0, 200_000),
      signInsPerUserPerDay: num(p, 'sign-ins-per-day', 0.3, 0, 50),
      seed: num(p, 'seed', 1, 0, 2 ** 31 - 1),
      workDir: given ? resolve(given) : mkdtempSync(join(tmpdir(), 'entra-audit-bench-')),
      ...(json ? { json: resolve(json) } : {}),
    },
    removeWorkDir: !given,
  };
}
