import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isIncomplete } from '../../main/collect/orchestrator.js';
import { collectInto, readerFor, serveTenant, tempDir, type Served } from './harness.js';

describe('runCollection', () => {
  let served: Served;
  let dir: string;
  let cleanup: () => void;
  beforeAll(async () => {
    served = await serveTenant({ users: 10, licence: 'free', seed: 8 });
    ({ dir, cleanup } = tempDir());
  });
  afterAll(async () => {
    await served?.close();
    cleanup?.();
  });

  it('collects only the datasets asked for, and a dependency not collected ends the dependant instead of blocking it', async () => {
    const { graph } = readerFor(served);
    const { report } = await collectInto(served, graph, join(dir, 'mfa-only.sqlite'), { only: ['mfaRegistration'] });
    graph.close();
    expect(report.coverage.map((c) => c.dataset)).toEqual(['mfaRegistration']);
    const mfa = report.coverage[0];
    expect(mfa.status).toBe('unavailable');
    expect(mfa.reason).toMatch(/needs the user list, which was not collected/);
    expect(isIncomplete(mfa)).toBe(true);
  });

  it('counts the requests of refused calls too', async () => {
    const { graph } = readerFor(served);
    const { report } = await collectInto(served, graph, join(dir, 'free.sqlite'), { only: ['signIns', 'riskyUsers'] });
    graph.close();
    for (const c of report.coverage) {
      expect(c.status).toBe('unavailable');
      expect(c.requests).toBeGreaterThan(0);
    }
  });
});
