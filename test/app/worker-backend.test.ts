/**
 * The service worker thread the Electron shell uses: calls travel to the services off the main thread
 * and back as envelopes, Electron-only host functions (dialogs) are asked of the main thread, and the
 * worker shuts down cleanly.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceBackend } from '../../main/app/backend.js';
import { workerBackend } from '../../main/app/worker/worker-backend.js';

describe('service worker backend', () => {
  let backend: ServiceBackend;
  const asked: string[] = [];

  beforeAll(() => {
    backend = workerBackend({
      script: new URL('./fixtures/ts-worker.mjs', import.meta.url),
      argv: [new URL('../../main/app/worker/service-worker.ts', import.meta.url).href],
      init: { appVersion: '7.7.7', dataDir: mkdtempSync(join(tmpdir(), 'ea-worker-')), nativeDialogs: true },
      host: {
        pickSnapshotFile: async () => (asked.push('pickSnapshotFile'), '/picked/snapshot.sqlite'),
        pickDirectory: async () => (asked.push('pickDirectory'), null),
        openExternal: async () => {
          throw new Error('not in this test');
        },
        secretSave: async () => {},
        secretLoad: async () => null,
      },
    });
  });
  afterAll(async () => {
    await backend.close();
  });

  it('runs service calls in the worker and answers with envelopes', async () => {
    expect(await backend.call('appInfo', {})).toMatchObject({
      ok: true,
      result: { version: '7.7.7', transport: 'electron', nativeDialogs: true },
    });
    expect(await backend.call('users', { offset: -5 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await backend.call('nope', {})).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('asks the main thread for the dialogs only it can show', async () => {
    expect(await backend.call('snapshotPick', {})).toEqual({ ok: true, result: { path: '/picked/snapshot.sqlite' } });
    expect(await backend.call('exportPickDestination', {})).toEqual({ ok: true, result: { path: null } });
    expect(asked).toEqual(['pickSnapshotFile', 'pickDirectory']);
  });

  it('answers many concurrent calls, each with its own result', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => backend.call(i % 2 ? 'appInfo' : 'session', {})),
    );
    results.forEach((r, i) =>
      expect(r.ok && (i % 2 ? 'version' in (r.result as object) : 'connection' in (r.result as object))).toBe(true),
    );
  });
});
