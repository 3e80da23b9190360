/**
 * Test fixture: the rows a collection of a synthetic tenant would store, projected straight from
 * TenantData (Graph-shaped JSON) for the fields the diff reads. Lets the mutation tests run on
 * generated tenants without the emulator round trip; the collectors' own tests prove that step.
 */
import type { GraphObject, TenantData } from '../../main/demo/tenant.js';
import type { AppCredentialRow, GroupMemberRow, RoleAssignmentRow } from '../../shared/snapshot.js';
import type { ConditionalAccessPolicy, NamedLocation } from '../../shared/ca-types.js';
import { PRIVILEGED_ROLE_TEMPLATE_IDS } from '../../main/collect/privileged-roles.js';
import type { ViewData } from './memory-view.js';

const s = (v: unknown) => (typeof v === 'string' ? v : null);
const typeOf = (o: GraphObject) => String(o['@odata.type'] ?? '').replace('#microsoft.graph.', '');

/** Transitive members of every group, as the collector reads /transitiveMembers. */
function transitive(t: TenantData): GroupMemberRow[] {
  const kind = new Map<string, string>();
  for (const u of t.users) kind.set(u.id, 'user');
  for (const g of t.groups) kind.set(g.id, 'group');
  for (const d of t.devices) kind.set(d.id, 'device');
  for (const sp of t.servicePrincipals) kind.set(sp.id, 'servicePrincipal');
  const rows: GroupMemberRow[] = [];
  for (const g of t.groups) {
    const seen = new Set<string>();
    const stack = [...(t.groupMembers.get(g.id) ?? [])];
    while (stack.length) {
      const m = stack.pop()!;
      if (seen.has(m)) continue;
      seen.add(m);
      rows.push({ groupId: g.id, memberId: m, memberType: kind.get(m) ?? 'unknown' });
      if (kind.get(m) === 'group') stack.push(...(t.groupMembers.get(m) ?? []));
    }
  }
  return rows;
}

/** The ViewData a complete collection of `t` would hold (meta from the tenant, `snapshotId` as given). */
export function tenantViewData(t: TenantData, snapshotId: string): ViewData {
  const credentials: AppCredentialRow[] = t.applications.flatMap((a) => [
    ...((a.passwordCredentials as Record<string, unknown>[] | undefined) ?? []).map((c) => ({ c, kind: 'secret' as const })),
    ...((a.keyCredentials as Record<string, unknown>[] | undefined) ?? []).map((c) => ({ c, kind: 'certificate' as const })),
  ].map(({ c, kind }) => ({ appObjectId: a.id, appId: String(a.appId), appDisplayName: String(a.displayName), keyId: String(c.keyId), kind,
    displayName: s(c.displayName), startDateTime: s(c.startDateTime), endDateTime: s(c.endDateTime) })));
  const assignments: RoleAssignmentRow[] = [
    ...t.roleAssignments.map((a) => ({ a, kind: 'active' as const })),
    ...t.roleEligibilitySchedules.map((a) => ({ a, kind: 'eligible' as const })),
  ].map(({ a, kind }) => ({ id: a.id, principalId: String(a.principalId), roleDefinitionId: String(a.roleDefinitionId),
    directoryScopeId: String(a.directoryScopeId ?? '/'), kind, startDateTime: null, endDateTime: null }));
  return {
    meta: { snapshotId, tenantId: t.tenantId, tenantName: t.displayName, collectionStartedAt: t.now },
    notComplete: t.licence === 'p2' ? {} : { pimEligibility: 'unavailable' },
    users: t.users.map((u) => {
      const activity = (u.signInActivity ?? {}) as Record<string, unknown>;
      const upn = String(u.userPrincipalName);
      return { id: u.id, userPrincipalName: upn, displayName: String(u.displayName), mail: s(u.mail), givenName: s(u.givenName), surname: s(u.surname),
        department: s(u.department), jobTitle: s(u.jobTitle), employeeId: s(u.employeeId), userType: u.userType === 'Guest' ? 'Guest' : 'Member',
        accountEnabled: u.accountEnabled === true, createdDateTime: s(u.createdDateTime), onPremisesSyncEnabled: u.onPremisesSyncEnabled === true,
        passwordPolicies: s(u.passwordPolicies), lastPasswordChangeDateTime: s(u.lastPasswordChangeDateTime),
        lastSignInDateTime: s(activity.lastSignInDateTime), lastNonInteractiveSignInDateTime: s(activity.lastNonInteractiveSignInDateTime),
        domain: upn.split('@')[1].toLowerCase(), managerId: t.userManagers.get(u.id) ?? null };
    }),
    deletedUsers: t.deletedUsers.map((d) => ({ id: d.id, userPrincipalName: String(d.userPrincipalName), displayName: String(d.displayName),
      mail: s(d.mail), employeeId: s(d.employeeId), deletedDateTime: s(d.deletedDateTime) })),
    mfa: t.userRegistrationDetails.map((r) => ({ userId: r.id, userPrincipalName: String(r.userPrincipalName), methods: r.methodsRegistered as string[],
      isMfaRegistered: r.isMfaRegistered === true, isAdmin: typeof r.isAdmin === 'boolean' ? r.isAdmin : null, source: 'registrationReport' })),
    groups: t.groups.map((g) => ({ id: g.id, displayName: String(g.displayName), mail: s(g.mail), securityEnabled: g.securityEnabled === true,
      mailEnabled: g.mailEnabled === true, groupTypes: (g.groupTypes as string[]) ?? [], isAssignableToRole: g.isAssignableToRole === true,
      onPremisesSyncEnabled: g.onPremisesSyncEnabled === true })),
    members: transitive(t),
    roleDefinitions: t.roleDefinitions.map((d) => ({ id: d.id, templateId: String(d.templateId), displayName: String(d.displayName),
      isBuiltIn: d.isBuiltIn === true, isPrivileged: PRIVILEGED_ROLE_TEMPLATE_IDS.has(String(d.templateId)) })),
    roleAssignments: assignments,
    servicePrincipals: t.servicePrincipals.map((p) => ({ id: p.id, appId: String(p.appId), displayName: String(p.displayName),
      accountEnabled: p.accountEnabled === true, servicePrincipalType: String(p.servicePrincipalType), preferredSingleSignOnMode: s(p.preferredSingleSignOnMode),
      appRoleAssignmentRequired: p.appRoleAssignmentRequired === true, appOwnerOrganizationId: s(p.appOwnerOrganizationId), tags: (p.tags as string[]) ?? [] })),
    appAssignments: [...t.appRoleAssignedTo.values()].flat().map((a) => ({ id: a.id, resourceId: String(a.resourceId), resourceDisplayName: String(a.resourceDisplayName),
      principalId: String(a.principalId), principalType: String(a.principalType) as 'User' | 'Group' | 'ServicePrincipal',
      principalDisplayName: String(a.principalDisplayName), appRoleId: String(a.appRoleId), createdDateTime: s(a.createdDateTime) })),
    applications: t.applications.map((a) => ({ id: a.id, appId: String(a.appId), displayName: String(a.displayName), signInAudience: String(a.signInAudience),
      createdDateTime: s(a.createdDateTime), ownerIds: t.applicationOwners.get(a.id) ?? [] })),
    credentials,
    policies: t.conditionalAccessPolicies as unknown as ConditionalAccessPolicy[],
    locations: t.namedLocations.map((l) => ({ ...l, '@odata.type': typeOf(l) }) as unknown as NamedLocation),
  };
}
