// Bundles the Electron main process, the preload and the service worker with esbuild into
// dist/electron (CommonJS, Node target of Electron 42). better-sqlite3 stays external (native).
// Electron fuses are flipped by electron-builder's afterPack hook (scripts/electron-fuses.cjs).
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';

const outdir = 'dist/electron';
mkdirSync(outdir, { recursive: true });
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node22', sourcemap: false, legalComments: 'none', logLevel: 'info' };

await build({ ...common, entryPoints: { main: 'main/app/electron-main.ts' }, outdir, outExtension: { '.js': '.cjs' }, external: ['electron', 'better-sqlite3'] });
// The preload runs sandboxed: only `electron` may be required; everything else is bundled in.
await build({ ...common, entryPoints: { preload: 'main/app/preload.ts' }, outdir, outExtension: { '.js': '.cjs' }, external: ['electron'] });
await build({ ...common, entryPoints: { 'service-worker': 'main/app/worker/service-worker.ts' }, outdir, outExtension: { '.js': '.cjs' }, external: ['electron', 'better-sqlite3'] });
