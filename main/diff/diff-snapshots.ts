/**
 * Compares two snapshots of one tenant section by section. A section is compared only when the
 * datasets it needs are complete in both snapshots; otherwise it is listed as skipped with the
 * reason, so "no change" never stands in for "not collected".
 */
import type { DatasetId } from '../../shared/datasets.js';
import type { CheckResult } from '../../shared/results.js';
import type { TerminationRecord } from '../checks/types.js';
import { diffApplications, diffCredentials } from './apps-diff.js';
import { diffLeavers, diffReEnabled } from './accounts-diff.js';
import { diffConditionalAccess } from './ca-diff.js';
import { DIFF_SECTIONS, TenantMismatchError, type DiffChange, type DiffSection, type DiffSide, type SnapshotDiff } from './diff-types.js';
import { diffNamedLocations } from './locations-diff.js';
import { diffMfa } from './mfa-diff.js';
import { Names } from './names.js';
import { diffResults } from './results-diff.js';
import { diffRoles } from './roles-diff.js';
import type { SnapshotView } from './snapshot-view.js';

/** One side of the comparison: the snapshot and, when it has them, its stored check results. */
export interface DiffInput {
  path: string;
  view: SnapshotView;
  results?: readonly CheckResult[] | null;
}

export interface DiffOptions {
  /** HR terminations list; without it the leavers section is skipped. */
  leavers?: readonly TerminationRecord[];
}

function side(input: DiffInput): DiffSide {
  const m = input.view.meta();
  return { path: input.path, snapshotId: m.snapshotId, collectedAt: m.collectionStartedAt, contentHash: m.contentHash };
}

/** Throws TenantMismatchError unless both snapshots are of the same tenant. */
export function assertSameTenant(oldIn: DiffInput, newIn: DiffInput): void {
  const a = oldIn.view.meta();
  const b = newIn.view.meta();
  if (a.tenantId.toLowerCase() !== b.tenantId.toLowerCase()) {
    throw new TenantMismatchError(`the snapshots are of different tenants: ${oldIn.path} is ${a.tenantName} (${a.tenantId}) and ` +
      `${newIn.path} is ${b.tenantName} (${b.tenantId}); a diff compares two snapshots of the same tenant`);
  }
}

/** Every change between `oldIn` and `newIn`, sorted by section, kind and description. */
export function diffSnapshots(oldIn: DiffInput, newIn: DiffInput, options: DiffOptions = {}): SnapshotDiff {
  assertSameTenant(oldIn, newIn);
  const oldV = oldIn.view;
  const newV = newIn.view;
  const skipped: SnapshotDiff['skipped'] = [];
  const missing = (datasets: DatasetId[]): string | null => {
    for (const [label, v] of [['old', oldV], ['new', newV]] as const) {
      for (const d of datasets) {
        const c = v.coverageOf(d);
        if (c.status !== 'complete') return `${d} is ${c.status} in the ${label} snapshot${c.reason ? ` (${c.reason})` : ''}`;
      }
    }
    return null;
  };
  const changes: DiffChange[] = [];
  const section = (names: DiffSection[], datasets: DatasetId[], run: () => DiffChange[]) => {
    const why = missing(datasets);
    if (why) for (const s of names) skipped.push({ section: s, reason: why });
    else changes.push(...run());
  };
  const names = new Names([oldV, newV]);

  const activeWhy = missing(['roles']);
  const eligibleWhy = missing(['pimEligibility']);
  if (activeWhy && eligibleWhy) for (const s of ['admins', 'role-assignments'] as const) skipped.push({ section: s, reason: activeWhy });
  else {
    if (activeWhy) skipped.push({ section: 'role-assignments', reason: `active assignments not compared: ${activeWhy}` });
    if (eligibleWhy) skipped.push({ section: 'role-assignments', reason: `eligible assignments not compared: ${eligibleWhy}` });
    changes.push(...diffRoles(oldV, newV, names, { active: !activeWhy, eligible: !eligibleWhy }));
  }
  section(['mfa'], ['users', 'mfaRegistration'], () => diffMfa(oldV, newV));
  section(['accounts'], ['users'], () => diffReEnabled(oldV, newV));
  if (options.leavers) section(['leavers'], ['users'], () => diffLeavers(oldV, newV, options.leavers!));
  else skipped.push({ section: 'leavers', reason: 'no terminations list was given' });
  section(['conditional-access'], ['conditionalAccess'], () => [
    ...diffConditionalAccess(oldV.conditionalAccessPolicies(), newV.conditionalAccessPolicies(), names),
    ...diffNamedLocations(oldV.namedLocations(), newV.namedLocations()),
  ]);
  section(['applications', 'credentials'], ['applications'], () => [...diffApplications(oldV, newV), ...diffCredentials(oldV, newV)]);
  if (oldIn.results?.length && newIn.results?.length) changes.push(...diffResults(oldIn.results, newIn.results));
  else skipped.push({ section: 'check-results', reason: `the ${oldIn.results?.length ? 'new' : 'old'} snapshot carries no check results` });

  const order = (s: DiffSection) => DIFF_SECTIONS.indexOf(s);
  const kinds = { added: 0, removed: 1, changed: 2 };
  changes.sort((a, b) => order(a.section) - order(b.section) || kinds[a.kind] - kinds[b.kind] ||
    (a.description < b.description ? -1 : a.description > b.description ? 1 : 0));
  const counts = Object.fromEntries(DIFF_SECTIONS.map((s) => [s, 0])) as Record<DiffSection, number>;
  for (const c of changes) counts[c.section]++;
  const m = newV.meta();
  return { tenantId: m.tenantId, tenantName: m.tenantName, old: side(oldIn), new: side(newIn), changes, skipped, counts };
}
