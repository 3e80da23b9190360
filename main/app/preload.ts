/**
 * The preload: exposes `window.entraAudit`, one named method per channel of the table, each a
 * single ipcRenderer.invoke on that channel. No generic send, no ipcRenderer, no Node in the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES, IPC_PREFIX } from '../../shared/ipc.js';

/** Builds the bridge object (exported for tests). */
export function buildBridge(
  invoke: (channel: string, input: unknown) => Promise<unknown>,
): Record<string, (input: unknown) => Promise<unknown>> {
  const bridge: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of CHANNEL_NAMES) {
    const channel = IPC_PREFIX + name;
    bridge[name] = (input: unknown) => invoke(channel, input);
  }
  return Object.freeze(bridge);
}

contextBridge.exposeInMainWorld(
  'entraAudit',
  buildBridge((channel, input) => ipcRenderer.invoke(channel, input)),
);
