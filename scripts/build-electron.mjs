// Bundles the Electron main process, the preload and the service and analysis workers with esbuild
// into dist/electron (CommonJS for Electron 42's Node). Our own code is bundled; npm packages stay
// external for main and worker (they load from node_modules in the asar, with their data files, and
// Electron ≥ 17 reads worker scripts and modules from the asar), while the sandboxed preload bundles
// everything it needs (only `electron` may be required there).
// Electron fuses are flipped by electron-builder's afterPack hook (scripts/electron-fuses.cjs).
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';

const outdir = 'dist/electron';
mkdirSync(outdir, { recursive: true });
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'info',
  outdir,
  outExtension: { '.js': '.cjs' },
};
// ESM sources read import.meta.url (e.g. to find assets/fonts); in CommonJS it comes from __filename.
const importMeta = {
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__importMetaUrl' },
};

await build({ ...common, ...importMeta, entryPoints: { main: 'main/app/electron-main.ts' }, packages: 'external' });
await build({
  ...common,
  ...importMeta,
  // The snapshot analysis (content hash, checks) and the pack's sign-in CSV run in workers the services
  // start beside them (main/threads/start-worker.ts finds them there).
  entryPoints: {
    'service-worker': 'main/app/worker/service-worker.ts',
    'analysis-worker': 'main/app/services/analysis-worker.ts',
    // sign-in-logs.csv is written beside the other CSVs of a pack (main/export/csv/sign-ins-csv.ts).
    'sign-ins-worker': 'main/export/csv/sign-ins-worker.ts',
  },
  packages: 'external',
});
await build({ ...common, entryPoints: { preload: 'main/app/preload.ts' }, external: ['electron'], minify: true });
