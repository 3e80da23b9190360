/**
 * The Microsoft Graph emulator: serves a TenantData as Graph v1.0 over HTTPS on 127.0.0.1, with
 * Graph's shapes, OData options, permissions, licences, throttling and failures, so a collector that
 * works here works against the real service. Used by the demo, the tests and the benchmarks.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REQUIRED_PERMISSIONS } from '../../../shared/datasets.js';
import type { TenantData } from '../tenant.js';
import { FaultQueue, type FaultSpec } from './faults.js';
import { GraphHandler } from './graph-handler.js';
import { handleRequest, type LogEntry, type ServerDeps } from './server.js';
import { TenantIndex } from './tenant-index.js';
import { Throttle } from './throttle.js';
import { createTlsIdentity } from './tls.js';
import { TokenAuthority } from './token.js';

export interface EmulatorOptions {
  tenant: TenantData;
  /** 0 or undefined = a random free port. */
  port?: number;
  /**
   * Graph's time windows are divided by this; 1 = real time (default). Retry-After stays in Graph
   * seconds (a whole number, at least 1): a client running at the same scale waits Retry-After / timeScale
   * (x-emulator-retry-after-ms gives the exact real wait).
   */
  timeScale?: number;
  /** Default true. */
  throttling?: boolean;
  /** Added to every request, default 0. */
  latencyMs?: number;
  /** Most access-log entries kept (oldest dropped first); default 100,000. */
  accessLogLimit?: number;
}

export interface IssueTokenOptions {
  kind?: 'app' | 'delegated';
  roles?: string[];
  scp?: string[];
  upn?: string;
  appId?: string;
  expiresInSec?: number;
}

/** One request as the emulator saw it (requests inside a $batch are logged one by one, with inBatch). */
export type AccessLogEntry = LogEntry;
export type { FaultSpec };

export interface Emulator {
  /** https://127.0.0.1:<port>; Graph v1.0 base is `${url}/v1.0`. */
  url: string;
  /** PEM of the certificate clients must trust. */
  caCertPem: string;
  /** The same PEM in a temp file (removed on close). */
  caCertPath: string;
  issueToken(opts?: IssueTokenOptions): string;
  accessLog: AccessLogEntry[];
  injectFault(spec: FaultSpec): void;
  close(): Promise<void>;
}

/** The app id tokens carry when the caller names none. */
export const DEFAULT_APP_ID = '8c3a2b1e-5d4f-4e6a-9b7c-0d1e2f3a4b5c';

/** Start serving `opts.tenant` and resolve once listening. */
export async function startEmulator(opts: EmulatorOptions): Promise<Emulator> {
  const timeScale = opts.timeScale ?? 1;
  if (!(timeScale > 0)) throw new Error('timeScale must be greater than 0');
  const tenant = opts.tenant;
  const tls = createTlsIdentity();
  const dir = mkdtempSync(join(tmpdir(), 'entra-audit-emulator-'));
  const caCertPath = join(dir, 'emulator-ca.pem');
  writeFileSync(caCertPath, tls.certPem, { mode: 0o644 });

  const tokens = new TokenAuthority(tenant.tenantId);
  let origin = '';
  const accessLog: LogEntry[] = [];
  const deps: ServerDeps = {
    handler: new GraphHandler(tenant, new TenantIndex(tenant), new Throttle(tenant.users.length, timeScale, opts.throttling ?? true, tenant.tenantId), () => origin),
    tokens,
    faults: new FaultQueue(),
    log: accessLog,
    logLimit: opts.accessLogLimit ?? 100_000,
    latencyMs: opts.latencyMs ?? 0,
    tenantId: tenant.tenantId,
    timers: new Set(),
  };

  const server = createServer({ key: tls.keyPem, cert: tls.certPem }, (req, res) => {
    handleRequest(deps, req, res).catch((err: unknown) => {
      console.error('graph emulator: request failed', err);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  origin = `https://127.0.0.1:${port}`;

  return {
    url: origin,
    caCertPem: tls.certPem,
    caCertPath,
    accessLog,
    issueToken(o: IssueTokenOptions = {}): string {
      const kind = o.kind ?? 'app';
      const exp = Math.floor(Date.now() / 1000) + (o.expiresInSec ?? 3600);
      const appid = o.appId ?? DEFAULT_APP_ID;
      if (kind === 'app') return tokens.issue({ appid, exp, idtyp: 'app', roles: [...(o.roles ?? REQUIRED_PERMISSIONS)] });
      return tokens.issue({
        appid,
        exp,
        idtyp: 'user',
        scp: (o.scp ?? [...REQUIRED_PERMISSIONS]).join(' '),
        upn: o.upn ?? `admin@${tenant.primaryDomain}`,
        oid: randomUUID(),
      });
    },
    injectFault: (spec) => deps.faults.add(spec),
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of deps.timers) clearTimeout(t);
        deps.timers.clear();
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
