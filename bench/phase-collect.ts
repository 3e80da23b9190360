/**
 * Our collection, as `entra-audit collect` runs it: the orchestrator over the real GraphReader into a
 * new snapshot file. The writer times its own SQLite work (page writes, grouped commits, index builds),
 * so the ingest rate is measured apart from the time spent waiting for Graph; finalize is timed apart.
 */
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { SIGN_IN_PERMISSIONS } from '../main/auth/permissions.js';
import { createStaticTokenProvider } from '../main/auth/static-token.js';
import { runCollection } from '../main/collect/orchestrator.js';
import { resolveSignInWindow } from '../main/collect/sign-in-window.js';
import { createGraphReader } from '../main/graph/reader.js';
import { createSnapshot } from '../main/store/snapshot-writer.js';
import { graphTally } from './graph-tally.js';
import { peakRss, resetPeakRss } from './peak-rss.js';
import { SIGN_IN_DAYS } from './sign-in-window.js';
import type { CollectResult, EmulatorInfo } from './types.js';

export interface CollectJob {
  emulator: EmulatorInfo;
  timeScale: number;
  snapshotPath: string;
}

export async function runCollectPhase(job: CollectJob): Promise<CollectResult> {
  const { emulator: em } = job;
  resetPeakRss();
  const graph = createGraphReader({
    baseUrl: em.url,
    caCertPem: em.caCertPem,
    tokenProvider: createStaticTokenProvider(em.tokens.ours),
    timeScale: job.timeScale,
  });
  const writer = createSnapshot(job.snapshotPath, {
    snapshotId: randomUUID(),
    appVersion: 'bench',
    tenantId: em.tenant.tenantId,
    tenantName: em.tenant.displayName,
    primaryDomain: em.tenant.primaryDomain,
    cloud: 'custom',
    graphBaseUrl: em.url,
    authMode: 'demo',
    collectedBy: 'bench',
    clientAppId: null,
    grantedPermissions: [...SIGN_IN_PERMISSIONS],
    licence: 'p2',
    collectionStartedAt: new Date().toISOString(),
    signInDays: SIGN_IN_DAYS,
  });
  try {
    const signInWindow = resolveSignInWindow(writer, SIGN_IN_DAYS, em.tenant.now);
    const t0 = performance.now();
    const report = await runCollection({ graph, writer, signInWindow });
    const wallMs = performance.now() - t0;
    const t1 = performance.now();
    writer.finalize();
    const finalizeMs = performance.now() - t1;
    // The writer's own count: page writes, the grouped commits (some run from a timer, outside any
    // writePage call) and the deferred index builds of finalize.
    const ingest = writer.ingestStats();
    return {
      kind: 'collect',
      wallMs,
      graph: graphTally(graph.stats()),
      incomplete: report.incomplete.map((c) => `${c.dataset}: ${c.status} ${c.code ?? ''} ${c.reason ?? ''}`.trim()),
      datasets: report.coverage.map((c) => ({
        dataset: c.dataset,
        requests: c.requests,
        rows: c.rows,
        throttleWaits: c.throttleWaits,
        seconds: c.startedAt && c.finishedAt ? (Date.parse(c.finishedAt) - Date.parse(c.startedAt)) / 1000 : 0,
      })),
      rowsWritten: ingest.rows,
      writeMs: ingest.ms,
      finalizeMs,
      snapshotBytes: statSync(job.snapshotPath).size,
      users: em.tenant.users,
      peakRssBytes: peakRss(),
    };
  } finally {
    writer.close();
    graph.close();
  }
}
