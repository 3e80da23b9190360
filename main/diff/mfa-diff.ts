/**
 * MFA regressions: a user who had a strong method registered in the old snapshot and has none in the
 * new one (methods removed, or the user no longer registered). Users gone from the directory are not
 * regressions; they show elsewhere.
 */
import type { DiffChange } from './diff-types.js';
import type { SnapshotView } from './snapshot-view.js';
import { strongMethods } from './strong-methods.js';

/** Users whose strong methods all disappeared between the snapshots. */
export function diffMfa(oldV: SnapshotView, newV: SnapshotView): DiffChange[] {
  const newUsers = new Map(newV.users().map((u) => [u.id, u]));
  const newMfa = new Map(newV.mfaRegistrations().map((r) => [r.userId, r]));
  const changes: DiffChange[] = [];
  for (const before of oldV.mfaRegistrations()) {
    const had = strongMethods(before.methods);
    const user = newUsers.get(before.userId);
    if (had.length === 0 || !user) continue;
    const after = newMfa.get(before.userId);
    const now = after ? after.methods.slice().sort() : [];
    if (strongMethods(now).length > 0) continue;
    changes.push({
      section: 'mfa', kind: 'changed', entityType: 'user', entityId: user.id, entityName: user.userPrincipalName,
      description: `${user.userPrincipalName} lost every strong MFA method (had ${had.join(', ')}; now ${now.length ? now.join(', ') : 'none'})`,
      before: had.join(';'), after: now.join(';'),
    });
  }
  return changes;
}
