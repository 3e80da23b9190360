/**
 * A session served over the HTTP bridge (no Electron): the `ui` command and the e2e tests start one.
 */
import { createHandlers } from './services/handlers.js';
import { AppSession } from './services/session.js';
import { frameworkTitle, runChecks } from './services/engines.js';
import { startHttpBridge, type HttpBridge } from './http-bridge.js';

export interface WebSessionOptions {
  dataDir: string;
  staticDir?: string;
  port?: number;
  appVersion: string;
  demoSpeedup?: number;
  /** Where the self-signed pack signer lives (default: the user's profile, as the CLI). */
  signerDir?: string;
}

/** Starts a session and its bridge; close() stops both (and the demo emulator, if any). */
export async function startWebSession(opts: WebSessionOptions): Promise<HttpBridge & { session: AppSession }> {
  const session = new AppSession(
    {
      transport: 'http',
      appVersion: opts.appVersion,
      dataDir: opts.dataDir,
      demoSpeedup: opts.demoSpeedup,
      signerDir: opts.signerDir,
    },
    runChecks,
  );
  const bridge = await startHttpBridge({
    handlers: createHandlers(session, frameworkTitle),
    staticDir: opts.staticDir,
    port: opts.port,
  });
  return {
    ...bridge,
    session,
    close: async () => {
      await bridge.close();
      await session.close();
    },
  };
}
