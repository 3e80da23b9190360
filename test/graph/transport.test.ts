import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTransport, TransportError } from '../../main/graph/transport.js';

// A local Graph stand-in answering by path: gzip, cut-off gzip, a body shorter than its content-length.
let server: http.Server;
let origin = '';
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const body = gzipSync(JSON.stringify({ value: [{ id: 'd1' }] }));
    if (req.url?.startsWith('/v1.0/devices')) {
      expect(req.headers['accept-encoding']).toContain('gzip');
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      return res.end(body);
    }
    if (req.url?.startsWith('/v1.0/groups')) {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      return res.end(body.subarray(0, body.length - 8));
    }
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
    res.write('{"value":[', () => res.socket?.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('transport', () => {
  it('accepts gzip and decodes it', async () => {
    const t = createTransport({ origin, timeoutMs: 2_000 });
    const res = await t.send({ method: 'GET', url: `${origin}/v1.0/devices`, headers: {} });
    expect(JSON.parse(res.body)).toEqual({ value: [{ id: 'd1' }] });
    t.close();
  });

  it('reports a cut-off body as truncated, so the reader retries it', async () => {
    const t = createTransport({ origin, timeoutMs: 2_000 });
    for (const path of ['/v1.0/groups', '/v1.0/users']) {
      const err = await t.send({ method: 'GET', url: `${origin}${path}`, headers: {} }).catch((e: unknown) => e);
      expect(err, path).toBeInstanceOf(TransportError);
      expect((err as TransportError).reason).toBe('truncated');
    }
    t.close();
  });

  it('refuses plain http except on loopback', () => {
    expect(() => createTransport({ origin: 'http://graph.microsoft.com', timeoutMs: 1 })).toThrow(/must be https/);
  });
});
