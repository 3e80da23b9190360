/**
 * Disk full during a real collection: the CLI collects (child process) into a 2 MB tmpfs, which fills
 * up mid-run. Wanted: a clear message (no stack trace), a snapshot that still opens and passes SQLite's
 * integrity check, and -- once space is freed -- `collect --resume` finishing with the content hash of
 * an undisturbed run. Needs root for `mount -t tmpfs`; without it the file size limit of the child
 * (ulimit -f, EFBIG instead of ENOSPC) stands in for the full disk.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../main/demo/emulator/index.js';
import { generateTenant } from '../../main/demo/generator/index.js';
import { openSnapshot } from '../../main/store/snapshot-reader.js';
import { cli, STACK_LINE, tempDir } from './harness.js';

let dir: string;
let cleanup: () => void;
let emulator: Emulator;
let mounted = false;
let args: (out: string) => string[];
let env: Record<string, string>;
const full = () => join(dir, 'full');

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  mkdirSync(full());
  mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', full()]).status === 0;
  const generated = generateTenant({ users: 300, licence: 'p2', seed: 8 });
  emulator = await startEmulator({ tenant: generated.tenant, timeScale: 200 });
  env = { EAD_REL_TOKEN: emulator.issueToken() };
  args = (out) => [
    'collect',
    '--out',
    out,
    '--access-token-env',
    'EAD_REL_TOKEN',
    '--graph-url',
    emulator.url,
    '--ca-cert',
    emulator.caCertPath,
    '--time-scale',
    '200',
    '--sign-ins-days',
    '3',
    '--sign-ins-until',
    generated.tenant.now,
  ];
}, 60_000);

afterAll(async () => {
  if (mounted) spawnSync('umount', [full()]);
  await emulator?.close();
  cleanup?.();
});

describe('disk full during collection', () => {
  it('stops with a clear message, keeps an intact snapshot, and --resume completes it to the same content', async () => {
    const reference = await cli(args(join(dir, 'reference.sqlite')), env);
    expect(reference.code).toBe(0);
    const hash = /Content hash \(SHA-256\): ([0-9a-f]{64})/.exec(reference.stdout)![1];

    const out = join(full(), 'snapshot.sqlite');
    const first = mounted ? await cli(args(out), env) : await cli(args(out), { ...env, EAD_REL_ULIMIT_KB: '2048' });
    expect(first.code).not.toBe(0);
    expect(first.stderr).not.toMatch(STACK_LINE);
    expect(first.stderr).toMatch(/disk|space|full/i);
    expect(first.stderr).toMatch(/--resume/);

    expect(existsSync(out)).toBe(true);
    const mid = openSnapshot(out);
    expect(mid.integrityCheck()).toBe('ok');
    mid.close();

    if (mounted) execFileSync('mount', ['-o', 'remount,size=64m', full()]);
    const resumed = await cli([...args(out), '--resume'], env);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`Content hash (SHA-256): ${hash}`);
    const done = openSnapshot(out);
    expect(done.integrityCheck()).toBe('ok');
    expect(done.meta().contentHash).toBe(hash);
    done.close();
  });
});
