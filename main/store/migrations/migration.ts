/** One numbered schema step. Versions are consecutive from 1; a shipped migration never changes. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
