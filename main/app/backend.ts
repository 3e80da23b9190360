/**
 * Where the service calls run. The Electron shell forwards every validated IPC call to a backend:
 * in the app a worker thread (worker/), so collection, checks and export never block the main
 * process; in tests and the HTTP bridge the same services in-process.
 */
import type { Envelope } from '../../shared/ipc.js';
import { dispatch } from './services/dispatch.js';
import { frameworkTitle, runChecks } from './services/engines.js';
import { createHandlers } from './services/handlers.js';
import type { Host } from './services/host.js';
import { AppSession } from './services/session.js';

export interface ServiceBackend {
  call(channel: string, input: unknown): Promise<Envelope<unknown>>;
  close(): Promise<void>;
}

/** The services in this thread. */
export function inProcessBackend(host: Host): ServiceBackend {
  const session = new AppSession(host, runChecks);
  const handlers = createHandlers(session, frameworkTitle);
  return {
    call: (channel, input) => dispatch(handlers, channel, input),
    close: () => session.close(),
  };
}
