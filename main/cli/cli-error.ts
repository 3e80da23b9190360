/** Exit codes a script can rely on (documented in the README). */
export const EXIT = {
  ok: 0,
  /** Findings: a check failed (check), or something in a pack does not verify (verify). */
  findings: 1,
  usage: 2,
  /** Input the user gave is wrong: a file that is not a snapshot, a bad CSV, a wrong passphrase. */
  badInput: 3,
  /** Collection could not get every dataset the permissions and licence allow. */
  incomplete: 4,
  /** Sign-in or Graph refused (401/403 outside the coverage rules), network gone. */
  graph: 5,
} as const;

/** An error with a message meant for the person at the terminal, and the exit code to use. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.badInput,
  ) {
    super(message);
  }
}
