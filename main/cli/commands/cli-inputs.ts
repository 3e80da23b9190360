/**
 * Files the diff, review and sample commands read from the user, opened with the CLI's errors:
 * a snapshot (read-only) and an HR terminations CSV.
 */
import { readFileSync } from 'node:fs';
import { parseTerminationsCsv, TerminationsCsvError } from '../../checks/terminations-csv.js';
import type { TerminationRecord } from '../../checks/types.js';
import { openSnapshot, SnapshotOpenError, type SqliteSnapshotReader } from '../../store/index.js';
import { CliError, EXIT } from '../cli-error.js';

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

