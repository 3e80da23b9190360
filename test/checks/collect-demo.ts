/** Serves a generated tenant with the Graph emulator over HTTPS and collects it with the real collectors into a snapshot. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SIGN_IN_PERMISSIONS } from '../../main/auth/permissions.js';
import { createStaticTokenProvider } from '../../main/auth/static-token.js';
import { runCollection } from '../../main/collect/orchestrator.js';
import { resolveSignInWindow } from '../../main/collect/sign-in-window.js';
import { startEmulator } from '../../main/demo/emulator/index.js';
import type { TenantData } from '../../main/demo/tenant.js';
import { createGraphReader } from '../../main/graph/reader.js';
import { createSnapshot } from '../../main/store/index.js';

const SCALE = 1000;

/** Collects `t` into a new snapshot in a temp dir; returns its path and a cleanup. */
export async function collectDemo(t: TenantData): Promise<{ path: string; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'ead-truth-'));
  const path = join(dir, `${t.licence}.sqlite`);
  const emulator = await startEmulator({ tenant: t, timeScale: SCALE });
  const graph = createGraphReader({ baseUrl: emulator.url, caCertPem: emulator.caCertPem,
    tokenProvider: createStaticTokenProvider(emulator.issueToken({ roles: [...SIGN_IN_PERMISSIONS] })), timeScale: SCALE });
  const writer = createSnapshot(path, {
    snapshotId: `truth-${t.licence}`, appVersion: '0.1.0', tenantId: t.tenantId, tenantName: t.displayName, primaryDomain: t.primaryDomain,
    cloud: 'custom', graphBaseUrl: emulator.url, authMode: 'demo', collectedBy: 'demo', clientAppId: null,
    grantedPermissions: [...SIGN_IN_PERMISSIONS], licence: t.licence, collectionStartedAt: t.now, signInDays: 30,
  });
  try {
    await runCollection({ graph, writer, signInWindow: resolveSignInWindow(writer, 30, t.now) });
    writer.finalize();
  } finally {
    writer.close();
    graph.close();
    await emulator.close();
  }
  return { path, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
