/**
 * `entra-audit demo`: generate a synthetic tenant, serve it as Microsoft Graph on loopback (HTTPS,
 * in-process), and collect it through the real Graph reader into <out>/snapshot.sqlite. The run is
 * a list of steps over one context, so a later step (checks, export) is one more line in STEPS.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LicenceTier } from '../../../shared/datasets.js';
import { createStaticTokenProvider } from '../../auth/static-token.js';
import { SIGN_IN_PERMISSIONS } from '../../auth/permissions.js';
import { startEmulator, type Emulator } from '../../demo/emulator/index.js';
import { generateTenant, type GeneratedTenant } from '../../demo/generator/index.js';
import { createGraphReader, type ClosableGraphReader } from '../../graph/reader.js';
import { openSnapshot } from '../../store/snapshot-reader.js';
import { checkSnapshot } from '../../checks/check-snapshot.js';
import { parseTerminationsCsv } from '../../checks/terminations-csv.js';
import type { TerminationRecord } from '../../checks/types.js';
import { formatCheckReport } from './check-report.js';
import { exportSnapshot, loadSigner } from './export.js';
import { intFlag, parseArgs, stringFlag } from '../args.js';
import { CliError, EXIT } from '../cli-error.js';
import { appVersion } from './app-version.js';
import { collectToFile, formatCoverage, sessionExit, type SessionResult } from './collect-session.js';

const HELP = `usage: entra-audit demo [options]

Generates a synthetic tenant, serves it as Microsoft Graph on 127.0.0.1 (HTTPS), collects it through
the real Graph client into <out>/snapshot.sqlite, runs every check (with the tenant's HR leavers file,
<out>/terminations.csv), and writes a signed evidence pack to <out>/pack (and <out>/pack.zip), verified.

options:
  --users N         users in the tenant, 10 to 200000 (default 500)
  --out <dir>       output folder (default ./entra-audit-demo); an earlier demo snapshot there is replaced
  --licence TIER    free, p1 or p2 (default p2)
  --seed S          generator seed: same seed, same tenant (default 1)
  --help            this text`;

const SPEC = {
  users: { value: true },
  out: { value: true },
  licence: { value: true },
  seed: { value: true },
  help: { value: false },
} as const;

/** Graph's throttling windows run this much faster in the demo (emulator and reader agree). */
const DEMO_TIME_SCALE = 100;

/** What the steps share; each step fills in what later ones need. */
export interface DemoContext {
  users: number;
  seed: number;
  licence: LicenceTier;
  dir: string;
  snapshotPath: string;
  generated?: GeneratedTenant;
  emulator?: Emulator;
  graph?: ClosableGraphReader;
  collection?: SessionResult;
  terminations?: TerminationRecord[];
  /** The exit code so far (steps may raise it). */
  exitCode: number;
}

type Step = (ctx: DemoContext) => Promise<void>;

const say = (line: string) => process.stderr.write(`${line}\n`);

/** Removes an earlier demo snapshot (only one the demo made) so the run starts fresh. */
const prepareFolder: Step = async (ctx) => {
  mkdirSync(ctx.dir, { recursive: true });
  if (!existsSync(ctx.snapshotPath)) return;
  let demoMade = false;
  try {
    const r = openSnapshot(ctx.snapshotPath);
    demoMade = r.meta().authMode === 'demo';
    r.close();
  } catch {
    demoMade = false;
  }
  if (!demoMade)
    throw new CliError(`${ctx.snapshotPath} exists and is not a demo snapshot; choose another --out`, EXIT.usage);
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(ctx.snapshotPath + suffix, { force: true });
  rmSync(join(ctx.dir, 'pack'), { recursive: true, force: true });
  rmSync(join(ctx.dir, 'pack.zip'), { force: true });
};

const generate: Step = async (ctx) => {
  ctx.generated = generateTenant({ users: ctx.users, seed: ctx.seed, licence: ctx.licence });
  const t = ctx.generated.tenant;
  say(`Generated ${t.displayName} (${t.primaryDomain}): ${t.users.length} users, licence ${t.licence}.`);
};

const serve: Step = async (ctx) => {
  ctx.emulator = await startEmulator({ tenant: ctx.generated!.tenant, timeScale: DEMO_TIME_SCALE });
  const token = ctx.emulator.issueToken({ roles: [...SIGN_IN_PERMISSIONS] });
  ctx.graph = createGraphReader({
    baseUrl: ctx.emulator.url,
    caCertPem: ctx.emulator.caCertPem,
    tokenProvider: createStaticTokenProvider(token),
    timeScale: DEMO_TIME_SCALE,
  });
  say(`Microsoft Graph emulator listening on ${ctx.emulator.url}.`);
};

const collect: Step = async (ctx) => {
  const tenant = ctx.generated!.tenant;
  ctx.collection = await collectToFile({
    graph: ctx.graph!,
    out: ctx.snapshotPath,
    resume: false,
    signInDays: 30,
    signInUntil: tenant.now,
    meta: {
      snapshotId: randomUUID(),
      appVersion: appVersion(),
      tenantId: tenant.tenantId,
      tenantName: tenant.displayName,
      primaryDomain: tenant.primaryDomain,
      cloud: 'custom',
      graphBaseUrl: ctx.emulator!.url,
      authMode: 'demo',
      collectedBy: 'demo',
      clientAppId: null,
      grantedPermissions: [...SIGN_IN_PERMISSIONS],
      licence: tenant.licence,
      collectionStartedAt: new Date().toISOString(),
      signInDays: 30,
    },
  });
  say(`\n${formatCoverage(ctx.collection.report)}`);
  ctx.exitCode = Math.max(ctx.exitCode, sessionExit(ctx.collection));
  console.log(`Snapshot: ${ctx.snapshotPath}`);
  console.log(`Content hash (SHA-256): ${ctx.collection.contentHash}`);
};

/** Runs every check, with the generator's HR leavers file as the terminations list, and stores the results. */
const check: Step = async (ctx) => {
  const csvPath = join(ctx.dir, 'terminations.csv');
  writeFileSync(csvPath, ctx.generated!.terminationsCsv);
  ctx.terminations = parseTerminationsCsv(ctx.generated!.terminationsCsv);
  const { run, meta, settings, storeError } = checkSnapshot(ctx.snapshotPath, { terminations: ctx.terminations });
  console.log(`\n${formatCheckReport(run, meta.tenantName, settings.now)}`);
  if (storeError) say(`Check results were not stored in the snapshot: ${storeError}`);
  console.log(`Terminated-employees list used: ${csvPath}`);
};

/** Writes the signed evidence pack (folder and zip) and verifies it, as an auditor would. */
const exportAndVerify: Step = async (ctx) => {
  await exportSnapshot({
    snapshotPath: ctx.snapshotPath,
    out: join(ctx.dir, 'pack'),
    signer: await loadSigner(undefined, undefined, undefined),
    terminations: ctx.terminations,
  });
  console.log(`Verify it yourself: entra-audit verify ${join(ctx.dir, 'pack')}   (or: cd ${join(ctx.dir, 'pack')} && sh VERIFY.txt)`);
};

/** The demo, in order. Add a step here to extend it. */
export const STEPS: Step[] = [prepareFolder, generate, serve, collect, check, exportAndVerify];

export async function run(args: string[]): Promise<number> {
  const p = parseArgs(args, SPEC, 0);
  if (p.flags.help) {
    console.log(HELP);
    return EXIT.ok;
  }
  const licence = stringFlag(p, 'licence') ?? 'p2';
  if (licence !== 'free' && licence !== 'p1' && licence !== 'p2')
    throw new CliError('--licence must be free, p1 or p2', EXIT.usage);
  const dir = resolve(stringFlag(p, 'out') ?? 'entra-audit-demo');
  const ctx: DemoContext = {
    users: intFlag(p, 'users', 10, 200_000) ?? 500,
    seed: intFlag(p, 'seed', 0, 2 ** 31 - 1) ?? 1,
    licence,
    dir,
    snapshotPath: join(dir, 'snapshot.sqlite'),
    exitCode: EXIT.ok,
  };
  try {
    for (const step of STEPS) await step(ctx);
  } finally {
    ctx.graph?.close();
    await ctx.emulator?.close();
  }
  return ctx.exitCode;
}
