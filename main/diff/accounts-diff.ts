/**
 * Accounts re-enabled since the old snapshot, and leavers (from an HR terminations list) whose
 * account is still enabled in the new snapshot after their last day. Leavers are read and matched
 * exactly as the offboarding check does (main/checks), so both say the same about one file.
 */
import type { DiffChange } from './diff-types.js';
import type { SnapshotView } from './snapshot-view.js';
import { matchLeavers } from '../checks/leaver-match.js';
import type { TerminationRecord } from '../checks/types.js';

/** Users disabled in the old snapshot and enabled in the new one. */
export function diffReEnabled(oldV: SnapshotView, newV: SnapshotView): DiffChange[] {
  const oldUsers = new Map(oldV.users().map((u) => [u.id, u]));
  const changes: DiffChange[] = [];
  for (const u of newV.users()) {
    const before = oldUsers.get(u.id);
    if (!before || before.accountEnabled || !u.accountEnabled) continue;
    changes.push({ section: 'accounts', kind: 'changed', entityType: 'user', entityId: u.id, entityName: u.userPrincipalName,
      description: `account ${u.userPrincipalName} was re-enabled`, before: 'disabled', after: 'enabled' });
  }
  return changes;
}

/** Leavers whose last day is before the new snapshot was collected and whose account is still enabled. */
export function diffLeavers(oldV: SnapshotView, newV: SnapshotView, leavers: readonly TerminationRecord[]): DiffChange[] {
  const asOf = newV.meta().collectionStartedAt.slice(0, 10);
  const oldUsers = new Map(oldV.users().map((u) => [u.id, u]));
  const changes: DiffChange[] = [];
  for (const m of matchLeavers(leavers, newV.users(), newV.deletedUsers())) {
    if (m.kind !== 'live') continue;
    const u = m.user;
    const lastDay = m.terminationDate.slice(0, 10);
    if (!u.accountEnabled || lastDay >= asOf) continue;
    const before = oldUsers.get(u.id);
    const history = !before ? 'new since the old snapshot' : before.accountEnabled ? 'also enabled in the old snapshot' : 're-enabled since the old snapshot';
    changes.push({ section: 'leavers', kind: 'changed', entityType: 'user', entityId: u.id, entityName: u.userPrincipalName,
      description: `leaver ${u.userPrincipalName} (last day ${lastDay}) still has an enabled account (${history})`,
      before: before ? (before.accountEnabled ? 'enabled' : 'disabled') : null, after: 'enabled' });
  }
  return changes;
}
