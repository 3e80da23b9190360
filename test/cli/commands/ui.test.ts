/**
 * `entra-audit ui` as a user runs it: prints a loopback URL with its token, serves the renderer and
 * the API (token required), stops cleanly on SIGTERM, and says what to do when the renderer is not built.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(__dirname, '../../../bin/entra-audit.mjs');

describe('entra-audit ui', () => {
  it('serves the app on 127.0.0.1 with a per-launch token and stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ea-ui-'));
    mkdirSync(join(dir, 'renderer'));
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Entra Audit</title>');
    const child = spawn(
      process.execPath,
      [BIN, 'ui', '--renderer', join(dir, 'renderer'), '--data-dir', join(dir, 'data')],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /Open: (http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    const u = new URL(url);
    const token = u.hash.replace('#token=', '');
    expect((await fetch(`${u.origin}/`)).status).toBe(200);
    const call = (auth?: string) =>
      fetch(`${u.origin}/api/appInfo`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: auth } : {}) },
        body: '{}',
      });
    expect((await call()).status).toBe(401);
    const ok = await call(`Bearer ${token}`);
    expect(await ok.json()).toMatchObject({ ok: true, result: { transport: 'http' } });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);

  it('exits 2 with a hint when the renderer is not built', async () => {
    const child = spawn(process.execPath, [BIN, 'ui', '--renderer', join(tmpdir(), 'no-such-renderer-dir')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toMatch(/npm run build:web/);
  }, 30_000);
});
