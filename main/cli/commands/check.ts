/**
 * `entra-audit check <snapshot>`: runs the check catalogue on a snapshot (offline), prints a summary
 * by severity and framework, optionally writes the JSON contract for pipelines, and stores the
 * results in the snapshot's results layer (collected data and its content hash stay untouched).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolveFrameworks, type FrameworkId } from '../../../shared/frameworks/catalogue.js';
import type { RiskException } from '../../../shared/results.js';
import { CHECKS } from '../../checks/catalogue/index.js';
import { checkSnapshot, type CheckSnapshotResult } from '../../checks/check-snapshot.js';
import { ExceptionsFileError, parseExceptions } from '../../checks/exceptions.js';
import { parseTerminationsCsv, TerminationsCsvError } from '../../checks/terminations-csv.js';
import type { TerminationRecord } from '../../checks/types.js';
import { SnapshotOpenError } from '../../store/index.js';
import { intFlag, parseArgs, stringFlag } from '../args.js';
import { CliError, EXIT } from '../cli-error.js';
import { formatCheckReport } from './check-report.js';

const HELP = `usage: entra-audit check <snapshot.sqlite> [options]

Runs every security check on the snapshot, prints a summary by severity and framework, and stores
the results in the snapshot's results layer (apart from the collected data).

options:
  --terminations <file.csv>  HR list of leavers: a column identifying the person (userPrincipalName,
                             upn, email, mail or employeeId; headers case-insensitive, several allowed)
                             and a termination date (terminationDate, termination_date or lastDay,
                             ISO 8601 such as 2026-03-31); other columns are ignored
  --exceptions <file.json>   accepted risks (see below); exceptions stored in the snapshot apply too
  --framework <ids>          frameworks to report controls for, comma-separated or repeated:
                             soc2, iso27001-2013, iso27001-2022, hipaa, gdpr, nist-csf-1.1,
                             nist-csf-2.0, pci-dss-4.0 (default: all)
  --json <file>              write the results as JSON ("-" for standard output)
  --inactive-days <N>        days without sign-in before an account is inactive (default 90)
  --grace-days <N>           days after termination to disable a leaver (default 7)
  --no-store                 do not write the results into the snapshot (e.g. read-only media)
  --help                     this text

exceptions file (JSON):
  { "exceptions": [ { "id": "EX-001", "checkId": "inactive-user-accounts",
      "entityId": "<Entra object id, or * for every entity of the check>",
      "reason": "Seasonal staff, reactivated each summer", "approver": "ciso@contoso.com",
      "createdAt": "2026-01-15", "expiresAt": "2026-06-30" } ] }
  A failing result an exception covers shows as "exception" (the finding stays visible) until the
  expiry date (inclusive); expired exceptions no longer apply.

JSON output (a documented contract):
  { "checks":   [ { "id", "title", "severity", "controls": [...], "counts": { "pass", "fail",
                    "not-applicable", "not-assessed", "exception", "external" }, "status", ... } ],
    "results":  [ { "checkId", "entityType", "entityId", "entityName", "outcome", "reason", "evidence" } ],
    "controls": [ { "framework", "controlId", "title", "status", "checkIds", "artifacts" } ],
    "snapshot": { "snapshotId", "tenantId", "tenantName", "contentHash" }, "evaluatedAt" }
  outcome is one of pass, fail, not-applicable, not-assessed, exception, external (decided outside
  Entra ID, e.g. MFA at a federated IdP); entityId of a user is the Entra object id.

exit codes: 0 no check failed, 1 findings (at least one check failed), 2 usage, 3 bad input`;

const SPEC = {
  terminations: { value: true },
  exceptions: { value: true },
  framework: { value: true, repeat: true },
  json: { value: true },
  'inactive-days': { value: true },
  'grace-days': { value: true },
  'no-store': { value: false },
  help: { value: false },
} as const;

function readInput(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, EXIT.badInput);
  }
}

function loadTerminations(path: string | undefined): TerminationRecord[] | undefined {
  if (!path) return undefined;
  try {
    return parseTerminationsCsv(readInput(path, 'terminations file'));
  } catch (err) {
    if (err instanceof TerminationsCsvError) throw new CliError(`${path}: ${err.message}`, EXIT.badInput);
    throw err;
  }
}

function loadExceptions(path: string | undefined): RiskException[] {
  if (!path) return [];
  try {
    return parseExceptions(readInput(path, 'exceptions file'), CHECKS.map((c) => c.id));
  } catch (err) {
    if (err instanceof ExceptionsFileError) throw new CliError(`${path}: ${err.message}`, EXIT.badInput);
    throw err;
  }
}

function frameworks(values: string[]): FrameworkId[] {
  try {
    return resolveFrameworks(values.flatMap((v) => v.split(',')));
  } catch (err) {
    throw new CliError((err as Error).message, EXIT.usage);
  }
}

export async function run(args: string[]): Promise<number> {
  const p = parseArgs(args, SPEC, 1);
  if (p.flags.help) {
    console.log(HELP);
    return EXIT.ok;
  }
  const snapshotPath = p.positionals[0];
  if (!snapshotPath) throw new CliError('which snapshot? usage: entra-audit check <snapshot.sqlite> [options]', EXIT.usage);
  const chosen = frameworks((p.flags.framework as string[] | undefined) ?? []);
  const inactiveDays = intFlag(p, 'inactive-days', 1, 3650);
  const graceDays = intFlag(p, 'grace-days', 0, 365);
  const terminations = loadTerminations(stringFlag(p, 'terminations'));
  const fileExceptions = loadExceptions(stringFlag(p, 'exceptions'));
  const store = !p.flags['no-store'];

  let checked: CheckSnapshotResult;
  try {
    checked = checkSnapshot(snapshotPath, { inactiveDays, graceDays, terminations, exceptions: fileExceptions, frameworks: chosen, store });
  } catch (err) {
    if (err instanceof SnapshotOpenError) throw new CliError(err.message, EXIT.badInput);
    throw err;
  }
  const { run: result, settings, meta, storeError } = checked;
  const json = { ...result, snapshot: { snapshotId: meta.snapshotId, tenantId: meta.tenantId, tenantName: meta.tenantName, contentHash: meta.contentHash }, evaluatedAt: settings.now };
  const target = stringFlag(p, 'json');
  if (target === '-') process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  else if (target) writeFileSync(target, `${JSON.stringify(json, null, 2)}\n`);
  const report = formatCheckReport(result, meta.tenantName, settings.now);
  if (target === '-') console.error(report);
  else console.log(report);
  if (storeError) console.error(`entra-audit check: results not stored in the snapshot (${storeError}); use --no-store on read-only media`);
  const failing = result.checks.filter((c) => c.status === 'fail').length;
  return failing ? EXIT.findings : EXIT.ok;
}
