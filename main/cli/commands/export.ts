/**
 * `entra-audit export <snapshot> --out <dir>`: runs the checks on a snapshot (with the optional
 * terminations list and exceptions) and writes a signed, zipped evidence pack, then verifies it.
 * Signer: the consultant's P12 (--sign, passphrase from the environment variable named by
 * --sign-passphrase-env, never from the command line) or the self-signed profile identity.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolveFrameworks, type FrameworkId } from '../../../shared/frameworks/catalogue.js';
import { CHECKS } from '../../checks/catalogue/index.js';
import { runChecks } from '../../checks/engine.js';
import { ExceptionsFileError, parseExceptions } from '../../checks/exceptions.js';
import { parseTerminationsCsv, TerminationsCsvError } from '../../checks/terminations-csv.js';
import type { TerminationRecord } from '../../checks/types.js';
import type { RiskException } from '../../../shared/results.js';
import { diffFiles } from '../../diff/diff-files.js';
import { TenantMismatchError } from '../../diff/diff-types.js';
import { exportPack, type ExportedPack } from '../../export/export-pack.js';
import { loadP12 } from '../../export/signing/load-p12.js';
import { defaultSignerDir, profileSigner } from '../../export/signing/profile-signer.js';
import { SignerError, type SignerIdentity } from '../../export/signing/signer-identity.js';
import { verifyPack } from '../../export/verify/verify-pack.js';
import { openSnapshot, SnapshotOpenError, verifyContentHash, type SqliteSnapshotReader } from '../../store/index.js';
import { parseArgs, stringFlag } from '../args.js';
import { CliError, EXIT } from '../cli-error.js';
import { appVersion } from './app-version.js';

const HELP = `usage: entra-audit export <snapshot.sqlite> --out <dir> [options]

Runs the checks on the snapshot and writes an evidence pack to <dir> (a new or empty folder) and
<dir>.zip: report.pdf (signed), csv/*.csv, oscal/assessment-results.json, manifest.json (+ .p7s),
signer.pem, SHA256SUMS and VERIFY.txt. The pack is verified before the command returns.

options:
  --out <dir>                  the pack folder to create (required)
  --sign <cert.p12>            sign with this PKCS#12 certificate and key (default: a self-signed
                               identity kept in ${defaultSignerDir()}, created on first use)
  --sign-passphrase-env <VAR>  environment variable holding the P12's passphrase
  --signer-dir <dir>           where the self-signed identity lives (default above)
  --framework <id>             report only this framework's controls (repeatable; e.g. soc2, iso27001-2022)
  --terminations <file.csv>    HR list of leavers for the offboarding check
  --exceptions <file.json>     accepted risks (see "entra-audit check --help")
  --diff-with <older.sqlite>   add the changes since this older snapshot of the tenant (csv/diff.csv + a PDF section)
  --help                       this text

exit codes: 0 pack written and verified, 2 usage, 3 bad input (snapshot, P12, passphrase, CSV)`;

const SPEC = {
  out: { value: true },
  sign: { value: true },
  'sign-passphrase-env': { value: true },
  'signer-dir': { value: true },
  framework: { value: true, repeat: true },
  terminations: { value: true },
  exceptions: { value: true },
  'diff-with': { value: true },
  help: { value: false },
} as const;

export async function run(args: string[]): Promise<number> {
  const p = parseArgs(args, SPEC, 1);
  if (p.flags.help) {
    console.log(HELP);
    return EXIT.ok;
  }
  const snapshotPath = p.positionals[0];
  const out = stringFlag(p, 'out');
  if (!snapshotPath || !out) throw new CliError(`a snapshot and --out <dir> are required\n\n${HELP}`, EXIT.usage);
  let frameworks: FrameworkId[] = [];
  try {
    frameworks = resolveFrameworks((p.flags.framework as string[] | undefined) ?? []);
  } catch (err) {
    throw new CliError((err as Error).message, EXIT.usage);
  }
  const signer = await loadSigner(
    stringFlag(p, 'sign'),
    stringFlag(p, 'sign-passphrase-env'),
    stringFlag(p, 'signer-dir'),
  );
  const exceptionsFile = stringFlag(p, 'exceptions');
  const terminationsFile = stringFlag(p, 'terminations');
  await exportSnapshot({
    snapshotPath,
    out: resolve(out),
    signer,
    frameworks,
    exceptions: exceptionsFile ? readExceptions(exceptionsFile) : [],
    terminations: terminationsFile ? readTerminations(terminationsFile) : undefined,
    diffWith: stringFlag(p, 'diff-with'),
  });
  return EXIT.ok;
}

/**
 * Checks, exports and verifies one snapshot, printing where the pack is (also the demo's last step).
 * Throws CliError with the exit code for a snapshot that is altered, unfinished or not a snapshot,
 * a folder that is not empty, or a pack that does not verify.
 */
export async function exportSnapshot(o: {
  snapshotPath: string;
  out: string;
  signer: SignerIdentity;
  frameworks?: FrameworkId[];
  exceptions?: RiskException[];
  terminations?: TerminationRecord[];
  /** An older snapshot of the same tenant whose changes the pack carries. */
  diffWith?: string;
}): Promise<ExportedPack> {
  const reader = open(o.snapshotPath);
  try {
    const integrity = verifyContentHash(reader);
    if (!integrity.intact) {
      throw new CliError(
        integrity.expected
          ? `${o.snapshotPath} was altered after collection (content hash ${integrity.actual} differs from the recorded ${integrity.expected}); export refuses it`
          : `${o.snapshotPath} is unfinished (no content hash recorded): resume the collection first`,
        EXIT.badInput,
      );
    }
    const exceptions = o.exceptions ?? [];
    const frameworks = o.frameworks ?? [];
    const run = runChecks(reader, { exceptions, terminations: o.terminations }, { frameworks });
    const diff = o.diffWith ? diffWith(o.diffWith, o.snapshotPath, o.terminations) : undefined;
    const started = Date.now();
    const pack = await exportPack({
      diff,
      reader,
      checkRun: { ...run, exceptions },
      outDir: o.out,
      signer: o.signer,
      frameworks,
      toolVersion: appVersion(),
    }).catch((err: unknown) => {
      if (err instanceof Error && /is not empty|already exists/.test(err.message))
        throw new CliError(err.message, EXIT.usage);
      throw err;
    });
    const check = await verifyPack(pack.dir);
    for (const problem of check.problems) console.error(`${problem.path}: ${problem.problem}: ${problem.detail}`);
    if (!check.ok) throw new CliError('the pack just written does not verify (see above)', EXIT.findings);
    const failing = run.checks.filter((c) => c.status === 'fail').length;
    console.log(`Evidence pack: ${pack.dir}`);
    console.log(`Zip:           ${pack.zip}`);
    console.log(
      `Files:         ${pack.files.length} (${pack.csv.files.length} CSV), written and verified in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    console.log(`Checks:        ${run.checks.length}, ${failing} failing`);
    console.log(
      `Signer SHA-256 fingerprint: ${pack.signerFingerprint}${o.signer.selfSigned ? ' (self-signed: give the auditor this fingerprint out of band)' : ''}`,
    );
    return pack;
  } finally {
    reader.close();
  }
}

function diffWith(older: string, newer: string, leavers: TerminationRecord[] | undefined) {
  try {
    return diffFiles(older, newer, { leavers });
  } catch (err) {
    if (err instanceof SnapshotOpenError || err instanceof TenantMismatchError) throw new CliError(err.message, EXIT.badInput);
    throw err;
  }
}

function open(path: string): SqliteSnapshotReader {
  try {
    return openSnapshot(path);
  } catch (err) {
    if (err instanceof SnapshotOpenError) throw new CliError(err.message, EXIT.badInput);
    throw err;
  }
}

/** The signer the flags name: a P12 with its passphrase from the environment, or the profile identity. */
export async function loadSigner(
  p12Path: string | undefined,
  passphraseEnv: string | undefined,
  signerDir: string | undefined,
): Promise<SignerIdentity> {
  if (!p12Path) {
    if (passphraseEnv) throw new CliError('--sign-passphrase-env needs --sign <cert.p12>', EXIT.usage);
    return profileSigner({ dir: signerDir ? resolve(signerDir) : undefined });
  }
  let passphrase = '';
  if (passphraseEnv) {
    const value = process.env[passphraseEnv];
    if (value === undefined)
      throw new CliError(`environment variable ${passphraseEnv} (--sign-passphrase-env) is not set`, EXIT.usage);
    passphrase = value;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(p12Path);
  } catch (err) {
    throw new CliError(`cannot read ${p12Path}: ${(err as Error).message}`, EXIT.badInput);
  }
  try {
    return loadP12(bytes, passphrase);
  } catch (err) {
    if (err instanceof SignerError) throw new CliError(`${p12Path}: ${err.message}`, EXIT.badInput);
    throw err;
  }
}

function readExceptions(path: string) {
  try {
    return parseExceptions(
      readFileSync(path, 'utf8'),
      CHECKS.map((c) => c.id),
    );
  } catch (err) {
    if (err instanceof ExceptionsFileError || (err as NodeJS.ErrnoException).code)
      throw new CliError(`${path}: ${(err as Error).message}`, EXIT.badInput);
    throw err;
  }
}

function readTerminations(path: string) {
  try {
    return parseTerminationsCsv(readFileSync(path, 'utf8'));
  } catch (err) {
    if (err instanceof TerminationsCsvError || (err as NodeJS.ErrnoException).code)
      throw new CliError(`${path}: ${(err as Error).message}`, EXIT.badInput);
    throw err;
  }
}
