/**
 * Writes every CSV of a pack into `<dir>` from a snapshot and a checks run. Sign-ins stream from their
 * own connection on a worker thread (sign-ins-csv.ts); other datasets are the reader's arrays. Returns
 * what was written, in a stable order.
 */
import { join } from 'node:path';
import type { ControlResult } from '../../../shared/results.js';
import type { SnapshotReader } from '../../store/types.js';
import { DIFF_TABLE } from '../../diff/diff-csv.js';
import { REVIEW_TABLE } from '../../reviews/review-csv.js';
import { SAMPLE_TABLE } from '../../sampling/sample-csv.js';
import { reviewRows, sampleRows, type AuditLayers } from '../audit-layers.js';
import type { CheckRun } from '../types.js';
import { writeCsvTable, type CsvTable } from './csv-table.js';
import { writeSignInsOffThread, type SignInTally } from './sign-ins-csv.js';
import {
  APP_ASSIGNMENTS_TABLE,
  APPS_TABLE,
  CA_TABLE,
  MEMBERSHIPS_TABLE,
  MFA_TABLE,
  SIGN_INS_TABLE,
  USERS_TABLE,
  type EnterpriseAppRow,
  type MembershipRow,
} from './tables-directory.js';
import {
  CHECKS_TABLE,
  controlsTable,
  COVERAGE_TABLE,
  EXCEPTIONS_TABLE,
  PASSTHROUGH_TABLE,
  RESULTS_TABLE,
} from './tables-results.js';

export interface CsvWritten {
  file: string;
  title: string;
  rows: number;
}

export interface CsvsWritten {
  files: CsvWritten[];
  signIns: SignInTally;
}

/**
 * Writes the pack's CSVs to `dir` (which must exist). `frameworks` limits the control files; `layers`
 * adds access-reviews.csv and samples.csv when the snapshot holds reviewed campaigns or samples, and
 * diff.csv when a diff with an older snapshot is given.
 */
export async function writeCsvs(
  dir: string,
  reader: SnapshotReader,
  run: CheckRun,
  frameworks?: readonly string[],
  layers?: AuditLayers,
): Promise<CsvsWritten> {
  const out: CsvWritten[] = [];
  const put = async <T>(table: CsvTable<T>, rows: Iterable<T> | AsyncIterable<T>): Promise<void> => {
    out.push({ file: table.file, title: table.title, rows: await writeCsvTable(join(dir, table.file), table, rows) });
  };
  // The sign-ins (the largest file) are written on a worker thread while this one writes the rest.
  const stopSignIns = new AbortController();
  const signInsWritten = writeSignInsOffThread({ snapshotPath: reader.path, file: join(dir, SIGN_INS_TABLE.file) }, stopSignIns.signal);
  signInsWritten.catch(() => undefined); // handled below; a failure must not go unhandled meanwhile
  let signInsAt = 0;
  try {
    await put(USERS_TABLE, reader.users());
    await put(MFA_TABLE, reader.mfaRegistrations());
    await put(CA_TABLE, reader.conditionalAccessPolicies());
    signInsAt = out.length;
    await put(MEMBERSHIPS_TABLE, memberships(reader));
    const assignments = reader.appAssignments();
    await put(APPS_TABLE, enterpriseApps(reader, assignments));
    await put(APP_ASSIGNMENTS_TABLE, assignments);
    await put(CHECKS_TABLE, run.checks);
    await put(RESULTS_TABLE, run.results);
    for (const [framework, controls] of byFramework(run.controls, frameworks))
      await put(controlsTable(framework), controls);
    await put(COVERAGE_TABLE, reader.coverage());
    await put(EXCEPTIONS_TABLE, run.exceptions ?? []);
    await put(PASSTHROUGH_TABLE, run.passthrough ?? []);
    if (layers?.reviews.length) await put(REVIEW_TABLE, reviewRows(layers));
    if (layers?.samples.length) await put(SAMPLE_TABLE, sampleRows(layers));
    if (layers?.diff) await put(DIFF_TABLE, layers.diff.changes);
  } catch (err) {
    stopSignIns.abort(err);
    await signInsWritten.catch(() => undefined);
    throw err;
  }
  const signIns = await signInsWritten;
  out.splice(signInsAt, 0, { file: SIGN_INS_TABLE.file, title: SIGN_INS_TABLE.title, rows: signIns.rows });
  return { files: out, signIns: signIns.tally };
}

/** Controls grouped by framework, frameworks in first-seen order, filtered when a list is given. */
export function byFramework(
  controls: readonly ControlResult[],
  frameworks?: readonly string[],
): Map<string, ControlResult[]> {
  const wanted = frameworks && frameworks.length > 0 ? new Set(frameworks.map((f) => f.toLowerCase())) : null;
  const map = new Map<string, ControlResult[]>();
  for (const c of controls) {
    if (wanted && !wanted.has(c.framework.toLowerCase())) continue;
    const list = map.get(c.framework) ?? [];
    list.push(c);
    map.set(c.framework, list);
  }
  return map;
}

function* memberships(reader: SnapshotReader): Generator<MembershipRow> {
  const names = reader.directoryNames();
  for (const m of reader.groupMembers()) {
    yield {
      groupId: m.groupId,
      groupName: names.get(m.groupId) ?? '',
      memberId: m.memberId,
      memberType: m.memberType,
      memberName: names.get(m.memberId) ?? null,
    };
  }
}

function* enterpriseApps(
  reader: SnapshotReader,
  assignments: ReturnType<SnapshotReader['appAssignments']>,
): Generator<EnterpriseAppRow> {
  const counts = new Map<string, { users: number; groups: number }>();
  for (const a of assignments) {
    const c = counts.get(a.resourceId) ?? { users: 0, groups: 0 };
    if (a.principalType === 'User') c.users++;
    else if (a.principalType === 'Group') c.groups++;
    counts.set(a.resourceId, c);
  }
  for (const sp of reader.servicePrincipals()) {
    const c = counts.get(sp.id);
    yield { ...sp, assignedUsers: c?.users ?? 0, assignedGroups: c?.groups ?? 0 };
  }
}
