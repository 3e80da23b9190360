import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSnapshot } from '../../main/store/snapshot-reader.js';
import { resumeSnapshot } from '../../main/store/snapshot-writer.js';
import { collectInto, readerFor, serveTenant, tempDir, TIME_SCALE, type Served } from './harness.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DAYS = 14;

interface Child {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in a child process; `killWhen` sees stderr as it grows and may SIGKILL the child. */
function cli(args: string[], env: Record<string, string>, killWhen?: (stderr: string) => boolean): Promise<Child> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'entra-audit.mjs'), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (killWhen?.(stderr) && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Every byte of every file under `dir`. */
function allBytes(dir: string): Buffer {
  return Buffer.concat(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => readFileSync(join(e.parentPath, e.name))),
  );
}

describe('resuming an interrupted collection', () => {
  let served: Served;
  let reference: string;
  let dir: string;
  let cleanup: () => void;

  beforeAll(async () => {
    served = await serveTenant({ users: 120, licence: 'p1', seed: 5, latencyMs: 15 });
    ({ dir, cleanup } = tempDir());
    const { graph } = readerFor(served);
    reference = (await collectInto(served, graph, join(dir, 'reference.sqlite'), { days: DAYS })).hash;
    graph.close();
  }, 60_000);

  afterAll(async () => {
    await served?.close();
    cleanup?.();
  });

  it('after a cancel, resumes from the saved pages to the same content as an uninterrupted run', async () => {
    const path = join(dir, 'cancelled.sqlite');
    const controller = new AbortController();
    const { graph } = readerFor(served);
    const first = await collectInto(served, graph, path, {
      days: DAYS,
      signal: controller.signal,
      onProgress: (_e, writer) => {
        if (writer.countRows('sign_ins') > 0 && writer.countRows('users') > 0) controller.abort();
      },
    });
    expect(first.report.cancelled).toBe(true);
    const cancelled = first.report.coverage.filter((c) => c.code === 'Cancelled');
    expect(cancelled.length).toBeGreaterThan(0);
    expect(first.report.incomplete.length).toBeGreaterThan(0);
    const signInsBefore = openSnapshot(path);
    const partialRows = signInsBefore.signInCount();
    signInsBefore.close();

    const second = await collectInto(served, graph, path, { days: DAYS, resume: true });
    graph.close();
    expect(second.report.cancelled).toBe(false);
    expect(second.report.incomplete).toEqual([]);
    expect(second.hash).toBe(reference);
    const r = openSnapshot(path);
    expect(r.signInCount()).toBeGreaterThanOrEqual(partialRows);
    expect(r.coverage().every((c) => c.code !== 'Cancelled')).toBe(true);
    r.close();
  }, 60_000);

  it('after SIGKILL of the CLI mid-run, --resume finishes with the same content hash; no token anywhere', async () => {
    const { token, graph } = readerFor(served);
    graph.close();
    const out = join(dir, 'killed.sqlite');
    const args = [
      'collect',
      '--out',
      out,
      '--graph-url',
      served.emulator.url,
      '--ca-cert',
      served.emulator.caCertPath,
      '--access-token-env',
      'EAD_TEST_TOKEN',
      '--sign-ins-days',
      String(DAYS),
      '--sign-ins-until',
      served.generated.tenant.now,
      // Paced slower than the emulator allows, so the run is still going when it is killed.
      '--time-scale',
      String(TIME_SCALE / 10),
    ];
    const env = { EAD_TEST_TOKEN: token };
    // Kill once a few datasets have finished (so pages are committed) but before the run ends.
    const killed = await cli(args, env, (stderr) => (stderr.match(/: complete,/g) ?? []).length >= 5);
    expect(killed.signal).toBe('SIGKILL');
    const mid = resumeSnapshot(out);
    expect(mid.meta().contentHash).toBeNull();
    expect(mid.coverage().length).toBeLessThan(17);
    mid.close();

    const resumed = await cli([...args, '--resume'], env);
    expect(resumed.stderr).not.toMatch(/incomplete/);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`Content hash (SHA-256): ${reference}`);
    expect(readdirSync(dir).filter((f) => f.startsWith('killed'))).toEqual(['killed.sqlite']);
    const r = openSnapshot(out);
    expect(r.meta().contentHash).toBe(reference);
    expect(r.integrityCheck()).toBe('ok');
    r.close();

    const signature = token.split('.')[2];
    const haystacks = [killed.stdout, killed.stderr, resumed.stdout, resumed.stderr, allBytes(dir).toString('latin1')];
    for (const h of haystacks) {
      expect(h.includes(token)).toBe(false);
      expect(h.includes(signature)).toBe(false);
    }
    expect(statSync(out).size).toBeGreaterThan(0);
  }, 90_000);
});
