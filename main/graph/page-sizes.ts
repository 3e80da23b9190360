/**
 * The largest $top each list endpoint accepts, so a collection takes as few requests as Graph allows.
 * Values from the v1.0 API reference (microsoft-graph-docs-contrib api-reference/v1.0/api/*.md) and the
 * paging guide (directory objects: 1-999). `null` means the endpoint does not take $top (small, unpaged
 * or paged by Graph alone): the reader then sends no $top.
 */
export const PAGE_SIZES: Readonly<Record<string, number | null>> = {
  '/organization': null,
  '/subscribedSkus': null,
  '/domains': null,
  '/users': 999,
  '/users/{id}/manager': null,
  '/directory/deletedItems/microsoft.graph.user': 999,
  '/reports/authenticationMethods/userRegistrationDetails': 999,
  '/users/{id}/authentication/methods': null,
  '/identity/conditionalAccess/policies': null,
  '/identity/conditionalAccess/namedLocations': null,
  '/policies/authenticationStrengthPolicies': null,
  '/policies/identitySecurityDefaultsEnforcementPolicy': null,
  // signIn list: "The maximum and default page size is 1,000 objects".
  '/auditLogs/signIns': 1000,
  '/groups': 999,
  '/groups/{id}/members': 999,
  '/groups/{id}/transitiveMembers': 999,
  '/roleManagement/directory/roleDefinitions': null,
  '/roleManagement/directory/roleAssignments': null,
  '/roleManagement/directory/roleAssignmentSchedules': null,
  '/roleManagement/directory/roleEligibilitySchedules': null,
  '/servicePrincipals': 999,
  '/servicePrincipals/{id}/appRoleAssignedTo': 999,
  '/servicePrincipals/{id}/appRoleAssignments': 999,
  '/applications': 999,
  '/applications/{id}/owners': 999,
  '/devices': 999,
  '/devices/{id}/registeredOwners': 999,
  // alerts_v2: $top up to 2000.
  '/security/alerts_v2': 2000,
  '/identityProtection/riskDetections': 500,
  '/identityProtection/riskyUsers': 500,
};

/** Listing users with signInActivity is capped lower than a plain user list (120 per page). */
export const SIGN_IN_ACTIVITY_PAGE_SIZE = 120;

/** The $top to send for a path (relative to /v1.0, ids filled in), honouring a $select of signInActivity. */
export function pageSizeFor(path: string, select?: string): number | null {
  if (path === '/users' && select && /(^|,)\s*signInActivity\s*(,|$)/i.test(select)) return SIGN_IN_ACTIVITY_PAGE_SIZE;
  for (const [template, size] of Object.entries(PAGE_SIZES)) {
    const re = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace('{id}', '[^/]+')}$`, 'i');
    if (re.test(path)) return size;
  }
  return null;
}
