/** Every migration in order. Append only; the last version is the schema this app writes. */
import type { Migration } from './migration.js';
import { migration001 } from './001_initial.js';
import { migration002 } from './002_sign_in_summary_index.js';

export const MIGRATIONS: readonly Migration[] = [migration001, migration002];
export type { Migration } from './migration.js';
