/**
 * Schema 2: a covering index for the per-user sign-in summaries (sign-in-summaries.ts). Their GROUP BY
 * then reads this index, already in (userId, clientAppUsed) order, instead of every sign-in row with
 * Graph's ~2 KB of raw JSON: 1.7 s instead of 4.6 s for 1M sign-ins, for a 4.5 s build in finalize
 * and 6% more file. Snapshots of schema 1 have no such index and summarise from the table.
 */
import type { Migration } from './migration.js';

/** The index's name, for the query that uses it when present. */
export const SIGN_IN_SUMMARY_INDEX = 'sign_ins_summary';

export const migration002: Migration = {
  version: 2,
  name: 'sign-in-summary-index',
  sql: `
  CREATE INDEX ${SIGN_IN_SUMMARY_INDEX} ON sign_ins (
    "userId", "clientAppUsed", "errorCode", "createdDateTime", "isInteractive", "authenticationRequirement",
    "deviceId", "deviceIsCompliant", "deviceIsManaged", "riskLevelDuringSignIn", "userPrincipalName"
  );
  `,
};
