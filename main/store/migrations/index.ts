/** Every migration in order. Append only; the last version is the schema this app writes. */
import type { Migration } from './migration.js';
import { migration001 } from './001_initial.js';

export const MIGRATIONS: readonly Migration[] = [migration001];
export type { Migration } from './migration.js';
