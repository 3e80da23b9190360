/**
 * The renderer's bridge picks the preload's object when present and turns envelopes into results
 * or BridgeErrors carrying main's error code.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/ipc.js';
import { BridgeError, connectBridge } from '../../renderer/bridge/index.js';

const g = globalThis as unknown as { window?: unknown };

describe('renderer bridge', () => {
  afterEach(() => {
    delete g.window;
  });

  it('uses the preload bridge and unwraps envelopes', async () => {
    const preload = Object.fromEntries(
      CHANNEL_NAMES.map((name) => [
        name,
        async (input: unknown) =>
          name === 'users'
            ? { ok: false, error: { code: 'read-only', message: 'no' } }
            : { ok: true, result: { name, input } },
      ]),
    );
    g.window = { entraAudit: preload, location: { hash: '' } };
    const bridge = connectBridge()!;
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge).sort()).toEqual([...CHANNEL_NAMES].sort());
    await expect(bridge.appInfo({})).resolves.toEqual({ name: 'appInfo', input: {} });
    const err = await bridge.users({ offset: 0, limit: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BridgeError);
    expect(err).toMatchObject({ code: 'read-only', message: 'no' });
  });

  it('has no bridge without the preload or a token in the URL fragment', () => {
    const store = new Map<string, string>();
    g.window = { location: { hash: '' } };
    (globalThis as unknown as { sessionStorage: unknown }).sessionStorage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
    };
    expect(connectBridge()).toBeNull();
  });
});
