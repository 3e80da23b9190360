/**
 * Connecting to a tenant from the Connect screen: the built-in demo tenant (generator + emulator on
 * loopback), an access token the user pastes, an app registration (secret or certificate), or an
 * interactive sign-in in the system browser. The result keeps the token provider in main; the
 * renderer only ever sees ConnectionInfo (no token, no secret).
 */
import { readFileSync } from 'node:fs';
import type { ChannelParsed } from '../../../shared/ipc.js';
import type { ConnectionInfo } from '../../../shared/ipc-types.js';
import { createAppTokenProvider } from '../../auth/app-registration.js';
import { decodeTokenClaims } from '../../auth/claims.js';
import { CLOUDS, graphBaseUrl, type CloudId } from '../../auth/clouds.js';
import { createInteractiveTokenProvider } from '../../auth/interactive.js';
import { createStaticTokenProvider } from '../../auth/static-token.js';
import type { TokenProvider } from '../../auth/token-provider.js';
import { createGraphReader } from '../../graph/index.js';
import { startEmulator } from '../../demo/emulator/index.js';
import { generateTenant } from '../../demo/generator/index.js';
import type { Host } from './host.js';
import { ServiceError } from './service-error.js';

/** A connection as main keeps it: what collection needs to reach Graph. */
export interface LiveConnection {
  info: ConnectionInfo;
  tokens: TokenProvider;
  graphBaseUrl: string;
  caCertPem?: string;
  /** Speed-up of Graph's clock (1 for Graph; the demo emulator runs faster). */
  timeScale: number;
  clientAppId: string | null;
  /** The demo tenant's HR list of leavers (the offboarding check reads it). */
  terminationsCsv?: string;
  close(): Promise<void>;
}

/** Reads who the token is for and what it grants. */
async function describe(
  tokens: TokenProvider,
  base: { baseUrl: string; caCertPem?: string; timeScale: number },
  mode: ConnectionInfo['mode'],
  cloud: CloudId,
) {
  const claims = decodeTokenClaims(await tokens.getToken());
  const reader = createGraphReader({
    baseUrl: base.baseUrl,
    tokenProvider: tokens,
    caCertPem: base.caCertPem,
    timeScale: base.timeScale,
    maxRetries: 2,
  });
  let tenantName = claims.tid;
  try {
    const org = await reader.get('/organization', { bucket: 'identity', query: { $select: 'id,displayName' } });
    const first = (org.value as { displayName?: string }[] | undefined)?.[0];
    if (first?.displayName) tenantName = first.displayName;
  } catch {
    // Organization.Read.All may be missing: the preflight says so; the tenant id still names it.
  } finally {
    reader.close();
  }
  const info: ConnectionInfo = {
    mode,
    tenantId: claims.tid,
    tenantName,
    cloud,
    signedInAs: claims.upn ?? `app:${claims.appid ?? 'unknown'}`,
    grantedPermissions: [...(claims.roles ?? claims.scp ?? [])].sort(),
    demo: null,
  };
  return { info, clientAppId: claims.appid ?? null };
}

/** The built-in demo tenant: a synthetic tenant served by the Graph emulator on 127.0.0.1. */
export async function connectDemo(input: ChannelParsed<'connectDemo'>, host: Host): Promise<LiveConnection> {
  // "now" is today, so the demo's sign-ins fall inside the collection window the app asks for.
  const generated = generateTenant({
    users: input.users,
    seed: input.seed,
    licence: input.licence,
    now: new Date().toISOString(),
  });
  const tenant = generated.tenant;
  // The emulator runs Graph's clock `timeScale` times faster; the reader paces to the same clock.
  const timeScale = host.demoSpeedup ?? 20;
  const emulator = await startEmulator({ tenant, timeScale });
  const tokens: TokenProvider = {
    getToken: async () => emulator.issueToken({ kind: 'delegated', upn: `consultant@${tenant.primaryDomain}` }),
  };
  const base = { baseUrl: emulator.url, caCertPem: emulator.caCertPem, timeScale };
  try {
    const { info, clientAppId } = await describe(tokens, base, 'demo', 'global');
    return {
      info: { ...info, demo: { users: input.users, seed: input.seed, licence: input.licence } },
      terminationsCsv: generated.terminationsCsv,
      tokens,
      graphBaseUrl: emulator.url,
      caCertPem: emulator.caCertPem,
      timeScale,
      clientAppId,
      close: () => emulator.close(),
    };
  } catch (err) {
    await emulator.close();
    throw err;
  }
}

/** A token the user already holds (pasted; never stored). */
export async function connectAccessToken(input: ChannelParsed<'connectAccessToken'>): Promise<LiveConnection> {
  let tokens;
  try {
    tokens = createStaticTokenProvider(input.accessToken);
  } catch (err) {
    throw new ServiceError('invalid-input', (err as Error).message);
  }
  const cloud = CLOUDS[input.cloud];
  const base = { baseUrl: graphBaseUrl(cloud), timeScale: 1 };
  const { info, clientAppId } = await describe(tokens, base, 'access-token', input.cloud);
  return { info, tokens, graphBaseUrl: base.baseUrl, timeScale: 1, clientAppId, close: async () => {} };
}

/** An app registration with a client secret (optionally remembered through safeStorage) or a certificate file. */
export async function connectAppRegistration(
  input: ChannelParsed<'connectAppRegistration'>,
  host: Host,
): Promise<LiveConnection> {
  const cloud = CLOUDS[input.cloud];
  const cred = input.credential;
  let tokens: TokenProvider;
  if (cred.kind === 'secret') {
    if (cred.remember) {
      if (!host.secrets)
        throw new ServiceError('not-available', 'remembering a secret needs the desktop app (encrypted OS storage)');
      await host.secrets.save(`client-secret:${input.tenant}:${input.clientId}`, cred.secret);
    }
    tokens = createAppTokenProvider({
      cloud,
      tenant: input.tenant,
      clientId: input.clientId,
      clientSecret: cred.secret,
    });
  } else {
    let pem: string;
    try {
      pem = readFileSync(cred.path, 'utf8');
    } catch (err) {
      throw new ServiceError('invalid-input', `cannot read the certificate file: ${(err as Error).message}`);
    }
    tokens = createAppTokenProvider({ cloud, tenant: input.tenant, clientId: input.clientId, certificate: { pem } });
  }
  const base = { baseUrl: graphBaseUrl(cloud), timeScale: 1 };
  const { info, clientAppId } = await describe(
    tokens,
    base,
    cred.kind === 'secret' ? 'secret' : 'certificate',
    input.cloud,
  );
  return { info, tokens, graphBaseUrl: base.baseUrl, timeScale: 1, clientAppId, close: async () => {} };
}

/** Interactive sign-in in the system browser (desktop app only: it opens the browser). */
export async function connectInteractive(
  input: ChannelParsed<'connectInteractive'>,
  host: Host,
): Promise<LiveConnection> {
  if (!host.openExternal)
    throw new ServiceError(
      'not-available',
      'interactive sign-in opens the system browser: use the desktop app, or paste an access token',
    );
  const cloud = CLOUDS[input.cloud];
  const tokens = createInteractiveTokenProvider({
    cloud,
    tenant: input.tenant,
    clientId: input.clientId,
    openBrowser: host.openExternal,
  });
  const base = { baseUrl: graphBaseUrl(cloud), timeScale: 1 };
  const { info, clientAppId } = await describe(tokens, base, 'interactive', input.cloud);
  return { info, tokens, graphBaseUrl: base.baseUrl, timeScale: 1, clientAppId, close: async () => {} };
}
