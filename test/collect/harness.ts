/**
 * Test harness: a generated tenant served by the Graph emulator over real HTTPS, a real GraphReader
 * with a token the emulator signed, and a snapshot in a temp dir. Nothing here stands in for the
 * collectors, the reader or the store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatasetId, LicenceTier } from '../../shared/datasets.js';
import { SIGN_IN_PERMISSIONS } from '../../main/auth/permissions.js';
import { runCollection, type CollectRunReport } from '../../main/collect/orchestrator.js';
import type { ProgressEvent } from '../../main/collect/progress.js';
import { resolveSignInWindow } from '../../main/collect/sign-in-window.js';
import { startEmulator, type Emulator } from '../../main/demo/emulator/index.js';
import { generateTenant, type GeneratedTenant } from '../../main/demo/generator/index.js';
import { createGraphReader, type ClosableGraphReader } from '../../main/graph/reader.js';
import {
  createSnapshot,
  resumeSnapshot,
  type NewSnapshotMeta,
  type SnapshotWriter,
} from '../../main/store/snapshot-writer.js';

/** Graph's clock runs this much faster for emulator and reader alike. */
export const TIME_SCALE = 200;

export interface Served {
  generated: GeneratedTenant;
  emulator: Emulator;
  close(): Promise<void>;
}

export async function serveTenant(opts: {
  users: number;
  licence: LicenceTier;
  seed?: number;
  latencyMs?: number;
  signInsPerUserPerDay?: number;
}): Promise<Served> {
  const generated = generateTenant({
    users: opts.users,
    licence: opts.licence,
    seed: opts.seed ?? 3,
    signInsPerUserPerDay: opts.signInsPerUserPerDay,
  });
  const emulator = await startEmulator({
    tenant: generated.tenant,
    timeScale: TIME_SCALE,
    latencyMs: opts.latencyMs ?? 0,
  });
  return { generated, emulator, close: () => emulator.close() };
}

export function readerFor(
  served: Served,
  permissions: readonly string[] = SIGN_IN_PERMISSIONS,
): { graph: ClosableGraphReader; token: string } {
  const token = served.emulator.issueToken({ roles: [...permissions] });
  const graph = createGraphReader({
    baseUrl: served.emulator.url,
    caCertPem: served.emulator.caCertPem,
    tokenProvider: { getToken: async () => token },
    timeScale: TIME_SCALE,
  });
  return { graph, token };
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'ead-collect-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function metaFor(served: Served): NewSnapshotMeta {
  const t = served.generated.tenant;
  return {
    snapshotId: 'test',
    appVersion: '0.0.0',
    tenantId: t.tenantId,
    tenantName: '',
    primaryDomain: '',
    cloud: 'custom',
    graphBaseUrl: served.emulator.url,
    authMode: 'access-token',
    collectedBy: 'test',
    clientAppId: null,
    grantedPermissions: [],
    licence: 'free',
    collectionStartedAt: '2026-01-01T00:00:00Z',
    signInDays: 30,
  };
}

export interface Collected {
  report: CollectRunReport;
  hash: string;
  events: ProgressEvent[];
}

/** Collects (or resumes, when the file exists) into `path`, then finalizes. */
export async function collectInto(
  served: Served,
  graph: ClosableGraphReader,
  path: string,
  opts: {
    days?: number;
    only?: DatasetId[];
    signal?: AbortSignal;
    onProgress?: (e: ProgressEvent, writer: SnapshotWriter) => void;
    resume?: boolean;
  } = {},
): Promise<Collected> {
  const writer = opts.resume ? resumeSnapshot(path) : createSnapshot(path, metaFor(served));
  const events: ProgressEvent[] = [];
  const window = resolveSignInWindow(writer, opts.days ?? 7, served.generated.tenant.now);
  const report = await runCollection({
    graph,
    writer,
    signInWindow: window,
    signal: opts.signal,
    only: opts.only,
    onProgress: (e) => {
      events.push(e);
      opts.onProgress?.(e, writer);
    },
  });
  const hash = writer.finalize();
  return { report, hash, events };
}
