/**
 * `npm run bench`: for each tenant size, an emulator process serves a generated tenant with Graph's
 * limits, then fresh processes run our collection, the naive baseline, the export (checks, CSV, PDF)
 * and the users screen, one after another. Prints one table; --json writes every figure.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { CliError } from '../main/cli/cli-error.js';
import { HELP, parseBenchArgs, timeScaleFor } from './options.js';
import { clock, formatTable } from './report-table.js';
import { runChild, startEmulatorProcess } from './spawn.js';
import type { BenchOptions, BenchReport, CollectResult, ExportResult, NaiveResult, NotBuilt, SizeReport, UsersScreenResult } from './types.js';

/** Measures one tenant size. */
async function measureSize(users: number, o: BenchOptions, say: (line: string) => void): Promise<SizeReport> {
  const dir = join(o.workDir, String(users));
  mkdirSync(dir, { recursive: true });
  const timeScale = timeScaleFor(users, o.timeScale);
  say(`[${users} users] generating the tenant and starting the emulator`);
  const emulator = await startEmulatorProcess({ users, seed: o.seed, signInsPerUserPerDay: o.signInsPerUserPerDay, timeScale, latencyMs: o.latencyMs, dir });
  const { ready } = emulator;
  const lb = ready.lowerBound;
  say(`[${users} users] ${ready.facts.signInsInWindow} sign-ins; lower bound ${lb.requests} requests; floor ${clock(lb.floorGraphSec)} Graph time (${lb.floorBucket}) ≈ ${Math.round(lb.floorGraphSec / timeScale)} s real (time scale ${timeScale})`);
  let measured: Omit<SizeReport, 'emulatorPeakRssBytes'>;
  try {
    const snapshotPath = join(dir, 'snapshot.sqlite');
    say(`[${users} users] collecting`);
    const collect = await runChild<CollectResult | NotBuilt>({ phase: 'collect', job: { emulator: ready, timeScale, snapshotPath } });
    let naive: SizeReport['naive'] = { kind: 'skipped', reason: `above --naive-max-users ${o.naiveMaxUsers}` };
    if (users <= o.naiveMaxUsers) {
      say(`[${users} users] naive baseline`);
      naive = await runChild<NaiveResult | NotBuilt>({ phase: 'naive', job: { emulator: ready, timeScale } });
    }
    const built = collect.kind === 'collect';
    say(`[${users} users] checks and export`);
    const exported: ExportResult | NotBuilt = built
      ? await runChild<ExportResult | NotBuilt>({ phase: 'export', job: { snapshotPath, terminationsCsvPath: ready.terminationsCsvPath, outDir: join(dir, 'export') } })
      : { kind: 'notBuilt', phase: 'export', missing: 'a snapshot (collection not built)' };
    say(`[${users} users] users screen`);
    const usersScreen: UsersScreenResult | NotBuilt = built
      ? await runChild<UsersScreenResult | NotBuilt>({ phase: 'usersScreen', job: { snapshotPath, dataDir: join(dir, 'app') } })
      : { kind: 'notBuilt', phase: 'usersScreen', missing: 'a snapshot (collection not built)' };
    measured = { users, timeScale, facts: ready.facts, lowerBound: lb, collect, naive, export: exported, usersScreen };
  } catch (err) {
    await emulator.close();
    throw err;
  }
  return { ...measured, emulatorPeakRssBytes: await emulator.close() };
}

/** The line above the table: the clock and workload it was measured with. */
export function banner(r: BenchReport): string {
  const o = r.options;
  return `Entra Audit Desktop benchmark, ${r.startedAt}: time scale ${o.timeScale ?? 'users / 1000 (1 to 20)'}, ${o.latencyMs} ms latency per request (Graph time), ${o.signInsPerUserPerDay} sign-ins per active user per weekday, seed ${o.seed}; ${r.machine.cores} × ${r.machine.cpus}, load ${r.machine.loadAverage.start.map((l) => l.toFixed(1)).join('/')} → ${r.machine.loadAverage.end.map((l) => l.toFixed(1)).join('/')}`;
}

/** Measures every size of `o` in turn (snapshots and exports stay in o.workDir). */
export async function runBench(o: BenchOptions, say: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<BenchReport> {
  const { workDir: _w, json: _j, ...shown } = o;
  const report: BenchReport = {
    startedAt: new Date().toISOString(),
    finishedAt: '',
    machine: { cpus: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryBytes: totalmem(), node: process.version, platform: `${process.platform} ${process.arch}`, loadAverage: { start: loadavg(), end: [] } },
    options: shown,
    sizes: [],
  };
  for (const users of o.sizes) {
    report.sizes.push(await measureSize(users, o, say));
    report.sizes.sort((a, b) => a.users - b.users);
    // Each size's figures are kept as soon as they exist, so a later failure loses nothing.
    if (o.json) writeFileSync(o.json, `${JSON.stringify(report, null, 2)}\n`);
  }
  report.finishedAt = new Date().toISOString();
  report.machine.loadAverage.end = loadavg();
  return report;
}

/** `npm run bench`: runs the benchmark and prints the table; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseBenchArgs>;
  try {
    parsed = parseBenchArgs(args);
  } catch (err) {
    if (err instanceof CliError) {
      process.stderr.write(`bench: ${err.message}\n`);
      return err.exitCode;
    }
    throw err;
  }
  if (parsed === 'help') {
    console.log(HELP);
    return 0;
  }
  const { options: o, removeWorkDir } = parsed;
  let report: BenchReport;
  try {
    report = await runBench(o);
  } finally {
    if (removeWorkDir) rmSync(o.workDir, { recursive: true, force: true });
  }
  console.log(banner(report));
  console.log(formatTable(report));
  if (o.json) writeFileSync(o.json, `${JSON.stringify(report, null, 2)}\n`);
  return 0;
}
