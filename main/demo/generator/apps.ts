/**
 * Enterprise applications and app registrations: Microsoft first-party service principals
 * (Microsoft Graph with its app roles), SaaS apps with SAML/OIDC SSO and their user/group
 * assignments, line-of-business app registrations with secrets and certificates (no secret values),
 * their owners, and the Graph application permissions their service principals hold.
 */
import { DAY_MS, isoSeconds } from './dates.js';
import { Rng } from './prng.js';
import { grant } from './context.js';
import { FIRST_PARTY, GRAPH_APP_ID, GRAPH_APP_ROLES, LOB_APPS, MICROSOFT_TENANT_ID, SAAS_APPS } from './apps-catalog.js';
import type { Coverage, LobApp } from './apps-catalog.js';
import type { GenContext, UserPlan } from './context.js';
import type { WellKnownGroups } from './groups.js';
import type { GraphObject } from '../tenant.js';

/** The default-access app role id Graph uses when an app defines no roles. */
export const DEFAULT_ACCESS_ROLE_ID = '00000000-0000-0000-0000-000000000000';

type CredentialShape = LobApp['credentials'][number];

/** Start offset and lifetime (days, relative to now) of each credential shape. */
const CREDENTIAL_SHAPES: Record<CredentialShape, { startDaysAgo: number; lifetimeDays: number; cert: boolean }> = {
  expiredSecret: { startDaysAgo: 400, lifetimeDays: 365, cert: false },
  expiringSecret: { startDaysAgo: 160, lifetimeDays: 180, cert: false },
  longSecret: { startDaysAgo: 300, lifetimeDays: 730, cert: false },
  halfYearSecret: { startDaysAgo: 30, lifetimeDays: 270, cert: false },
  shortSecret: { startDaysAgo: 20, lifetimeDays: 90, cert: false },
  expiredCert: { startDaysAgo: 800, lifetimeDays: 730, cert: true },
  longCert: { startDaysAgo: 100, lifetimeDays: 1095, cert: true },
  expiringCert: { startDaysAgo: 350, lifetimeDays: 365, cert: true },
};

/** One credential decision, kept for the ground truth. */
export interface CredentialFact {
  applicationId: string;
  appId: string;
  appDisplayName: string;
  keyId: string;
  type: 'password' | 'certificate';
  startDateTime: string;
  endDateTime: string;
  lifetimeDays: number;
  expired: boolean;
  expiringWithin30Days: boolean;
}

/** One SSO app decision, kept for the ground truth. */
export interface SsoAppFact {
  servicePrincipalId: string;
  appId: string;
  displayName: string;
  sso: 'saml' | 'oidc';
  coverage: Coverage;
  /** appRoleAssignmentRequired: only the assigned users (and members of assigned groups) can sign in. */
  assignmentRequired: boolean;
  assignedGroupIds: string[];
  assignedUserIds: string[];
}

export interface AppsBuild {
  servicePrincipals: GraphObject[];
  appRoleAssignedTo: Map<string, GraphObject[]>;
  appRoleAssignments: Map<string, GraphObject[]>;
  applications: GraphObject[];
  applicationOwners: Map<string, string[]>;
  graphSpId: string;
  ssoApps: SsoAppFact[];
  credentials: CredentialFact[];
  /** Service principal id -> high-privilege Graph permission values it holds. */
  highPrivilegeSps: Map<string, string[]>;
  /** Application object ids with no owner. */
  ownerlessApplicationIds: string[];
  /** Every application object id the generator made. */
  applicationIds: string[];
  /** Service principals granted any Microsoft Graph application permission (ids). */
  graphPermissionSpIds: string[];
}

function servicePrincipal(
  id: string,
  appId: string,
  name: string,
  owner: string,
  publisher: string,
  extra: Partial<GraphObject> = {},
): GraphObject {
  return {
    id,
    deletedDateTime: null,
    accountEnabled: true,
    appDisplayName: name,
    appId,
    appOwnerOrganizationId: owner,
    appRoleAssignmentRequired: false,
    displayName: name,
    homepage: null,
    logoutUrl: null,
    publisherName: publisher,
    replyUrls: [],
    servicePrincipalNames: [appId],
    servicePrincipalType: 'Application',
    signInAudience: 'AzureADMultipleOrgs',
    preferredSingleSignOnMode: null,
    tags: [],
    addIns: [],
    appRoles: [],
    info: { termsOfServiceUrl: null, supportUrl: null, privacyStatementUrl: null, marketingUrl: null, logoUrl: null },
    keyCredentials: [],
    oauth2PermissionScopes: [],
    passwordCredentials: [],
    ...extra,
  };
}

/** Builds all applications and service principals. */
export function buildApps(ctx: GenContext, groups: WellKnownGroups, groupNames: Map<string, string>): AppsBuild {
  const rng = new Rng(ctx.seed, 40);
  const servicePrincipals: GraphObject[] = [];
  const appRoleAssignedTo = new Map<string, GraphObject[]>();
  const appRoleAssignments = new Map<string, GraphObject[]>();
  const applications: GraphObject[] = [];
  const applicationOwners = new Map<string, string[]>();
  const credentials: CredentialFact[] = [];
  const highPrivilegeSps = new Map<string, string[]>();
  const ownerlessApplicationIds: string[] = [];
  const applicationIds: string[] = [];
  const graphPermissionSpIds: string[] = [];
  const ssoApps: SsoAppFact[] = [];

  // Microsoft Graph and other first-party service principals.
  const graphSpId = rng.guid();
  servicePrincipals.push(
    servicePrincipal(graphSpId, GRAPH_APP_ID, 'Microsoft Graph', MICROSOFT_TENANT_ID, 'Microsoft Services', {
      servicePrincipalNames: [GRAPH_APP_ID, 'https://graph.microsoft.com', 'https://graph.microsoft.com/'],
      appRoles: GRAPH_APP_ROLES.map((r) => ({
        allowedMemberTypes: ['Application'],
        description: `Allows the app to use ${r.value} without a signed-in user.`,
        displayName: r.value,
        id: r.id,
        isEnabled: true,
        origin: 'Application',
        value: r.value,
      })),
    }),
  );
  for (const fp of FIRST_PARTY) servicePrincipals.push(servicePrincipal(rng.guid(), fp.appId, fp.name, MICROSOFT_TENANT_ID, 'Microsoft Services'));

  const assignable: UserPlan[] = [];
  const keptAccessLeavers: UserPlan[] = [];
  for (const p of ctx.plans) {
    if (!p.noAccess && (p.kind === 'member' || p.kind === 'guest')) assignable.push(p);
    if (p.leaver === 'disabledWithAccess' || p.leaver === 'stillEnabled') keptAccessLeavers.push(p);
  }

  // SaaS apps with SSO.
  for (const app of SAAS_APPS) {
    const spId = rng.guid();
    const appId = rng.guid();
    const slug = app.name.toLowerCase().replace(/[^a-z0-9]+/g, '');
    servicePrincipals.push(
      servicePrincipal(spId, appId, app.name, app.sso === 'saml' ? ctx.tenantId : rng.guid(), app.publisher, {
        appRoleAssignmentRequired: app.assignmentRequired,
        preferredSingleSignOnMode: app.sso,
        servicePrincipalNames: app.sso === 'saml' ? [appId, `https://${slug}.example.com/saml/metadata`] : [appId],
        replyUrls: [`https://${slug}.example.com/${app.sso === 'saml' ? 'saml/acs' : 'oauth2/callback'}`],
        homepage: `https://${slug}.example.com/`,
        tags: app.sso === 'saml' ? ['WindowsAzureActiveDirectoryIntegratedApp', 'WindowsAzureActiveDirectoryCustomSingleSignOnApplication'] : ['WindowsAzureActiveDirectoryIntegratedApp'],
        signInAudience: app.sso === 'saml' ? 'AzureADMyOrg' : 'AzureADMultipleOrgs',
        appRoles: [
          { allowedMemberTypes: ['User'], description: 'msiam_access', displayName: 'msiam_access', id: 'b9632174-c057-4f7e-951b-be3adc52bfe6', isEnabled: true, origin: 'ServicePrincipal', value: null },
        ],
      }),
    );
    const assigned: GraphObject[] = [];
    const fact: SsoAppFact = { servicePrincipalId: spId, appId, displayName: app.name, sso: app.sso, coverage: app.coverage, assignmentRequired: app.assignmentRequired, assignedGroupIds: [], assignedUserIds: [] };
    const assign = (principalId: string, principalType: 'User' | 'Group', principalDisplayName: string): void => {
      assigned.push({
        id: `${rng.hex(8)}${rng.hex(8)}${rng.hex(8)}${rng.hex(19)}`.slice(0, 43),
        deletedDateTime: null,
        appRoleId: DEFAULT_ACCESS_ROLE_ID,
        createdDateTime: isoSeconds(ctx.nowMs - (10 + rng.int(600)) * DAY_MS),
        principalDisplayName,
        principalId,
        principalType,
        resourceDisplayName: app.name,
        resourceId: spId,
      });
      if (principalType === 'User') {
        fact.assignedUserIds.push(principalId);
        grant(ctx.ledger, ctx.ledger.apps, principalId, app.name);
      } else fact.assignedGroupIds.push(principalId);
    };
    const groupId = app.group ? groups.appAccess[app.group] : undefined;
    if (groupId) assign(groupId, 'Group', groupNames.get(groupId) ?? app.name);
    const direct = Math.max(2, Math.floor(assignable.length * 0.02));
    const chosen = new Set<UserPlan>();
    for (let k = 0; k < direct && assignable.length > 0; k++) chosen.add(assignable[rng.int(assignable.length)]);
    if (app.name === 'GitHub Enterprise Cloud') for (const p of keptAccessLeavers) chosen.add(p);
    for (const p of chosen) assign(p.id, 'User', p.displayName);
    appRoleAssignedTo.set(spId, assigned);
    ssoApps.push(fact);
  }

  // Line-of-business app registrations, their service principals and Graph permissions.
  const ownerPool = ctx.plans.filter((p) => p.kind === 'member' && !p.noAccess && p.enabled);
  const lobCount = LOB_APPS.length + Math.min(60, Math.floor(ctx.plans.length / 5000));
  for (let k = 0; k < lobCount; k++) {
    const spec: LobApp = k < LOB_APPS.length ? LOB_APPS[k] : { name: `Internal Tool ${k - LOB_APPS.length + 1}`, credentials: [rng.pick(['shortSecret', 'halfYearSecret', 'longSecret', 'expiredSecret'] as const)], permissions: rng.chance(0.3) ? ['User.Read.All'] : [], owners: rng.int(3) };
    const objectId = rng.guid();
    const appId = rng.guid();
    const passwordCredentials: Record<string, unknown>[] = [];
    const keyCredentials: Record<string, unknown>[] = [];
    for (const shape of spec.credentials) {
      const s = CREDENTIAL_SHAPES[shape];
      const startMs = ctx.nowMs - s.startDaysAgo * DAY_MS;
      const endMs = startMs + s.lifetimeDays * DAY_MS;
      const keyId = rng.guid();
      const start = isoSeconds(startMs);
      const end = isoSeconds(endMs);
      if (s.cert) {
        keyCredentials.push({
          customKeyIdentifier: rng.hex(40).toUpperCase(),
          displayName: `CN=${spec.name.replace(/ /g, '')}`,
          endDateTime: end,
          key: null,
          keyId,
          startDateTime: start,
          type: 'AsymmetricX509Cert',
          usage: 'Verify',
        });
      } else {
        passwordCredentials.push({ customKeyIdentifier: null, displayName: `${shape} secret`, endDateTime: end, hint: rng.hex(3), keyId, secretText: null, startDateTime: start });
      }
      credentials.push({
        applicationId: objectId,
        appId,
        appDisplayName: spec.name,
        keyId,
        type: s.cert ? 'certificate' : 'password',
        startDateTime: start,
        endDateTime: end,
        lifetimeDays: s.lifetimeDays,
        expired: endMs <= ctx.nowMs,
        expiringWithin30Days: endMs > ctx.nowMs && endMs <= ctx.nowMs + 30 * DAY_MS,
      });
    }
    const perms = GRAPH_APP_ROLES.filter((r) => (spec.permissions as readonly string[]).includes(r.value));
    applications.push({
      id: objectId,
      deletedDateTime: null,
      appId,
      displayName: spec.name,
      description: null,
      createdDateTime: isoSeconds(ctx.nowMs - (60 + rng.int(1500)) * DAY_MS),
      signInAudience: 'AzureADMyOrg',
      publisherDomain: ctx.domain,
      identifierUris: [`api://${appId}`],
      tags: [],
      notes: null,
      web: { homePageUrl: null, logoutUrl: null, redirectUris: [], implicitGrantSettings: { enableAccessTokenIssuance: false, enableIdTokenIssuance: false } },
      requiredResourceAccess: perms.length ? [{ resourceAppId: GRAPH_APP_ID, resourceAccess: perms.map((r) => ({ id: r.id, type: 'Role' })) }] : [],
      passwordCredentials,
      keyCredentials,
    });
    const owners: string[] = [];
    for (let o = 0; o < spec.owners && ownerPool.length > 0; o++) owners.push(ownerPool[rng.int(ownerPool.length)].id);
    applicationOwners.set(objectId, owners);
    applicationIds.push(objectId);
    if (owners.length === 0) ownerlessApplicationIds.push(objectId);

    const spId = rng.guid();
    servicePrincipals.push(servicePrincipal(spId, appId, spec.name, ctx.tenantId, ctx.tenantName, { signInAudience: 'AzureADMyOrg', tags: ['WindowsAzureActiveDirectoryIntegratedApp'] }));
    if (perms.length) {
      appRoleAssignments.set(
        spId,
        perms.map((r) => ({
          id: `${rng.hex(8)}${rng.hex(8)}${rng.hex(8)}${rng.hex(19)}`.slice(0, 43),
          deletedDateTime: null,
          appRoleId: r.id,
          createdDateTime: isoSeconds(ctx.nowMs - (5 + rng.int(500)) * DAY_MS),
          principalDisplayName: spec.name,
          principalId: spId,
          principalType: 'ServicePrincipal',
          resourceDisplayName: 'Microsoft Graph',
          resourceId: graphSpId,
        })),
      );
      graphPermissionSpIds.push(spId);
      const high = perms.filter((r) => r.high).map((r) => r.value);
      if (high.length) highPrivilegeSps.set(spId, high);
    }
  }
  return { servicePrincipals, appRoleAssignedTo, appRoleAssignments, applications, applicationOwners, graphSpId, ssoApps, credentials, highPrivilegeSps, ownerlessApplicationIds, applicationIds, graphPermissionSpIds };
}
