/**
 * The Electron entry (bundled to dist/electron/main.cjs by scripts/build-electron.mjs): registers the
 * app scheme, then starts the shell with the services in a worker thread.
 */
import * as electron from 'electron';
import { join } from 'node:path';
import { registerSchemes, startShell } from './shell.js';
import { workerBackend } from './worker/worker-backend.js';

// Bundled as CommonJS: __dirname is dist/electron (inside app.asar when packaged).
const here = __dirname;
// The PDF fonts: packaged as an extra resource, or the checkout's assets/ folder in development.
// Set before the worker starts, which inherits the environment.
process.env.ENTRA_AUDIT_ASSETS ??= electron.app.isPackaged
  ? join(process.resourcesPath, 'assets')
  : join(here, '..', '..', 'assets');

registerSchemes(electron);
startShell(electron, {
  rendererDir: join(here, '..', 'renderer'),
  preload: join(here, 'preload.cjs'),
  makeBackend: (host, init) => workerBackend({ script: join(here, 'service-worker.cjs'), init, host }),
}).catch((err: unknown) => {
  console.error('Entra Audit Desktop could not start:', err);
  electron.app.exit(1);
});
