/** The snapshot store's public surface: create/resume (write), open (read), results layer, errors. */
export {
  createSnapshot,
  resumeSnapshot,
  WHOLE,
  type SnapshotWriter,
  type PageWriter,
  type TableRecords,
  type ResumeCursor,
  type NewSnapshotMeta,
} from './snapshot-writer.js';
export { openSnapshot, verifyContentHash, SqliteSnapshotReader, type OpenOptions } from './snapshot-reader.js';
export { openResultsLayer, type ResultsLayer } from './results-layer.js';
export { UserPageQuery, type UserPageRequest, type UserSortKey } from './user-page-query.js';
export { SnapshotOpenError, type SnapshotOpenErrorKind } from './open-error.js';
export { SCHEMA_VERSION } from './migrate.js';
export { TABLES, type TableName, type TableRows } from './tables.js';
export type { SignInSummary, SnapshotReader } from './types.js';
