import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertReadOnly, ReadOnlyViolationError } from '../../main/graph/guard.js';
import { createTransport } from '../../main/graph/transport.js';
import { createGraphReader } from '../../main/graph/index.js';
import { DATASETS } from '../../shared/datasets.js';

// A local server that counts TCP connections: a refused request must not open one.
let server: http.Server;
let connections = 0;
let origin = '';
beforeAll(async () => {
  server = http.createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ value: [{ id: 'u1' }] }));
  });
  server.on('connection', () => connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const tokenProvider = { getToken: async () => 'test-token' };

describe('read-only guard', () => {
  it('refuses every write method before any connection is opened', async () => {
    const transport = createTransport({ origin, timeoutMs: 2_000 });
    const before = connections;
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE']) {
      await expect(
        transport.send({ method: method as 'POST', url: `${origin}/v1.0/users`, headers: {}, body: '{}' }),
      ).rejects.toBeInstanceOf(ReadOnlyViolationError);
    }
    expect(connections).toBe(before);
    transport.close();
  });

  it('refuses a $batch carrying a write, and paths outside the datasets, with zero connections', async () => {
    const reader = createGraphReader({ baseUrl: origin, tokenProvider, maxRetries: 0 });
    const before = connections;
    const transport = createTransport({ origin, timeoutMs: 2_000 });
    const writeBatch = JSON.stringify({ requests: [{ id: '1', method: 'DELETE', url: '/users/abc' }] });
    await expect(
      transport.send({ method: 'POST', url: `${origin}/v1.0/$batch`, headers: {}, body: writeBatch }),
    ).rejects.toThrow(/DELETE/);
    await expect(reader.get('/me/messages', { bucket: 'identity' })).rejects.toBeInstanceOf(ReadOnlyViolationError);
    await expect(reader.get('/users/abc/drive/root/children', { bucket: 'identity' })).rejects.toBeInstanceOf(
      ReadOnlyViolationError,
    );
    await expect(reader.get('/users/../me/messages', { bucket: 'identity' })).rejects.toBeInstanceOf(
      ReadOnlyViolationError,
    );
    await expect(reader.batch([{ id: 'a', url: '/users/abc/messages' }], { bucket: 'identity' })).rejects.toBeInstanceOf(
      ReadOnlyViolationError,
    );
    await expect(
      reader.get('/users', { bucket: 'identity', resumeFrom: 'https://evil.example/v1.0/users?$skiptoken=x' }),
    ).rejects.toThrow(/nextLink leaves/);
    expect(connections).toBe(before);
    transport.close();
    reader.close();
  });

  it('lets an allow-listed GET through (the server does see that one)', async () => {
    const reader = createGraphReader({ baseUrl: origin, tokenProvider });
    const before = connections;
    const page = await reader.get('/users', { bucket: 'identity' });
    expect(page.value).toEqual([{ id: 'u1' }]);
    expect(connections).toBe(before + 1);
    reader.close();
  });

  it('allows exactly the dataset endpoints and $batch of GETs', () => {
    const o = 'https://graph.microsoft.com';
    for (const d of DATASETS) {
      for (const e of d.endpoints) {
        const path = e.split('?')[0].replace('{id}', '00000000-0000-0000-0000-000000000001');
        expect(() => assertReadOnly('GET', `${o}/v1.0${path}`, o)).not.toThrow();
      }
    }
    const ok = JSON.stringify({ requests: [{ id: '1', method: 'GET', url: '/users/x/authentication/methods' }] });
    expect(() => assertReadOnly('POST', `${o}/v1.0/$batch`, o, ok)).not.toThrow();
    const reject = [
      ['GET', `${o}/v1.0/users/x/messages`],
      ['GET', `${o}/v1.0/chats`],
      ['GET', `${o}/v1.0/applications/x/addPassword`],
      ['GET', `${o}/beta/users`],
      ['GET', `https://graph.microsoft.us/v1.0/users`],
      ['POST', `${o}/v1.0/users`],
      ['GET', `${o}/v1.0/users%2f..%2fme`],
    ];
    for (const [m, u] of reject) expect(() => assertReadOnly(m, u, o), `${m} ${u}`).toThrow(ReadOnlyViolationError);
    const tooMany = JSON.stringify({ requests: Array.from({ length: 21 }, (_, i) => ({ id: `${i}`, method: 'GET', url: '/users' })) });
    expect(() => assertReadOnly('POST', `${o}/v1.0/$batch`, o, tooMany)).toThrow(/1 to 20/);
  });
});
