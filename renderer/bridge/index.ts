/**
 * The renderer's one bridge object: the Electron preload's when present, else the HTTP bridge with
 * the token from the URL fragment. Envelopes become results or a thrown BridgeError.
 */
import { CHANNEL_NAMES, type BridgeErrorCode, type EntraAuditBridge } from '../../shared/ipc.js';
import type { EnvelopeBridge } from './envelope-bridge.js';
import { createHttpTransport, takeTokenFromFragment } from './http-transport.js';

/** An error main returned on purpose; `code` decides how the screen shows it. */
export class BridgeError extends Error {
  constructor(
    readonly code: BridgeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}

function unwrap(transport: EnvelopeBridge): EntraAuditBridge {
  const entries = CHANNEL_NAMES.map((name) => [
    name,
    async (input: unknown) => {
      const env = await (
        transport[name] as (
          i: unknown,
        ) => Promise<{ ok: boolean; result?: unknown; error?: { code: BridgeErrorCode; message: string } }>
      )(input);
      if (env.ok) return env.result;
      throw new BridgeError(env.error?.code ?? 'failed', env.error?.message ?? 'unknown error');
    },
  ]);
  return Object.freeze(Object.fromEntries(entries)) as unknown as EntraAuditBridge;
}

/** Picks the transport; null when neither the preload nor a token is there. */
export function connectBridge(): EntraAuditBridge | null {
  if (window.entraAudit) return unwrap(window.entraAudit);
  const token = takeTokenFromFragment();
  return token ? unwrap(createHttpTransport(token)) : null;
}
