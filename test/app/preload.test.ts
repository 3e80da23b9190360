/**
 * The preload, with electron mocked: it exposes exactly one object, `entraAudit`, whose methods are
 * the channel names, each invoking only its own channel. No send, no on, no ipcRenderer leak.
 */
import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, IPC_PREFIX } from '../../shared/ipc.js';

const exposed: Record<string, unknown> = {};
const invoked: { channel: string; input: unknown }[] = [];

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: {
    invoke: async (channel: string, input: unknown) => {
      invoked.push({ channel, input });
      return { ok: true, result: null };
    },
    send: () => {
      throw new Error('send must never be used');
    },
  },
}));

describe('preload', () => {
  it('exposes one frozen bridge of named methods that each invoke their own channel', async () => {
    await import('../../main/app/preload.js');
    expect(Object.keys(exposed)).toEqual(['entraAudit']);
    const bridge = exposed.entraAudit as Record<string, (i: unknown) => Promise<unknown>>;
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const forbidden of ['send', 'on', 'invoke', 'ipcRenderer', 'sendSync'])
      expect(bridge[forbidden]).toBeUndefined();
    for (const name of CHANNEL_NAMES) await bridge[name]({ probe: name });
    expect(invoked).toEqual(CHANNEL_NAMES.map((name) => ({ channel: IPC_PREFIX + name, input: { probe: name } })));
  });
});
