/**
 * Shared helpers of the reliability and security tests: the real CLI in a child process, a private
 * temp folder, and a scan of everything a run wrote. Nothing here stands in for a part under test.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/entra-audit.mjs ...args`; `killWhen` sees stderr as it grows and may SIGKILL the child. */
export function cli(
  args: string[],
  env: Record<string, string> = {},
  killWhen?: (stderr: string) => boolean,
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    // EAD_REL_ULIMIT_KB: run under a file size limit (ulimit -f), a full disk for users without mount.
    const limit = env.EAD_REL_ULIMIT_KB;
    const command = limit ? 'sh' : process.execPath;
    const argv = [join(ROOT, 'bin', 'entra-audit.mjs'), ...args];
    const child = spawn(
      command,
      limit ? ['-c', `ulimit -f ${Number(limit)}; exec "$0" "$@"`, process.execPath, ...argv] : argv,
      {
        cwd: ROOT,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
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

/** A stack trace line as Node prints one ("    at fn (file:line:col)"). */
export const STACK_LINE = /^\s+at .+[:(]/m;

export function tempDir(prefix = 'ead-rel-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every file under `dir` (recursively) with its bytes. */
export function filesUnder(dir: string): { path: string; bytes: Buffer }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => ({ path: join(e.parentPath, e.name), bytes: readFileSync(join(e.parentPath, e.name)) }));
}

/**
 * Runs the CLI's own main() in this process (what bin/entra-audit.mjs calls), capturing what it prints.
 * `threw` is set when main() rejected: the binary would have died with a stack trace.
 */
export async function runMain(args: string[], env: Record<string, string> = {}): Promise<CliRun & { threw?: unknown }> {
  const { main } = await import('../../main/cli/index.js');
  let stdout = '';
  let stderr = '';
  const saved = {
    log: console.log,
    error: console.error,
    warn: console.warn,
    out: process.stdout.write,
    err: process.stderr.write,
  };
  const savedEnv = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  console.log = (...a: unknown[]) => void (stdout += `${a.join(' ')}\n`);
  console.error = console.warn = (...a: unknown[]) => void (stderr += `${a.join(' ')}\n`);
  process.stdout.write = ((c: string | Uint8Array) => ((stdout += c.toString()), true)) as typeof process.stdout.write;
  process.stderr.write = ((c: string | Uint8Array) => ((stderr += c.toString()), true)) as typeof process.stderr.write;
  try {
    const code = await main(args);
    return { code, signal: null, stdout, stderr };
  } catch (threw) {
    return { code: null, signal: null, stdout, stderr, threw };
  } finally {
    Object.assign(console, { log: saved.log, error: saved.error, warn: saved.warn });
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    for (const [k, v] of Object.entries(savedEnv))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}
