/**
 * The headless command line: the same services as the app, no Electron.
 * Each command lives in commands/<name>.ts and exports `run(args): Promise<number>` (the exit code).
 */
import { CliError, EXIT } from './cli-error.js';

type Command = { summary: string; load: () => Promise<{ run: (args: string[]) => Promise<number> }> };

const COMMANDS: Record<string, Command> = {
  collect: { summary: 'collect a tenant through Microsoft Graph into a snapshot', load: () => import('./commands/collect.js') },
  demo: { summary: 'collect a synthetic demo tenant into a snapshot', load: () => import('./commands/demo.js') },
  emulator: { summary: 'serve a synthetic tenant as Microsoft Graph on loopback', load: () => import('./commands/emulator.js') },
  check: { summary: 'run the security checks on a snapshot; summary, JSON, exit code for pipelines', load: () => import('./commands/check.js') },
  export: { summary: 'run the checks and write a signed evidence pack (folder + zip)', load: () => import('./commands/export.js') },
  verify: { summary: 'verify an evidence pack (folder or zip) offline; exit 0 only when intact', load: () => import('./commands/verify.js') },
  diff: { summary: 'what changed between two snapshots of one tenant', load: () => import('./commands/diff.js') },
  review: { summary: 'access review campaigns: create a workbook, import decisions', load: () => import('./commands/review.js') },
  sample: { summary: 'a reproducible random sample for auditors, with evidence', load: () => import('./commands/sample.js') },
  ui: { summary: 'serve the app for a browser on 127.0.0.1 (token in the printed URL)', load: () => import('./commands/ui.js') },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `usage: entra-audit <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nRun "entra-audit <command> --help" for a command's options.`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    console.log(usage());
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`entra-audit: unknown command "${name}"\n\n${usage()}`);
    return EXIT.usage;
  }
  try {
    return await (await command.load()).run(rest);
  } catch (err) {
    if (err instanceof CliError) {
      console.error(`entra-audit ${name}: ${err.message}`);
      return err.exitCode;
    }
    throw err;
  }
}
