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
/** Worker scripts cannot run from inside the asar archive: electron-builder unpacks this one. */
const unpacked = (p: string) => p.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');

registerSchemes(electron);
startShell(electron, {
  rendererDir: join(here, '..', 'renderer'),
  preload: join(here, 'preload.cjs'),
  makeBackend: (host, init) => workerBackend({ script: unpacked(join(here, 'service-worker.cjs')), init, host }),
}).catch((err: unknown) => {
  console.error('Entra Audit Desktop could not start:', err);
  electron.app.exit(1);
});
