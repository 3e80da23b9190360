/**
 * Properties (fast-check) of the Graph access point:
 * - OData paging through the real reader and the emulator over HTTPS never loses or repeats an item,
 *   whatever the page size, whatever faults (resets, truncated JSON, 429/503/504, slow answers) hit it,
 *   and when the run stops after any page and resumes from the saved nextLink.
 * - The read-only guard, swept over methods x paths x $batch bodies: a request that is not an
 *   allow-listed GET (or a $batch of them) is refused before any byte reaches a server.
 * The CSV writer's round trip is proved in test/export/csv/csv-cell.test.ts ("round trip (property)")
 * and the review workbook's in test/reviews/csv-parse.test.ts.
 */
import fc from 'fast-check';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type FaultSpec } from '../../main/demo/emulator/index.js';
import { ReadOnlyViolationError } from '../../main/graph/guard.js';
import { createGraphReader } from '../../main/graph/reader.js';
import { createTransport } from '../../main/graph/transport.js';
import { DATASETS } from '../../shared/datasets.js';
import { tinyTenant } from '../graph/tiny-tenant.js';

const USERS = 260;
let emu: Emulator;

beforeAll(async () => {
  emu = await startEmulator({
    tenant: tinyTenant({ users: USERS, licence: 'p2' }),
    timeScale: 1000,
    throttling: false,
  });
});
afterAll(async () => emu.close());

const fault: fc.Arbitrary<FaultSpec> = fc.oneof(
  fc.record({ kind: fc.constant('reset' as const), count: fc.integer({ min: 1, max: 2 }) }),
  fc.record({ kind: fc.constant('truncate' as const), count: fc.integer({ min: 1, max: 2 }) }),
  fc.record({ kind: fc.constant('slow' as const), delayMs: fc.constant(1_500), count: fc.constant(1) }),
  fc.record({
    kind: fc.constant('status' as const),
    status: fc.constantFrom(429, 503, 504),
    retryAfterSec: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    count: fc.integer({ min: 1, max: 2 }),
  }),
);

describe('OData paging (reader + emulator over HTTPS)', () => {
  it('never loses or repeats an item under random page sizes, faults and a resume from any page', async () => {
    const expected = new Set(tinyTenant({ users: USERS, licence: 'p2' }).users.map((u) => u.id));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 9, max: 300 }),
        // At most 8 faulted answers in all: the reader's retry budget for one request.
        fc.array(fault, { maxLength: 4 }).filter((fs) => fs.reduce((n, f) => n + f.count, 0) <= 8),
        fc.nat({ max: 40 }),
        async (top, faults, stopAfter) => {
          for (const f of faults) emu.injectFault({ ...f, pathPrefix: '/users' });
          const token = emu.issueToken();
          const reader = createGraphReader({
            baseUrl: emu.url,
            caCertPem: emu.caCertPem,
            tokenProvider: { getToken: async () => token },
            timeScale: 1000,
            timeoutMs: 300,
          });
          const ids: string[] = [];
          let resumeFrom: string | null = null;
          let pages = 0;
          for await (const page of reader.pages('/users', {
            bucket: 'identity',
            query: { $select: 'id,displayName', $top: String(top) },
          })) {
            ids.push(...page.items.map((i) => i.id));
            resumeFrom = page.nextLink;
            if (++pages > stopAfter) break;
          }
          // A new reader (as after a restart) continues from the saved nextLink.
          if (resumeFrom) {
            const again = createGraphReader({
              baseUrl: emu.url,
              caCertPem: emu.caCertPem,
              tokenProvider: { getToken: async () => token },
              timeScale: 1000,
              timeoutMs: 300,
            });
            for await (const page of again.pages('/users', { bucket: 'identity', resumeFrom }))
              ids.push(...page.items.map((i) => i.id));
            again.close();
          }
          reader.close();
          // Faults a short run did not reach are drained, so they cannot leak into the next case.
          const drain = createGraphReader({
            baseUrl: emu.url,
            caCertPem: emu.caCertPem,
            tokenProvider: { getToken: async () => token },
            timeScale: 1000,
            timeoutMs: 300,
          });
          for (let i = 0; i < 9; i++)
            await drain
              .get('/users', { bucket: 'identity', query: { $select: 'id', $top: '1' } })
              .catch(() => undefined);
          drain.close();
          expect(ids.length).toBe(USERS);
          expect(new Set(ids)).toEqual(expected);
        },
      ),
      { numRuns: 12 },
    );
  }, 90_000);
});

describe('read-only guard sweep', () => {
  let server: http.Server;
  let requests = 0;
  let origin = '';
  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      requests++;
      res.setHeader('content-type', 'application/json');
      res.end('{"value":[],"responses":[]}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const ID = fc.stringMatching(/^[A-Za-z0-9-]{1,36}$/);
  /** Catalogue endpoints with ids filled in: paths a GET may read. */
  const allowedPath = fc
    .tuple(fc.constantFrom(...DATASETS.flatMap((d) => d.endpoints.map((e) => e.split('?')[0]))), ID)
    .map(([e, id]) => e.replace('{id}', id));
  const otherPath = fc.oneof(
    fc.constantFrom(
      '/me/sendMail',
      '/users/x/messages',
      '/me/drive/root/children',
      '/chats',
      '/applications/x/addPassword',
      '/servicePrincipals/x/addTokenSigningCertificate',
      '/users/x/changePassword',
      '/groups/x/members/$ref',
      '/invitations',
      '/users/../me/messages',
      '/users/%2e%2e/me',
      '/identity/conditionalAccess/policies/x/..%2F..%2Fusers',
    ),
    fc
      .array(fc.stringMatching(/^[A-Za-z0-9$._%-]{1,12}$/), { minLength: 1, maxLength: 4 })
      .map((s) => `/${s.join('/')}`),
  );
  const writeMethod = fc.oneof(
    fc.constantFrom(
      'POST',
      'PUT',
      'PATCH',
      'DELETE',
      'HEAD',
      'OPTIONS',
      'TRACE',
      'CONNECT',
      'MERGE',
      'post',
      'delete',
      'Patch',
      'GET ',
      ' GET',
    ),
    fc.stringMatching(/^[A-Za-z]{1,10}$/).filter((m) => m.toUpperCase() !== 'GET' && m.toUpperCase() !== 'POST'),
  );
  /** Allowed read paths for an independent check: the catalogue's endpoints, {id} as one safe segment. */
  const allowed = DATASETS.flatMap((d) => d.endpoints.map((e) => e.split('?')[0])).map(
    (e) => new RegExp(`^${e.replace(/[$.]/g, '\\$&').replace('{id}', '[A-Za-z0-9-]+')}$`, 'i'),
  );

  it('refuses every non-read (method x path x $batch body) with no byte sent; lets exactly the catalogue GETs through', async () => {
    const transport = createTransport({ origin, timeoutMs: 2_000 });
    const send = (method: string, path: string, body?: string) =>
      transport.send({ method: method as 'GET', url: `${origin}/v1.0${path}`, headers: {}, body });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({
            kind: fc.constant('write' as const),
            method: writeMethod,
            path: fc.oneof(allowedPath, otherPath, fc.constant('/$batch')),
            body: fc.option(fc.json(), { nil: undefined }),
          }),
          fc.record({ kind: fc.constant('get' as const), path: fc.oneof(allowedPath, otherPath) }),
          fc.record({
            kind: fc.constant('batch' as const),
            inner: fc.array(
              fc.record({
                method: fc.oneof(fc.constant('GET'), writeMethod),
                url: fc.oneof(allowedPath, otherPath),
                body: fc.option(fc.jsonValue(), { nil: undefined }),
              }),
              { minLength: 1, maxLength: 25 },
            ),
          }),
        ),
        async (req) => {
          const before = requests;
          let outcome: unknown;
          let shouldPass: boolean;
          if (req.kind === 'write') {
            outcome = await send(req.method, req.path, req.body).catch((e: unknown) => e);
            shouldPass = false;
          } else if (req.kind === 'get') {
            outcome = await send('GET', req.path).catch((e: unknown) => e);
            shouldPass = allowed.some((re) => re.test(req.path));
          } else {
            const requestsBody = req.inner.map((r, i) => ({
              id: String(i),
              method: r.method,
              url: r.url,
              ...(r.body !== undefined ? { body: r.body } : {}),
            }));
            outcome = await send('POST', '/$batch', JSON.stringify({ requests: requestsBody })).catch(
              (e: unknown) => e,
            );
            shouldPass =
              req.inner.length <= 20 &&
              req.inner.every(
                (r) => r.method === 'GET' && r.body === undefined && allowed.some((re) => re.test(r.url)),
              );
          }
          if (shouldPass) {
            expect(outcome).not.toBeInstanceOf(Error);
            expect(requests).toBe(before + 1);
          } else {
            expect(outcome).toBeInstanceOf(ReadOnlyViolationError);
            expect(requests).toBe(before);
          }
        },
      ),
      { numRuns: 3000 },
    );
    transport.close();
  }, 60_000);
});
