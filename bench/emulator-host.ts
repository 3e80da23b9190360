/**
 * The emulator's own process: generates the tenant, serves it as Graph with Graph's limits and a
 * per-request latency (both on the benchmark's clock), computes the lower bound from the same tenant,
 * and stays up until the parent says "close". Its memory (the whole tenant) is not the product's.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SIGN_IN_PERMISSIONS } from '../main/auth/permissions.js';
import { startEmulator } from '../main/demo/emulator/index.js';
import { generateTenant } from '../main/demo/generator/index.js';
import { lowerBound } from './lower-bound.js';
import { peakRss } from './peak-rss.js';
import { signInWindow } from './sign-in-window.js';
import type { EmulatorReady } from './types.js';

export interface EmulatorJob {
  users: number;
  seed: number;
  signInsPerUserPerDay: number;
  timeScale: number;
  latencyMs: number;
  dir: string;
}

/** App ids of the two registrations the benchmark signs in as. */
const OURS_APP = '5f0c1c1e-0b1a-4c55-9d0e-6a1b2c3d4e01';
const NAIVE_APP = '5f0c1c1e-0b1a-4c55-9d0e-6a1b2c3d4e02';

/** Runs until the parent sends "close"; then reports the process's peak RSS and exits. */
export async function hostEmulator(job: EmulatorJob, send: (m: { type: 'ready'; ready: EmulatorReady } | { type: 'closed'; peakRssBytes: number }) => void): Promise<void> {
  const t0 = performance.now();
  const { tenant, terminationsCsv } = generateTenant({ users: job.users, seed: job.seed, licence: 'p2', signInsPerUserPerDay: job.signInsPerUserPerDay });
  const generateMs = performance.now() - t0;
  const window = signInWindow(tenant.now);
  const bound = lowerBound(tenant, window, job.latencyMs);
  const terminationsCsvPath = join(job.dir, 'terminations.csv');
  writeFileSync(terminationsCsvPath, terminationsCsv);
  const emulator = await startEmulator({ tenant, timeScale: job.timeScale, latencyMs: job.latencyMs / job.timeScale, accessLogLimit: 1 });
  const token = (appId: string) => emulator.issueToken({ roles: [...SIGN_IN_PERMISSIONS], appId, expiresInSec: 6 * 3600 });
  const ready: EmulatorReady = {
    url: emulator.url,
    caCertPem: emulator.caCertPem,
    tokens: { ours: token(OURS_APP), naive: token(NAIVE_APP) },
    tenant: { tenantId: tenant.tenantId, displayName: tenant.displayName, primaryDomain: tenant.primaryDomain, now: tenant.now, users: tenant.users.length },
    terminationsCsvPath,
    facts: {
      users: tenant.users.length,
      signInsInWindow: tenant.signIns.count(window.from, window.to),
      groups: tenant.groups.length,
      devices: tenant.devices.length,
      servicePrincipals: tenant.servicePrincipals.length,
      generateMs,
    },
    lowerBound: bound,
  };
  send({ type: 'ready', ready });
  await new Promise<void>((resolve) => process.once('message', () => resolve()));
  await emulator.close();
  send({ type: 'closed', peakRssBytes: peakRss() });
}
