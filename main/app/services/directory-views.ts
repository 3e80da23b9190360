/**
 * Groups, roles, enterprise applications and devices as the Data screens list them, built from a
 * snapshot once and kept with it (the lists are small next to users and sign-ins).
 */
import type { AppListRow, DeviceListRow, GroupListRow, RoleListRow } from '../../../shared/ipc-types.js';
import type { SnapshotReader } from '../../store/types.js';

/** Groups with their kind and transitive member count. */
export function groupRows(reader: SnapshotReader): GroupListRow[] {
  const members = new Map<string, number>();
  for (const m of reader.groupMembers()) members.set(m.groupId, (members.get(m.groupId) ?? 0) + 1);
  return reader
    .groups()
    .map((g) => ({
      id: g.id,
      displayName: g.displayName,
      kind: g.groupTypes.includes('Unified')
        ? 'Microsoft 365'
        : g.securityEnabled
          ? 'Security'
          : g.mailEnabled
            ? 'Distribution'
            : 'Other',
      members: members.get(g.id) ?? 0,
      isAssignableToRole: g.isAssignableToRole,
      onPremisesSyncEnabled: g.onPremisesSyncEnabled,
    }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** Roles that have at least one assignment, privileged first, with who holds them and how. */
export function roleRows(reader: SnapshotReader): RoleListRow[] {
  const names = new Map<string, string>();
  for (const u of reader.users()) names.set(u.id, u.userPrincipalName);
  for (const g of reader.groups()) names.set(g.id, `group ${g.displayName}`);
  for (const s of reader.servicePrincipals()) names.set(s.id, `app ${s.displayName}`);
  const defs = new Map(reader.roleDefinitions().map((d) => [d.id, d]));
  for (const d of reader.roleDefinitions()) defs.set(d.templateId, d);
  const rows = new Map<string, RoleListRow>();
  for (const a of reader.roleAssignments()) {
    const def = defs.get(a.roleDefinitionId);
    const roleName = def?.displayName ?? a.roleDefinitionId;
    const row = rows.get(roleName) ?? {
      roleName,
      privileged: def?.isPrivileged ?? false,
      active: 0,
      eligible: 0,
      principals: [],
    };
    row[a.kind] += 1;
    row.principals.push({ id: a.principalId, name: names.get(a.principalId) ?? a.principalId, kind: a.kind });
    rows.set(roleName, row);
  }
  return [...rows.values()].sort(
    (a, b) => Number(b.privileged) - Number(a.privileged) || a.roleName.localeCompare(b.roleName),
  );
}

/** Enterprise applications with assignment counts and, when the checks computed it, MFA passthrough coverage. */
export function appRows(
  reader: SnapshotReader,
  passthrough: ReadonlyMap<string, { coverage: 'full' | 'partial' | 'none'; uncovered: number }> | undefined,
): AppListRow[] {
  const assigned = new Map<string, number>();
  for (const a of reader.appAssignments()) assigned.set(a.resourceId, (assigned.get(a.resourceId) ?? 0) + 1);
  const pass = passthrough ?? new Map<string, { coverage: 'full' | 'partial' | 'none'; uncovered: number }>();
  return reader
    .servicePrincipals()
    .filter((s) => s.servicePrincipalType === 'Application')
    .map((s) => ({
      id: s.id,
      appId: s.appId,
      displayName: s.displayName,
      ssoMode: s.preferredSingleSignOnMode,
      assigned: assigned.get(s.id) ?? 0,
      mfaCoverage: pass.get(s.appId)?.coverage ?? null,
      uncovered: pass.get(s.appId)?.uncovered ?? 0,
    }))
    .sort((a, b) => b.assigned - a.assigned || a.displayName.localeCompare(b.displayName));
}

/** Devices with compliance and management state. */
export function deviceRows(reader: SnapshotReader): DeviceListRow[] {
  return reader
    .devices()
    .map((d) => ({
      id: d.id,
      displayName: d.displayName,
      operatingSystem: d.operatingSystem,
      trustType: d.trustType,
      isCompliant: d.isCompliant,
      isManaged: d.isManaged,
      accountEnabled: d.accountEnabled,
      approximateLastSignInDateTime: d.approximateLastSignInDateTime,
    }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}
