/** Why a file could not be opened as a snapshot; `kind` lets the app and CLI say the right thing. */
export type SnapshotOpenErrorKind = 'missing' | 'not-a-snapshot' | 'corrupt' | 'newer-schema' | 'bad-migrations';

/** A typed, user-readable error from opening or migrating a snapshot file. */
export class SnapshotOpenError extends Error {
  constructor(
    readonly kind: SnapshotOpenErrorKind,
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'SnapshotOpenError';
  }
}
