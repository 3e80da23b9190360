/**
 * `entra-audit emulator`: generate a synthetic tenant and serve it as Microsoft Graph on 127.0.0.1
 * until SIGINT/SIGTERM. Prints the URL, the certificate to trust and an access token, one per line,
 * in a form scripts grep (see ../shared/contract-smoke.sh).
 */
import { DATASETS, type LicenceTier } from '../../../shared/datasets.js';
import { generateTenant } from '../../demo/generator/index.js';
import { startEmulator } from '../../demo/emulator/index.js';
import { intFlag, parseArgs, stringFlag } from '../args.js';
import { CliError, EXIT } from '../cli-error.js';

const HELP = `usage: entra-audit emulator [options]

Serves a synthetic tenant as Microsoft Graph v1.0 over HTTPS on 127.0.0.1 until stopped (Ctrl+C).

options:
  --users N             users in the tenant, 10 to 200000 (default 200)
  --seed S              generator seed: same seed, same tenant (default 1)
  --licence TIER        free, p1 or p2 (default p2)
  --permissions A,B     permissions the printed token carries (default: every permission the audit reads)
  --port P              port to listen on (default: a free port)
  --time-scale X        divide Graph's throttling windows by X (default 1 = real time)
  --no-throttling       switch Graph's throttling off
  --help                this text

Clients trust the printed certificate (e.g. NODE_EXTRA_CA_CERTS=<path>) and send the printed token.
Retry-After on a 429 is in Graph seconds: a client running at --time-scale X waits Retry-After / X.`;

const SPEC = {
  users: { value: true },
  seed: { value: true },
  licence: { value: true },
  permissions: { value: true },
  port: { value: true },
  'time-scale': { value: true },
  'no-throttling': { value: false },
  help: { value: false },
} as const;

const KNOWN_PERMISSIONS = new Set(DATASETS.flatMap((d) => d.permissions).concat(['Directory.Read.All', 'UserAuthenticationMethod.Read.All']));

export async function run(args: string[]): Promise<number> {
  const p = parseArgs(args, SPEC, 0);
  if (p.flags.help) {
    console.log(HELP);
    return EXIT.ok;
  }
  const users = intFlag(p, 'users', 10, 200_000) ?? 200;
  const seed = intFlag(p, 'seed', 0, 2 ** 31 - 1) ?? 1;
  const port = intFlag(p, 'port', 0, 65_535) ?? 0;
  const licence = (stringFlag(p, 'licence') ?? 'p2') as LicenceTier;
  if (!['free', 'p1', 'p2'].includes(licence)) throw new CliError('--licence must be free, p1 or p2', EXIT.usage);
  const scaleText = stringFlag(p, 'time-scale');
  const timeScale = scaleText === undefined ? 1 : Number(scaleText);
  if (!(timeScale > 0) || !Number.isFinite(timeScale)) throw new CliError('--time-scale must be a number greater than 0', EXIT.usage);
  const permissionsText = stringFlag(p, 'permissions');
  const roles = permissionsText?.split(',').map((s) => s.trim()).filter(Boolean);
  for (const r of roles ?? []) {
    if (!KNOWN_PERMISSIONS.has(r)) console.error(`entra-audit emulator: note: ${r} is not a permission the audit reads; it is put in the token as given`);
  }

  const { tenant } = generateTenant({ users, seed, licence });
  const emulator = await startEmulator({ tenant, port, timeScale, throttling: !p.flags['no-throttling'] });
  const token = emulator.issueToken({ kind: 'app', roles, expiresInSec: 24 * 3600 });
  console.log(`Graph emulator listening at ${emulator.url}`);
  console.log(`Trust this certificate: ${emulator.caCertPath}`);
  console.log(`Access token: ${token}`);
  console.log(`Tenant: ${tenant.displayName} (${tenant.tenantId}), ${users} users, licence ${licence}. Press Ctrl+C to stop.`);

  await new Promise<void>((resolve) => {
    // A script that started us in a subshell and kills only the subshell leaves us orphaned
    // (re-parented): stop then too, rather than serve a tenant nobody can stop.
    const parent = process.ppid;
    const orphanWatch = setInterval(() => process.ppid !== parent && stop(), 1000);
    orphanWatch.unref();
    const stop = () => {
      clearInterval(orphanWatch);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await emulator.close();
  return EXIT.ok;
}
