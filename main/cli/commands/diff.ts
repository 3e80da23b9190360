/**
 * `entra-audit diff <old> <new>`: what changed between two snapshots of one tenant, as a table on the
 * terminal and, with --json, the full list for pipelines. Exit 0: no change; 1: changes found.
 */
import { writeFileSync } from 'node:fs';
import { diffFiles } from '../../diff/diff-files.js';
import { TenantMismatchError, type SnapshotDiff } from '../../diff/diff-types.js';
import { formatDiff } from '../../diff/format-diff.js';
import { SnapshotOpenError } from '../../store/index.js';
import { intFlag, parseArgs, stringFlag } from '../args.js';
import { CliError, EXIT } from '../cli-error.js';
import { readTerminations } from './cli-inputs.js';

const HELP = `usage: entra-audit diff <old.sqlite> <new.sqlite> [--json <file>] [--terminations <hr.csv>] [--limit N]

Compares two snapshots of the same tenant: admins and role assignments (active and eligible), MFA
regressions, re-enabled accounts, leavers still enabled (with --terminations), conditional access
policy changes in words, new applications and credentials, and check results (when both carry them).
  --json <file>          write every change as JSON
  --terminations <csv>   HR list of leavers (userPrincipalName/upn/email/mail/employeeId + terminationDate)
  --limit N              lines per section on the terminal (default 50)
Exit codes: 0 no change, 1 changes found, 2 usage, 3 bad input (not a snapshot, different tenants, bad CSV).`;

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
  let diff: SnapshotDiff;
  try {
    diff = diffFiles(oldPath, newPath, { leavers });
  } catch (err) {
    if (err instanceof TenantMismatchError || err instanceof SnapshotOpenError) throw new CliError(err.message, EXIT.badInput);
    throw err;
  }
  console.log(formatDiff(diff, limit));
  const json = stringFlag(p, 'json');
  if (json) {
    writeFileSync(json, `${JSON.stringify(diff, null, 2)}\n`);
    console.log(`\nJSON written to ${json}`);
  }
  return diff.changes.length ? EXIT.findings : EXIT.ok;
}
