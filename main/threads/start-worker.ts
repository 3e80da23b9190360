/**
 * Starts one of our worker-thread entries from the module that owns it. Run from source (tsx: CLI,
 * tests, bench) the worker registers tsx's loader, then loads `<name>.ts` beside the caller; in the
 * bundled app the caller is itself a bundle in dist/electron and `<name>.cjs` is built beside it
 * (scripts/build-electron.mjs lists every entry).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

interface TsxPackage {
  exports: { './esm/api': { import: { default: string } } };
}

/**
 * `callerUrl` is the caller's `import.meta.url`; `lowPriority` lowers the thread's priority before
 * anything loads (Linux only, where it reaches just that thread).
 */
export function startWorker(callerUrl: string, name: string, workerData: unknown, opts: { lowPriority?: boolean } = {}): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.cjs`, callerUrl), { workerData });
  // From source: tsx's ESM API, found through its package exports.
  const tsxPackage = createRequire(callerUrl).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(tsxPackage, 'utf8')) as TsxPackage;
  const api = pathToFileURL(join(dirname(tsxPackage), exports['./esm/api'].import.default)).href;
  const entry = new URL(`./${name}.ts`, callerUrl).href;
  const nice = opts.lowPriority && process.platform === 'linux' ? "require('node:os').setPriority(0, 10);" : '';
  const boot = `${nice} import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData });
}
