/**
 * The one place a call from the renderer enters main: validate the input with the channel's zod
 * schema, run the service, and wrap the outcome in an envelope. The Electron IPC handlers and the HTTP
 * bridge both call this, so validation and error mapping cannot differ between transports.
 */
import {
  isChannelName,
  parseInput,
  type ChannelName,
  type ChannelParsed,
  type ChannelResult,
  type Envelope,
} from '../../../shared/ipc.js';
import { ServiceError } from './service-error.js';

const SNAPSHOT_BUSY = 'The snapshot is busy storing its check results: try again in a moment';

/** A service implementation for every channel. */
export type Handlers = {
  [K in ChannelName]: (input: ChannelParsed<K>) => Promise<ChannelResult<K>> | ChannelResult<K>;
};

/** Runs one call; never throws (every failure becomes an error envelope). */
export async function dispatch(handlers: Handlers, name: string, input: unknown): Promise<Envelope<unknown>> {
  if (!isChannelName(name))
    return { ok: false, error: { code: 'not-found', message: `no such channel "${String(name).slice(0, 80)}"` } };
  const parsed = parseInput(name, input);
  if (!parsed.ok) return { ok: false, error: { code: 'invalid-input', message: parsed.message } };
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    return { ok: true, result: await handler(parsed.value) };
  } catch (err) {
    if (err instanceof ServiceError) return { ok: false, error: { code: err.code, message: err.message } };
    // A live snapshot is locked for some seconds while its check results are written into it.
    if ((err as { code?: unknown }).code === 'SQLITE_BUSY')
      return { ok: false, error: { code: 'conflict', message: SNAPSHOT_BUSY } };
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { code: 'failed', message } };
  }
}
