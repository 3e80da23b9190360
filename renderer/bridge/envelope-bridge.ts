/**
 * The transport-level bridge both hosts provide: one named method per channel, answering with the
 * envelope main sent ({ok, result} or {ok: false, error}). The preload exposes it as
 * `window.entraAudit`; http-transport.ts builds the same shape over fetch.
 */
import type { ChannelInput, ChannelName, ChannelResult, Envelope } from '../../shared/ipc.js';

export type EnvelopeBridge = { [K in ChannelName]: (input: ChannelInput<K>) => Promise<Envelope<ChannelResult<K>>> };

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser (the HTTP bridge is used then). */
    entraAudit?: EnvelopeBridge;
  }
}
