/**
 * Test fixture: serves a TenantData with the Graph emulator over HTTPS, collects it with the real
 * collectors into a snapshot file, runs the checks and stores their results in it.
 */
import { SIGN_IN_PERMISSIONS } from '../../main/auth/permissions.js';
import { createStaticTokenProvider } from '../../main/auth/static-token.js';
import { runChecks } from '../../main/checks/engine.js';
import { storeResults } from '../../main/checks/store-results.js';
import { runCollection } from '../../main/collect/orchestrator.js';
import { resolveSignInWindow } from '../../main/collect/sign-in-window.js';
import { startEmulator } from '../../main/demo/emulator/index.js';
import type { TenantData } from '../../main/demo/tenant.js';
import { createGraphReader } from '../../main/graph/reader.js';
import { createSnapshot, openSnapshot } from '../../main/store/index.js';

const SCALE = 1000;

/** Serves `t` with the emulator, collects it into `path`, runs the checks and stores their results. */
export async function collectAndCheck(t: TenantData, path: string, snapshotId: string): Promise<void> {
  const emulator = await startEmulator({ tenant: t, timeScale: SCALE });
  const graph = createGraphReader({ baseUrl: emulator.url, caCertPem: emulator.caCertPem,
    tokenProvider: createStaticTokenProvider(emulator.issueToken({ roles: [...SIGN_IN_PERMISSIONS] })), timeScale: SCALE });
  const writer = createSnapshot(path, {
    snapshotId, appVersion: '0.1.0', tenantId: t.tenantId, tenantName: t.displayName, primaryDomain: t.primaryDomain, cloud: 'custom',
    graphBaseUrl: emulator.url, authMode: 'demo', collectedBy: 'demo', clientAppId: null, grantedPermissions: [...SIGN_IN_PERMISSIONS],
    licence: t.licence, collectionStartedAt: t.now, signInDays: 30,
  });
  try {
    await runCollection({ graph, writer, signInWindow: resolveSignInWindow(writer, 30, t.now) });
    writer.finalize();
  } finally {
    writer.close();
    graph.close();
    await emulator.close();
  }
  const reader = openSnapshot(path);
  const run = runChecks(reader);
  reader.close();
  storeResults(path, run.results);
}

