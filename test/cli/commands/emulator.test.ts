import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { call } from '../../demo/emulator/https-client.js';

// Runs the real `entra-audit emulator` command and reads its output as ../shared/contract-smoke.sh does.
describe('entra-audit emulator', () => {
  it('prints its URL, certificate and token, serves Graph, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['bin/entra-audit.mjs', 'emulator', '--users', '40', '--seed', '7', '--licence', 'p1', '--port', '0', '--permissions', 'User.Read.All,AuditLog.Read.All'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setInterval(() => {
          if (/Access token: /.test(out)) {
            clearInterval(timer);
            resolve();
          }
        }, 50);
        child.on('exit', () => reject(new Error(`emulator exited: ${out}`)));
      });
      // The three lines scripts read, each whole on its own line.
      const url = /^Graph emulator listening at (https:\/\/127\.0\.0\.1:\d+)$/m.exec(out)?.[1] as string;
      const ca = /^Trust this certificate: (\/\S+\.pem)$/m.exec(out)?.[1] as string;
      const token = /^Access token: ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/m.exec(out)?.[1] as string;
      expect([url, ca, token].every(Boolean)).toBe(true);
      const pem = readFileSync(ca, 'utf8');
      const users = await call(pem, `${url}/v1.0/users?$select=id,signInActivity&$top=5`, { token });
      expect(users.status).toBe(200);
      expect(users.json.value).toHaveLength(5);
      // --permissions decides what the token carries.
      expect((await call(pem, `${url}/v1.0/groups`, { token })).status).toBe(403);

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(existsSync(ca)).toBe(false);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('refuses a bad licence with the usage exit code', async () => {
    const child = spawn(process.execPath, ['bin/entra-audit.mjs', 'emulator', '--licence', 'p3'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain('--licence must be free, p1 or p2');
  });

  it('stops by itself when the shell that started it is killed (as contract-smoke.sh does)', async () => {
    // The subshell prints the node child's pid, then waits; killing the subshell orphans the child.
    const shell = spawn('bash', ['-c', 'node bin/entra-audit.mjs emulator --users 10 --port 0 > /dev/null 2>&1 & echo $!; wait'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const pid = Number(await new Promise<string>((resolve) => shell.stdout.once('data', (c: Buffer) => resolve(c.toString().trim()))));
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    await new Promise((r) => setTimeout(r, 4000));
    expect(alive()).toBe(true);
    shell.kill('SIGKILL');
    let waited = 0;
    while (alive() && waited < 20_000) {
      await new Promise((r) => setTimeout(r, 250));
      waited += 250;
    }
    expect(alive()).toBe(false);
  }, 40_000);
});

