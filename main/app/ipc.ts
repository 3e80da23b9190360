/**
 * Registers one ipcMain handler per channel of the table. Each checks that the sender is our app's
 * top frame, validates the input with the channel's zod schema, and only then hands the call to the
 * service backend. Anything else gets an error envelope, never an exception.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNEL_NAMES, IPC_PREFIX, parseInput, type Envelope } from '../../shared/ipc.js';
import type { ServiceBackend } from './backend.js';
import { isTrustedSender } from './window/security.js';

/** Handles one invoke; exported for tests. */
export async function handleInvoke(
  backend: ServiceBackend,
  channel: string,
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  input: unknown,
): Promise<Envelope<unknown>> {
  if (!isTrustedSender(event.senderFrame))
    return { ok: false, error: { code: 'forbidden', message: 'this window may not call the app' } };
  const parsed = parseInput(channel as (typeof CHANNEL_NAMES)[number], input);
  if (!parsed.ok) return { ok: false, error: { code: 'invalid-input', message: parsed.message } };
  return backend.call(channel, parsed.value);
}

/** Registers every channel; returns a function that removes them. */
export function registerIpc(ipcMain: IpcMain, backend: ServiceBackend): () => void {
  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(IPC_PREFIX + name, (event, input: unknown) => handleInvoke(backend, name, event, input));
  }
  return () => {
    for (const name of CHANNEL_NAMES) ipcMain.removeHandler(IPC_PREFIX + name);
  };
}
