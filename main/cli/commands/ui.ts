/**
 * `entra-audit ui`: the app in a browser. Starts the HTTP bridge on 127.0.0.1 with a random token,
 * serves the built renderer (npm run build:web) and prints the URL to open. Serves until stopped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWebSession } from '../../app/web-session.js';
import { intFlag, parseArgs, stringFlag } from '../args.js';
import { CliError, EXIT } from '../cli-error.js';

const HELP = `usage: entra-audit ui [--port P] [--data-dir DIR] [--renderer DIR]

Serves the app on http://127.0.0.1 for a browser, with a random per-launch token in the printed URL.
  --port P        port to listen on (default: a random free port)
  --data-dir DIR  where snapshots and packs go (default: ~/.entra-audit)
  --renderer DIR  the built renderer (default: dist/renderer; build it with npm run build:web)`;

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help')) {
    console.log(HELP);
    return EXIT.ok;
  }
  const p = parseArgs(args, { port: { value: true }, 'data-dir': { value: true }, renderer: { value: true } }, 0);
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
  const staticDir = resolve(stringFlag(p, 'renderer') ?? join(root, 'dist/renderer'));
  if (!existsSync(join(staticDir, 'index.html')))
    throw new CliError(`no built renderer in ${staticDir}: run "npm run build:web" first`, EXIT.usage);
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const web = await startWebSession({
    dataDir: resolve(stringFlag(p, 'data-dir') ?? join(homedir(), '.entra-audit')),
    staticDir,
    port: intFlag(p, 'port', 1, 65535),
    appVersion: version,
  });
  console.log(
    `Entra Audit Desktop is serving on ${web.origin}\nOpen: ${web.url}\n(the token in the link is valid until this process stops; Ctrl+C to stop)`,
  );
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await web.close();
  return EXIT.ok;
}
