/**
 * `entra-audit collect`: sign in, show the preflight table, collect every dataset the permissions and
 * licence allow into one snapshot file (resumable), and exit 0 only when all of them were collected.
 * Tokens and secrets come from the sign-in flow or environment variables, never from arguments, and
 * are never printed or stored.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  createAppTokenProvider,
  createInteractiveTokenProvider,
  createStaticTokenProvider,
  cliTokenCachePlugin,
  openSystemBrowser,
  readTokenFromEnv,
} from '../../auth/index.js';
import { decodeTokenClaims, type TokenClaims } from '../../auth/claims.js';
import { cloudById, graphBaseUrl, type Cloud } from '../../auth/clouds.js';
import { formatPreflight, runPreflight } from '../../auth/preflight.js';
import type { TokenProvider } from '../../auth/token-provider.js';
import { createGraphReader } from '../../graph/reader.js';
import { explain } from '../../graph/error-explanations.js';
import type { AuthMode } from '../../../shared/snapshot.js';
import { intFlag, parseArgs, stringFlag, type ParsedArgs } from '../args.js';
import { CliError, EXIT } from '../cli-error.js';
import { appVersion } from './app-version.js';
import { collectToFile, formatCoverage, sessionExit } from './collect-session.js';

const HELP = `usage: entra-audit collect --out <snapshot.sqlite> [options] <sign-in>

Collects the tenant read-only through Microsoft Graph into one SQLite snapshot.

sign-in (exactly one):
  --interactive                 sign in in the system browser (delegated; MFA prompts work)
  --client-id <id> --certificate <pem-file>
                                app registration with a certificate (private key + certificate PEM)
  --client-id <id> --client-secret-env <VAR>
                                app registration with the client secret read from environment variable VAR
  --access-token-env <VAR>      a Graph access token you already have, from environment variable VAR
                                (e.g. VAR=$(az account get-access-token --resource-type ms-graph --query accessToken -o tsv))

options:
  --out <file>                  the snapshot to write (refuses to overwrite; see --resume)
  --resume                      continue an interrupted collection in --out from its last saved page
  --tenant <id|domain>          the tenant (required for app sign-in)
  --cloud <name>                global (default), usgov, usgovdod or china
  --sign-ins-days <N>           days of sign-in logs to collect, 1 to 30 (default 30)
  --sign-ins-until <ISO time>   end of the sign-in window (default: now)
  --graph-url <url>             another Graph endpoint (e.g. the emulator)
  --ca-cert <pem-file>          trust this CA for --graph-url (NODE_EXTRA_CA_CERTS works too)
  --time-scale <X>              with the emulator only: its Graph clock runs X times faster, so pace
                                requests and Retry-After waits X times faster too (default 1)
  --help                        this text

exit codes: 0 everything the permissions and licence allow was collected; 2 usage; 3 bad input;
4 incomplete (the message says which datasets and why; continue with --resume); 5 sign-in or Graph refused.`;

const SPEC = {
  out: { value: true },
  resume: { value: false },
  tenant: { value: true },
  cloud: { value: true },
  'sign-ins-days': { value: true },
  'sign-ins-until': { value: true },
  interactive: { value: false },
  'client-id': { value: true },
  certificate: { value: true },
  'client-secret-env': { value: true },
  'access-token-env': { value: true },
  'graph-url': { value: true },
  'ca-cert': { value: true },
  'time-scale': { value: true },
  help: { value: false },
} as const;

interface SignIn {
  provider: TokenProvider;
  mode: AuthMode;
}

function readFile(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${what} ${path}: ${(err as Error).message}`, EXIT.badInput);
  }
}

function signIn(p: ParsedArgs, cloud: Cloud, caCertPem: string | undefined): SignIn {
  const modes = [
    p.flags.interactive === true,
    stringFlag(p, 'client-id') !== undefined,
    stringFlag(p, 'access-token-env') !== undefined,
  ].filter(Boolean).length;
  if (modes !== 1)
    throw new CliError(
      'choose exactly one sign-in: --interactive, --client-id (with --certificate or --client-secret-env), or --access-token-env',
      EXIT.usage,
    );
  const tenant = stringFlag(p, 'tenant');
  const tokenEnv = stringFlag(p, 'access-token-env');
  if (tokenEnv) {
    let token: string;
    try {
      token = readTokenFromEnv(tokenEnv);
    } catch (err) {
      throw new CliError((err as Error).message, EXIT.usage);
    }
    return {
      provider: createStaticTokenProvider(token, (line) => process.stderr.write(`warning: ${line}\n`)),
      mode: 'access-token',
    };
  }
  const clientId = stringFlag(p, 'client-id');
  if (clientId) {
    const certificate = stringFlag(p, 'certificate');
    const secretEnv = stringFlag(p, 'client-secret-env');
    if (!certificate === !secretEnv)
      throw new CliError('with --client-id give exactly one of --certificate or --client-secret-env', EXIT.usage);
    if (!tenant) throw new CliError('app sign-in needs --tenant <id or domain>', EXIT.usage);
    let clientSecret: string | undefined;
    if (secretEnv) {
      clientSecret = process.env[secretEnv]?.trim();
      if (!clientSecret) throw new CliError(`environment variable ${secretEnv} is not set or empty`, EXIT.usage);
    }
    const provider = createAppTokenProvider({
      cloud,
      tenant,
      clientId,
      ...(certificate ? { certificate: { pem: readFile(certificate, 'certificate') } } : { clientSecret }),
      ...(caCertPem ? { caCertPem } : {}),
    });
    return { provider, mode: certificate ? 'certificate' : 'secret' };
  }
  const provider = createInteractiveTokenProvider({
    cloud,
    tenant,
    openBrowser: async (url) => {
      process.stderr.write(`Opening the browser to sign in. If it does not open, visit:\n${url}\n`);
      await openSystemBrowser(url).catch((e: Error) => process.stderr.write(`${e.message}\n`));
    },
    cachePlugin: cliTokenCachePlugin(),
  });
  return { provider, mode: 'interactive' };
}

async function firstClaims(provider: TokenProvider, ctx: { tenant?: string; clientId?: string }): Promise<TokenClaims> {
  try {
    return decodeTokenClaims(await provider.getToken());
  } catch (err) {
    throw new CliError(`sign-in failed: ${explain(err, ctx)}`, EXIT.graph);
  }
}

export async function run(args: string[]): Promise<number> {
  const p = parseArgs(args, SPEC, 0);
  if (p.flags.help) {
    console.log(HELP);
    return EXIT.ok;
  }
  const out = stringFlag(p, 'out');
  if (!out) throw new CliError('--out <snapshot.sqlite> is required', EXIT.usage);
  let cloud: Cloud;
  try {
    cloud = cloudById(stringFlag(p, 'cloud') ?? 'global');
  } catch (err) {
    throw new CliError((err as Error).message, EXIT.usage);
  }
  const days = intFlag(p, 'sign-ins-days', 1, 30) ?? 30;
  const until = stringFlag(p, 'sign-ins-until');
  if (until !== undefined && Number.isNaN(Date.parse(until)))
    throw new CliError('--sign-ins-until must be an ISO date and time', EXIT.usage);
  const caPath = stringFlag(p, 'ca-cert');
  const caCertPem = caPath ? readFile(caPath, 'CA certificate') : undefined;
  const graphUrl = stringFlag(p, 'graph-url');
  const timeScale = Number(stringFlag(p, 'time-scale') ?? '1');
  if (!(timeScale > 0)) throw new CliError('--time-scale must be a number greater than 0', EXIT.usage);
  if (timeScale !== 1 && !graphUrl)
    throw new CliError('--time-scale is for the emulator: use it with --graph-url', EXIT.usage);

  const { provider, mode } = signIn(p, cloud, caCertPem);
  const explainContext = {
    tenant: stringFlag(p, 'tenant'),
    clientId: stringFlag(p, 'client-id'),
    loginHost: cloud.loginHost,
  };
  const claims = await firstClaims(provider, explainContext);
  const baseUrl = graphBaseUrl(cloud, graphUrl);
  const graph = createGraphReader({
    baseUrl,
    tokenProvider: provider,
    ...(caCertPem ? { caCertPem } : {}),
    logger: (line) => process.stderr.write(`${line}\n`),
  });
  try {
    try {
      console.log(formatPreflight(await runPreflight(graph, claims, cloud)));
    } catch (err) {
      process.stderr.write(`preflight could not run: ${explain(err, explainContext)}\n`);
    }
    const result = await collectToFile({
      graph,
      out,
      resume: p.flags.resume === true,
      signInDays: days,
      signInUntil: until,
      explainContext: {
        ...explainContext,
        tenant: explainContext.tenant ?? claims.tid,
        clientId: explainContext.clientId ?? claims.appid,
      },
      meta: {
        snapshotId: randomUUID(),
        appVersion: appVersion(),
        tenantId: claims.tid,
        tenantName: '',
        primaryDomain: '',
        cloud: graphUrl ? 'custom' : cloud.id,
        graphBaseUrl: baseUrl,
        authMode: mode,
        collectedBy: claims.upn ?? `app:${claims.appid ?? 'unknown'}`,
        clientAppId: claims.appid ?? null,
        grantedPermissions: [...(claims.roles ?? claims.scp ?? [])].sort(),
        licence: 'free',
        collectionStartedAt: new Date().toISOString(),
        signInDays: days,
      },
    });
    console.log(
      `\n${formatCoverage(result.report)}\n\nSnapshot: ${result.path}\nContent hash (SHA-256): ${result.contentHash}`,
    );
    return sessionExit(result);
  } finally {
    graph.close();
  }
}
