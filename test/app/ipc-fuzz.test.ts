/**
 * IPC fuzzing: random payloads on every channel, through the same handler the app registers and
 * through the services' dispatch. Invalid input never reaches a service, nothing ever throws, and
 * every answer is an envelope.
 */
import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, CHANNELS, type Envelope } from '../../shared/ipc.js';
import { inProcessBackend, type ServiceBackend } from '../../main/app/backend.js';
import { handleInvoke } from '../../main/app/ipc.js';

const APP_FRAME = { url: 'app://entra-audit/index.html', parent: null } as never;

/** Payloads of every JSON-ish shape, plus the nasty ones (prototype keys, huge strings, deep nesting). */
const payload = fc.oneof(
  fc.jsonValue(),
  fc.anything(),
  fc.constantFrom(
    undefined,
    null,
    NaN,
    Infinity,
    -0,
    '',
    'x'.repeat(100_000),
    { __proto__: { users: 100 } },
    JSON.parse('{"__proto__":{"polluted":true}}'),
    { constructor: { prototype: {} } },
  ),
  fc.dictionary(
    fc.constantFrom(
      'users',
      'seed',
      'licence',
      'offset',
      'limit',
      'path',
      'checkId',
      'jobId',
      'url',
      'signer',
      'frameworks',
      'accessToken',
    ),
    fc.anything(),
  ),
);

function isEnvelope(e: Envelope<unknown>): boolean {
  return e.ok === true ? 'result' in e : typeof e.error?.code === 'string' && typeof e.error.message === 'string';
}

describe('IPC fuzz', () => {
  it('never forwards input its schema rejects, and never throws', async () => {
    const forwarded: { channel: string; input: unknown }[] = [];
    const backend: ServiceBackend = {
      call: async (channel, input) => (forwarded.push({ channel, input }), { ok: true, result: null }),
      close: async () => {},
    };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNEL_NAMES), payload, async (channel, input) => {
        forwarded.length = 0;
        const valid = CHANNELS[channel].input.safeParse(input ?? {}).success;
        const out = await handleInvoke(backend, channel, { senderFrame: APP_FRAME }, input);
        expect(isEnvelope(out)).toBe(true);
        if (!valid) {
          expect(out).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
          expect(forwarded).toHaveLength(0);
        }
      }),
      { numRuns: 1500 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers unknown channel names with not-found, whatever the name', async () => {
    const backend = inProcessBackend({
      transport: 'electron',
      appVersion: 't',
      dataDir: mkdtempSync(join(tmpdir(), 'ea-fuzz-')),
    });
    await fc.assert(
      fc.asyncProperty(fc.string(), payload, async (name, input) => {
        fc.pre(!(CHANNEL_NAMES as string[]).includes(name));
        const out = await backend.call(name, input);
        expect(out).toMatchObject({ ok: false, error: { code: 'not-found' } });
      }),
      { numRuns: 300 },
    );
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty'])
      expect(await backend.call(name, {})).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await backend.close();
  });

  it('runs the real services on random input without a throw (no session: clear errors)', async () => {
    const backend = inProcessBackend({
      transport: 'electron',
      appVersion: 't',
      dataDir: mkdtempSync(join(tmpdir(), 'ea-fuzz-')),
    });
    const skip = new Set(['connectDemo', 'connectInteractive', 'connectAccessToken', 'connectAppRegistration']);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CHANNEL_NAMES.filter((n) => !skip.has(n))),
        payload,
        async (channel, input) => {
          const out = await backend.call(channel, input);
          expect(isEnvelope(out)).toBe(true);
        },
      ),
      { numRuns: 800 },
    );
    await backend.close();
  });
});
