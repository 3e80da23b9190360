/** The naive baseline's process: the same emulator, another app registration, the naive strategy. */
import { createStaticTokenProvider } from '../main/auth/static-token.js';
import { createGraphReader } from '../main/graph/reader.js';
import { graphTally } from './graph-tally.js';
import { naiveCollect, UNPACED } from './naive-collector.js';
import { peakRss, resetPeakRss } from './peak-rss.js';
import { signInWindow } from './sign-in-window.js';
import type { EmulatorInfo, NaiveResult } from './types.js';

export interface NaiveJob {
  emulator: EmulatorInfo;
  timeScale: number;
}

export async function runNaivePhase(job: NaiveJob): Promise<NaiveResult> {
  const em = job.emulator;
  resetPeakRss();
  const graph = createGraphReader({
    baseUrl: em.url,
    caCertPem: em.caCertPem,
    tokenProvider: createStaticTokenProvider(em.tokens.naive),
    timeScale: job.timeScale,
    limits: UNPACED,
  });
  try {
    const t0 = performance.now();
    const run = await naiveCollect(graph, em.url, signInWindow(em.tenant.now));
    return { kind: 'naive', wallMs: performance.now() - t0, graph: graphTally(graph.stats()), objects: run.objects, peakRssBytes: peakRss() };
  } finally {
    graph.close();
  }
}
