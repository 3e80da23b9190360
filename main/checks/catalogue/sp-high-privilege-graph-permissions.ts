/** Service principals holding high-privilege Microsoft Graph application permissions. */
import { MICROSOFT_GRAPH_APP_ID } from '../conditional-access/well-known.js';
import { defineCheck } from '../define-check.js';

/** Microsoft Graph application permissions (app role ids) that can take over the tenant or read everyone's mail. */
export const HIGH_PRIVILEGE_GRAPH_PERMISSIONS: Readonly<Record<string, string>> = {
  '19dbc75e-c2e2-444c-a770-ec69d8559fc7': 'Directory.ReadWrite.All',
  '9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8': 'RoleManagement.ReadWrite.Directory',
  '1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9': 'Application.ReadWrite.All',
  '06b708a9-e830-4db3-a914-8e69da51d44f': 'AppRoleAssignment.ReadWrite.All',
  '741f803b-c850-494e-b5df-cde7c675a1ca': 'User.ReadWrite.All',
  '62a82d76-70ea-41e2-9197-370581804d09': 'Group.ReadWrite.All',
  'dbaae8cf-10b5-4b86-a4a1-f871c94c6695': 'GroupMember.ReadWrite.All',
  'e2a3a72e-5f79-4c64-b1b1-878b674786c9': 'Mail.ReadWrite',
  '75359482-378d-4052-8f01-80520e7db3cd': 'Files.ReadWrite.All',
};

export const spHighPrivilegeGraphPermissions = defineCheck({
  id: 'sp-high-privilege-graph-permissions',
  title: 'Service principals with high-privilege Graph permissions',
  severity: 'Critical',
  appliesTo: 'servicePrincipal',
  requires: ['applications'],
  references: ['Maester MT.1027 (privileged service principals)', 'CISA SCuBA MS.AAD.5.2v1 (consent)'],
  controls: ['SOC2:CC6.3', 'SOC2:CC6.8', 'ISO27001-2013:A.9.2.3', 'ISO27001-2022:A.8.2', 'NIST-CSF-1.1:PR.AC-4', 'NIST-CSF-2.0:PR.AA-05', 'PCI-DSS-4.0:7.2.5'],
  description:
    'Each service principal holding Microsoft Graph application permissions: holding one that can grant itself more '
    + `(${Object.values(HIGH_PRIVILEGE_GRAPH_PERMISSIONS).join(', ')}) fails. Anyone with its credentials acts as the tenant.`,
  remediation: 'Replace with the narrowest permission (e.g. User.Read.All), scope mail access with application access policies / RBAC for applications, and guard the app\'s credentials and owners.',
  evaluate(ctx, emit) {
    const sps = new Map(ctx.reader.servicePrincipals().map((s) => [s.id, s]));
    const graphSpIds = new Set([...sps.values()].filter((s) => s.appId === MICROSOFT_GRAPH_APP_ID).map((s) => s.id));
    const held = new Map<string, { name: string; perms: Set<string> }>();
    for (const g of ctx.reader.appPermissionGrants()) {
      if (g.principalType !== 'ServicePrincipal') continue;
      if (!graphSpIds.has(g.resourceId) && g.resourceDisplayName !== 'Microsoft Graph') continue;
      const entry = held.get(g.principalId) ?? { name: sps.get(g.principalId)?.displayName ?? g.principalDisplayName, perms: new Set<string>() };
      entry.perms.add(HIGH_PRIVILEGE_GRAPH_PERMISSIONS[g.appRoleId] ?? `other:${g.appRoleId}`);
      held.set(g.principalId, entry);
    }
    for (const [spId, { name, perms }] of held) {
      const high = [...perms].filter((p) => !p.startsWith('other:')).sort();
      const entity = { entityType: 'servicePrincipal' as const, entityId: spId, entityName: name };
      const evidence = { appId: sps.get(spId)?.appId ?? null, highPrivilegePermissions: high.join(', '), graphPermissions: perms.size };
      if (high.length) emit(entity, 'fail', `Holds ${high.join(', ')} on Microsoft Graph`, evidence);
      else emit(entity, 'pass', `${perms.size} Graph permission(s), none high-privilege`, evidence);
    }
  },
});
