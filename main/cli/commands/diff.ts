/**
 * `entra-audit diff <old> <new>`: what changed between two snapshots of one tenant, as a table on the
 * terminal and, with --json, the full list for pipelines. Exit 0: no change; 1: changes found.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { diffSnapshots } from '../../diff/diff-snapshots.js';
import { TenantMismatchError } from '../../diff/diff-types.js';
import { formatDiff } from '../../diff/format-diff.js';
import { parseTerminationsCsv, TerminationsCsvError } from '../../checks/terminations-csv.js';
import type { TerminationRecord } from '../../checks/types.js';
import { storedResults } from '../../diff/stored-results.js';
import { openSnapshot, SnapshotOpenError, type SqliteSnapshotReader } from '../../store/index.js';
import { intFlag, parseArgs, stringFlag } from '../args.js';
import { CliError, EXIT } from '../cli-error.js';

const HELP = `usage: entra-audit diff <old.sqlite> <new.sqlite> [--json <file>] [--terminations <hr.csv>] [--limit N]

Compares two snapshots of the same tenant: admins and role assignments (active and eligible), MFA
regressions, re-enabled accounts, leavers still enabled (with --terminations), conditional access
policy changes in words, new applications and credentials, and check results (when both carry them).
  --json <file>          write every change as JSON
  --terminations <csv>   HR list of leavers (userPrincipalName/upn/email/mail/employeeId + terminationDate)
  --limit N              lines per section on the terminal (default 50)
Exit codes: 0 no change, 1 changes found, 2 usage, 3 bad input (not a snapshot, different tenants, bad CSV).`;

/** Opens a snapshot read-only, turning the store's open errors into the CLI's bad-input error. */
export function openForCli(path: string): SqliteSnapshotReader {
  try {
    return openSnapshot(path);
  } catch (err) {
    if (err instanceof SnapshotOpenError) throw new CliError(err.message, EXIT.badInput);
    throw err;
  }
}

/** Reads and parses a terminations CSV, with the CLI's error on a bad file. */
export function readTerminations(path: string): TerminationRecord[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CliError(`cannot read the terminations file ${path}`, EXIT.badInput);
  }
  try {
    return parseTerminationsCsv(text);
  } catch (err) {
    if (err instanceof TerminationsCsvError) throw new CliError(`${path}: ${err.message}`, EXIT.badInput);
    throw err;
  }
}

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(HELP);
    return EXIT.ok;
  }
  const p = parseArgs(args, { json: { value: true }, terminations: { value: true }, limit: { value: true } }, 2);
  if (p.positionals.length !== 2) throw new CliError(`two snapshots are needed\n\n${HELP}`, EXIT.usage);
  const [oldPath, newPath] = p.positionals;
  const limit = intFlag(p, 'limit', 1, 1_000_000) ?? 50;
  const terminations = stringFlag(p, 'terminations');
  const leavers = terminations ? readTerminations(terminations) : undefined;
  const oldR = openForCli(oldPath);
  try {
    const newR = openForCli(newPath);
    try {
      const diff = diffSnapshots({ path: oldPath, view: oldR, results: storedResults(oldPath) },
        { path: newPath, view: newR, results: storedResults(newPath) }, { leavers });
      console.log(formatDiff(diff, limit));
      const json = stringFlag(p, 'json');
      if (json) {
        writeFileSync(json, `${JSON.stringify(diff, null, 2)}\n`);
        console.log(`\nJSON written to ${json}`);
      }
      return diff.changes.length ? EXIT.findings : EXIT.ok;
    } finally {
      newR.close();
    }
  } catch (err) {
    if (err instanceof TenantMismatchError) throw new CliError(err.message, EXIT.badInput);
    throw err;
  } finally {
    oldR.close();
  }
}
