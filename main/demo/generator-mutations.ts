/**
 * Named changes applied to a synthetic tenant between two collections, so diff tests (and a demo of
 * "what changed since last quarter") know exactly what changed: the result lists every change with
 * the ids it created. The input tenant is never modified; deterministic for a given tenant and list.
 */
import { Rng } from './generator/prng.js';
import type { GraphObject, TenantData } from './tenant.js';

export type TenantChange =
  /** Gives a user (or group) a directory role, active or PIM-eligible. `role` is a role id, template id or display name. */
  | { kind: 'addRoleAssignment'; principalId: string; role: string; eligible?: boolean }
  /** Removes an active assignment or eligibility schedule by its id. */
  | { kind: 'removeRoleAssignment'; assignmentId: string }
  /** Deletes every strong authentication method of a user (password and email stay). */
  | { kind: 'removeStrongMethods'; userId: string }
  | { kind: 'enableAccount'; userId: string }
  | { kind: 'disableAccount'; userId: string }
  | { kind: 'excludeGroupFromPolicy'; policyId: string; groupId: string }
  | { kind: 'setPolicyState'; policyId: string; state: 'enabled' | 'disabled' | 'enabledForReportingButNotEnforced' }
  /** Registers a new application and its enterprise application (service principal). */
  | { kind: 'addApplication'; displayName: string }
  /** Adds a client secret or certificate to an existing app registration (by object id). */
  | { kind: 'addAppCredential'; applicationId: string; credential: 'secret' | 'certificate'; displayName: string; endDateTime: string };

/** A change as applied, with the ids it created (assignment id, application and SP ids, key id). */
export type AppliedChange = TenantChange & { created?: Record<string, string> };

export interface MutatedTenant {
  tenant: TenantData;
  applied: AppliedChange[];
}

/** Methods that are not a second factor (kept when strong methods are removed). */
const WEAK_TYPES = new Set(['#microsoft.graph.passwordAuthenticationMethod', '#microsoft.graph.emailAuthenticationMethod']);
const WEAK_REPORT_NAMES = new Set(['email', 'password', 'securityQuestion', 'appPassword', 'temporaryAccessPass']);

/** A copy whose collections can be changed without touching the original (sign-ins are shared: they are generated on demand). */
function copyTenant(t: TenantData): TenantData {
  const { signIns, ...rest } = t;
  return { ...structuredClone(rest), signIns };
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`mutateTenant: ${what} is not in the tenant`);
  return value;
}

/** Applies `changes` in order to a copy of `tenant`. Throws when a change names an object the tenant lacks. */
export function mutateTenant(tenant: TenantData, changes: readonly TenantChange[]): MutatedTenant {
  const t = copyTenant(tenant);
  const applied: AppliedChange[] = [];
  const rng = new Rng(t.seed, 4242);
  const now = t.now;
  changes.forEach((change) => {
    switch (change.kind) {
      case 'addRoleAssignment': {
        const def = need(t.roleDefinitions.find((d) => d.id === change.role || d.templateId === change.role || d.displayName === change.role), `role ${change.role}`);
        const id = `${rng.hex(32)}-mut`;
        const base = { id, principalId: change.principalId, roleDefinitionId: def.id, directoryScopeId: '/' };
        const schedule = { ...base, appScopeId: null, createdUsing: id, createdDateTime: now, modifiedDateTime: null, status: 'Provisioned',
          memberType: 'Direct', scheduleInfo: { startDateTime: now, recurrence: null, expiration: { type: 'noExpiration', endDateTime: null, duration: null } } };
        if (change.eligible) t.roleEligibilitySchedules.push(schedule);
        else {
          t.roleAssignments.push({ ...base, resourceScope: '/' });
          if (t.licence === 'p2') t.roleAssignmentSchedules.push({ ...schedule, assignmentType: 'Assigned' });
        }
        applied.push({ ...change, created: { assignmentId: id, roleDefinitionId: String(def.id) } });
        return;
      }
      case 'removeRoleAssignment': {
        const before = t.roleAssignments.length + t.roleEligibilitySchedules.length;
        t.roleAssignments = t.roleAssignments.filter((a) => a.id !== change.assignmentId);
        t.roleAssignmentSchedules = t.roleAssignmentSchedules.filter((a) => a.id !== change.assignmentId);
        t.roleEligibilitySchedules = t.roleEligibilitySchedules.filter((a) => a.id !== change.assignmentId);
        if (t.roleAssignments.length + t.roleEligibilitySchedules.length === before) need(undefined, `role assignment ${change.assignmentId}`);
        break;
      }
      case 'removeStrongMethods': {
        const methods = need(t.authenticationMethods.get(change.userId), `user ${change.userId}'s methods`);
        t.authenticationMethods.set(change.userId, methods.filter((m) => WEAK_TYPES.has(String(m['@odata.type']))));
        const row = t.userRegistrationDetails.find((r) => r.id === change.userId);
        if (row) {
          row.methodsRegistered = (row.methodsRegistered as string[]).filter((m) => WEAK_REPORT_NAMES.has(m));
          Object.assign(row, { isMfaRegistered: false, isMfaCapable: false, isPasswordlessCapable: false, lastUpdatedDateTime: now,
            systemPreferredAuthenticationMethods: [], userPreferredMethodForSecondaryAuthentication: '' });
        }
        break;
      }
      case 'enableAccount':
      case 'disableAccount':
        need(t.users.find((u) => u.id === change.userId), `user ${change.userId}`).accountEnabled = change.kind === 'enableAccount';
        break;
      case 'excludeGroupFromPolicy': {
        const users = policyUsers(need(t.conditionalAccessPolicies.find((p) => p.id === change.policyId), `policy ${change.policyId}`));
        need(t.groups.find((g) => g.id === change.groupId), `group ${change.groupId}`);
        const list = (users.excludeGroups as string[] | undefined) ?? [];
        if (!list.includes(change.groupId)) users.excludeGroups = [...list, change.groupId];
        break;
      }
      case 'setPolicyState': {
        const p = need(t.conditionalAccessPolicies.find((x) => x.id === change.policyId), `policy ${change.policyId}`);
        p.state = change.state;
        p.modifiedDateTime = now;
        break;
      }
      case 'addApplication': {
        const [objectId, appId, spId] = [rng.guid(), rng.guid(), rng.guid()];
        t.applications.push({ id: objectId, deletedDateTime: null, appId, displayName: change.displayName, description: null, createdDateTime: now,
          signInAudience: 'AzureADMyOrg', publisherDomain: t.primaryDomain, identifierUris: [], tags: [], notes: null, requiredResourceAccess: [],
          passwordCredentials: [], keyCredentials: [] });
        t.applicationOwners.set(objectId, []);
        t.servicePrincipals.push({ id: spId, deletedDateTime: null, accountEnabled: true, appDisplayName: change.displayName, appId,
          appOwnerOrganizationId: t.tenantId, appRoleAssignmentRequired: false, displayName: change.displayName, servicePrincipalNames: [appId],
          servicePrincipalType: 'Application', signInAudience: 'AzureADMyOrg', preferredSingleSignOnMode: null, tags: [], appRoles: [],
          keyCredentials: [], passwordCredentials: [], replyUrls: [] });
        t.appRoleAssignedTo.set(spId, []);
        t.appRoleAssignments.set(spId, []);
        applied.push({ ...change, created: { applicationId: objectId, appId, servicePrincipalId: spId } });
        return;
      }
      case 'addAppCredential': {
        const app = need(t.applications.find((a) => a.id === change.applicationId), `application ${change.applicationId}`);
        const keyId = rng.guid();
        if (change.credential === 'secret') {
          app.passwordCredentials ??= [];
          (app.passwordCredentials as Record<string, unknown>[]).push({ customKeyIdentifier: null, displayName: change.displayName,
            endDateTime: change.endDateTime, hint: rng.hex(3), keyId, secretText: null, startDateTime: now });
        } else {
          app.keyCredentials ??= [];
          (app.keyCredentials as Record<string, unknown>[]).push({ customKeyIdentifier: rng.hex(40).toUpperCase(), displayName: change.displayName,
            endDateTime: change.endDateTime, key: null, keyId, startDateTime: now, type: 'AsymmetricX509Cert', usage: 'Verify' });
        }
        applied.push({ ...change, created: { keyId } });
        return;
      }
    }
    applied.push({ ...change });
  });
  return { tenant: t, applied };
}

function policyUsers(p: GraphObject): Record<string, unknown> {
  const conditions = (p.conditions ??= {}) as Record<string, unknown>;
  return (conditions.users ??= {}) as Record<string, unknown>;
}
