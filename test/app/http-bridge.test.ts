/**
 * The HTTP bridge over a real socket: loopback only, refuses calls without its per-launch token (or
 * with a wrong one, a foreign Host or Origin, a non-JSON or oversized body), validates input, serves
 * the renderer with the CSP and nothing outside its folder.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpBridge, MAX_BODY_BYTES, type HttpBridge } from '../../main/app/http-bridge.js';
import { runChecks } from '../../main/app/services/engines.js';
import { createHandlers } from '../../main/app/services/handlers.js';
import { AppSession } from '../../main/app/services/session.js';

/** A raw HTTP request (fetch would not let us forge the Host header). */
function raw(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

describe('HTTP bridge', () => {
  let bridge: HttpBridge;
  let port: number;
  let session: AppSession;
  const root = mkdtempSync(join(tmpdir(), 'ea-bridge-'));
  const staticDir = join(root, 'renderer');

  beforeAll(async () => {
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(root, 'secret.txt'), 'outside');
    session = new AppSession({ transport: 'http', appVersion: '9.9.9', dataDir: join(root, 'data') }, runChecks);
    bridge = await startHttpBridge({ handlers: createHandlers(session), staticDir });
    port = Number(new URL(bridge.origin).port);
  });
  afterAll(async () => {
    await bridge.close();
    await session.close();
  });

  const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
    raw(port, {
      method: 'POST',
      path: `/api/${channel}`,
      headers: {
        host: `127.0.0.1:${port}`,
        'content-type': 'application/json',
        authorization: `Bearer ${bridge.token}`,
        ...headers,
      },
      body: JSON.stringify(body),
    });

  it('listens on 127.0.0.1 only and puts a long random token in the URL fragment', () => {
    expect(bridge.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(bridge.url).toBe(`${bridge.origin}/#token=${bridge.token}`);
    expect(bridge.token.length).toBeGreaterThanOrEqual(40);
  });

  it('answers a call that carries the token', async () => {
    const res = await api('appInfo', {});
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({
      ok: true,
      result: { version: '9.9.9', transport: 'http', nativeDialogs: false },
    });
  });

  it('refuses calls without the token, with a wrong one, or with the token anywhere but the header', async () => {
    for (const authorization of [
      '',
      'Bearer',
      `Bearer ${bridge.token}x`,
      `Bearer ${bridge.token.slice(1)}`,
      `Basic ${bridge.token}`,
      bridge.token,
    ]) {
      const res = await api('appInfo', {}, { authorization });
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const inQuery = await raw(port, {
      method: 'POST',
      path: `/api/appInfo?token=${bridge.token}`,
      headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(inQuery.status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    expect((await api('appInfo', {}, { host: `evil.example:${port}` })).status).toBe(421);
    expect((await api('appInfo', {}, { host: `localhost:${port}` })).status).toBe(421);
    expect((await api('appInfo', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await api('appInfo', {}, { origin: bridge.origin })).status).toBe(200);
  });

  it('takes JSON POSTs only, within the size limit, validated by the channel schema', async () => {
    expect(
      (
        await raw(port, {
          method: 'GET',
          path: '/api/appInfo',
          headers: { host: `127.0.0.1:${port}`, authorization: `Bearer ${bridge.token}` },
        })
      ).status,
    ).toBe(405);
    expect((await api('appInfo', {}, { 'content-type': 'text/plain' })).status).toBe(415);
    const notJson = await raw(port, {
      method: 'POST',
      path: '/api/appInfo',
      headers: {
        host: `127.0.0.1:${port}`,
        'content-type': 'application/json',
        authorization: `Bearer ${bridge.token}`,
      },
      body: '{nope',
    });
    expect(notJson.status).toBe(400);
    const big = await api('appInfo', { pad: 'x'.repeat(MAX_BODY_BYTES) }).catch(() => ({ status: 400, body: '' }));
    expect(big.status).toBe(400);
    const invalid = await api('users', { offset: -1, limit: 100000 });
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const unknown = await api('__proto__', {});
    expect(unknown.status).toBe(404);
  });

  it('serves the renderer with the CSP and security headers, and nothing outside its folder', async () => {
    const index = await raw(port, { path: '/', headers: { host: `127.0.0.1:${port}` } });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.headers['x-frame-options']).toBe('DENY');
    expect(
      (await raw(port, { path: '/assets/app.js', headers: { host: `127.0.0.1:${port}` } })).headers['content-type'],
    ).toContain('javascript');
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/%00',
      '/assets',
    ]) {
      expect((await raw(port, { path, headers: { host: `127.0.0.1:${port}` } })).status).toBe(404);
    }
  });

  it('gives the session state and clear errors before anything is connected', async () => {
    expect(JSON.parse((await api('session', {})).body)).toEqual({
      ok: true,
      result: { connection: null, snapshot: null, activeJob: null },
    });
    expect(JSON.parse((await api('users', { offset: 0, limit: 10 })).body)).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/no snapshot is open/) },
    });
  });
});
