/**
 * A real demo snapshot for export tests: generate a tenant, serve it with the Graph emulator over
 * HTTPS, collect it through the real Graph reader into a SQLite file, finalize it.
 */
import { join } from 'node:path';
import { SIGN_IN_PERMISSIONS } from '../../main/auth/permissions.js';
import { createStaticTokenProvider } from '../../main/auth/static-token.js';
import { runCollection } from '../../main/collect/orchestrator.js';
import { resolveSignInWindow } from '../../main/collect/sign-in-window.js';
import { startEmulator } from '../../main/demo/emulator/index.js';
import { generateTenant, type GeneratedTenant } from '../../main/demo/generator/index.js';
import { createGraphReader } from '../../main/graph/reader.js';
import { createSnapshot } from '../../main/store/index.js';
import type { LicenceTier } from '../../shared/datasets.js';

const SCALE = 1000;

/** Collects a generated tenant into `<dir>/snapshot.sqlite`; returns the path and the generator's output. */
export async function demoSnapshot(
  dir: string,
  opts: { users: number; seed?: number; licence?: LicenceTier },
): Promise<{ path: string; generated: GeneratedTenant }> {
  const generated = generateTenant({ users: opts.users, seed: opts.seed ?? 3, licence: opts.licence ?? 'p2' });
  const t = generated.tenant;
  const emulator = await startEmulator({ tenant: t, timeScale: SCALE });
  const graph = createGraphReader({
    baseUrl: emulator.url,
    caCertPem: emulator.caCertPem,
    tokenProvider: createStaticTokenProvider(emulator.issueToken({ roles: [...SIGN_IN_PERMISSIONS] })),
    timeScale: SCALE,
  });
  const path = join(dir, 'snapshot.sqlite');
  const writer = createSnapshot(path, {
    snapshotId: `demo-${opts.seed ?? 3}-${opts.users}`,
    appVersion: '0.1.0',
    tenantId: t.tenantId,
    tenantName: t.displayName,
    primaryDomain: t.primaryDomain,
    cloud: 'custom',
    graphBaseUrl: emulator.url,
    authMode: 'demo',
    collectedBy: 'demo',
    clientAppId: null,
    grantedPermissions: [...SIGN_IN_PERMISSIONS],
    licence: t.licence,
    collectionStartedAt: t.now,
    signInDays: 30,
  });
  try {
    await runCollection({ graph, writer, signInWindow: resolveSignInWindow(writer, 30, t.now) });
    writer.finalize();
  } finally {
    writer.close();
    graph.close();
    await emulator.close();
  }
  return { path, generated };
}
