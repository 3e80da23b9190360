/**
 * One collection run as the app starts it: a new snapshot (or the same file, resumed), the Graph
 * reader of the connection, the orchestrator, and the file finalized when every dataset settled.
 * Progress events of the orchestrator become the job's progress (step, done, total, per dataset).
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { DATASETS, type DatasetId, type LicenceTier } from '../../../shared/datasets.js';
import type { DatasetProgress } from '../../../shared/ipc-types.js';
import { CLOUDS } from '../../auth/clouds.js';
import { runCollection } from '../../collect/orchestrator.js';
import type { ProgressEvent } from '../../collect/progress.js';
import { resolveSignInWindow } from '../../collect/sign-in-window.js';
import { createGraphReader } from '../../graph/index.js';
import { createSnapshot, resumeSnapshot } from '../../store/index.js';
import type { LiveConnection } from './connection.js';
import type { JobContext } from './jobs.js';

const FINAL = new Set<DatasetProgress['status']>(['complete', 'partial', 'unavailable', 'not-collected', 'cancelled']);

/** Turns orchestrator events into job progress: overall done/total and an estimate of time left. */
export class CollectionProgress {
  private readonly datasets = new Map<DatasetId, DatasetProgress>();
  private readonly started = Date.now();

  constructor(private readonly ctx: JobContext) {
    for (const d of DATASETS)
      this.datasets.set(d.id, {
        dataset: d.id,
        status: 'pending',
        done: 0,
        total: null,
        requests: 0,
        throttleWaits: 0,
      });
  }

  update(e: ProgressEvent): void {
    this.datasets.set(e.dataset, {
      dataset: e.dataset,
      status: e.status === 'waiting' ? 'pending' : e.status,
      done: e.done,
      total: e.total ?? null,
      requests: e.requests,
      throttleWaits: e.throttleWaits,
    });
    const all = [...this.datasets.values()];
    const settled = all.filter((d) => FINAL.has(d.status)).length;
    const running = all
      .filter((d) => d.status === 'running')
      .map((d) => DATASETS.find((s) => s.id === d.dataset)!.title);
    const fraction =
      all.reduce((s, d) => s + (FINAL.has(d.status) ? 1 : d.total ? Math.min(1, d.done / d.total) : 0), 0) / all.length;
    const elapsed = (Date.now() - this.started) / 1000;
    this.ctx.report({
      step: running.length
        ? `Collecting ${running.slice(0, 3).join(', ')}${running.length > 3 ? ` and ${running.length - 3} more` : ''}`
        : 'Collecting',
      done: settled,
      total: all.length,
      datasets: all,
      requests: all.reduce((s, d) => s + d.requests, 0),
      throttleWaits: all.reduce((s, d) => s + d.throttleWaits, 0),
      secondsLeft: fraction > 0.05 ? Math.round((elapsed * (1 - fraction)) / fraction) : null,
    });
  }
}

/** Collects into `out` (resuming it when asked and present); resolves to the finalized file's path. */
export async function collectInto(
  conn: LiveConnection,
  out: string,
  signInDays: number,
  ctx: JobContext,
  resume: boolean,
  appVersion: string,
): Promise<string> {
  const writer =
    resume && existsSync(out)
      ? resumeSnapshot(out)
      : createSnapshot(out, {
          snapshotId: randomUUID(),
          appVersion,
          tenantId: conn.info.tenantId,
          tenantName: conn.info.tenantName,
          primaryDomain: '',
          cloud: conn.info.cloud,
          graphBaseUrl: conn.graphBaseUrl,
          authMode: conn.info.mode,
          collectedBy: conn.info.signedInAs,
          clientAppId: conn.clientAppId,
          grantedPermissions: conn.info.grantedPermissions,
          licence: (conn.info.demo?.licence ?? 'free') as LicenceTier,
          collectionStartedAt: new Date().toISOString(),
          signInDays,
        });
  const graph = createGraphReader({
    baseUrl: conn.graphBaseUrl,
    tokenProvider: conn.tokens,
    caCertPem: conn.caCertPem,
    timeScale: conn.timeScale,
  });
  const progress = new CollectionProgress(ctx);
  try {
    const window = resolveSignInWindow(writer, signInDays);
    const cloud = conn.info.cloud === 'custom' ? undefined : CLOUDS[conn.info.cloud];
    const report = await runCollection({
      graph,
      writer,
      signInWindow: window,
      signal: ctx.signal,
      onProgress: (e) => progress.update(e),
      explainContext: {
        tenant: conn.info.tenantId,
        clientId: conn.clientAppId ?? undefined,
        loginHost: cloud?.loginHost,
      },
    });
    if (report.cancelled) throw new Error('cancelled');
    ctx.report({ step: 'Sealing the snapshot (integrity check and content hash)' });
    writer.finalize();
    return out;
  } finally {
    writer.close();
    graph.close();
  }
}
