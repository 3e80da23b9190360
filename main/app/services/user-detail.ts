/**
 * Everything the snapshot says about one user, for the evidence drill-down: profile, MFA methods,
 * groups (transitive), roles, app assignments, every check result about them, and Graph's raw JSON.
 */
import type { UserDetail } from '../../../shared/ipc-types.js';
import type { CheckInfo, CheckResult } from '../../../shared/results.js';
import type { SnapshotReader } from '../../store/types.js';
import { ServiceError } from './service-error.js';

/** Builds a user's detail; throws not-found for an id the snapshot does not hold. */
export function userDetail(
  reader: SnapshotReader,
  userId: string,
  results: readonly CheckResult[],
  checks: readonly Pick<CheckInfo, 'id' | 'title'>[],
): UserDetail {
  const user = reader.users().find((u) => u.id === userId);
  if (!user) throw new ServiceError('not-found', 'this user is not in the snapshot');
  const groupNames = new Map(reader.groups().map((g) => [g.id, g.displayName]));
  const groupIds = reader
    .groupMembers()
    .filter((m) => m.memberId === userId)
    .map((m) => m.groupId);
  const principals = new Set([userId, ...groupIds]);
  const defs = new Map(reader.roleDefinitions().flatMap((d) => [[d.id, d] as const, [d.templateId, d] as const]));
  const titles = new Map(checks.map((c) => [c.id, c.title]));
  const raw = reader.raw('users', userId);
  return {
    user,
    mfa: reader.mfaRegistrations().find((m) => m.userId === userId) ?? null,
    groups: groupIds
      .map((id) => ({ id, displayName: groupNames.get(id) ?? id }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName)),
    roles: reader
      .roleAssignments()
      .filter((a) => principals.has(a.principalId))
      .map((a) => ({
        roleName: defs.get(a.roleDefinitionId)?.displayName ?? a.roleDefinitionId,
        kind: a.kind,
        privileged: defs.get(a.roleDefinitionId)?.isPrivileged ?? false,
        endDateTime: a.endDateTime,
      })),
    apps: reader
      .appAssignments()
      .filter((a) => principals.has(a.principalId))
      .map((a) => ({ resourceId: a.resourceId, resourceDisplayName: a.resourceDisplayName })),
    results: results
      .filter((r) => r.entityId === userId)
      .map((r) => ({ ...r, checkTitle: titles.get(r.checkId) ?? r.checkId })),
    raw: JSON.stringify(raw, null, 2) ?? 'null',
  };
}
