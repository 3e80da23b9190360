/**
 * The synthetic tenant generator: deterministic from a seed, 10 to 200,000 users, producing the
 * TenantData the Graph emulator serves, the ground truth later tests compare against, and the HR
 * terminated-employees CSV.
 */
import type { LicenceTier } from '../../../shared/datasets.js';
import type { TenantData } from '../tenant.js';
import { buildApps } from './apps.js';
import { buildConditionalAccess } from './conditional-access.js';
import { buildDevices } from './devices.js';
import { buildDomains, buildOrganization, buildSkus } from './directory.js';
import { buildGroups, buildNonUserGroups } from './groups.js';
import { hrRows, toCsv } from './hr-csv.js';
import { buildMfa } from './mfa-methods.js';
import { buildPlans } from './plans.js';
import { Rng } from './prng.js';
import { buildRoles } from './roles.js';
import { buildSecurity } from './security.js';
import { createSignInSource } from './sign-ins.js';
import { buildTruth } from './ground-truth.js';
import { buildUsers } from './users.js';
import type { GenContext } from './context.js';
import type { GroundTruth } from './ground-truth.js';

export type { GroundTruth } from './ground-truth.js';

export interface GenerateOptions {
  users: number;
  seed: number;
  licence: LicenceTier;
  /** Users holding an active Global Administrator assignment, the two break-glass accounts included (min 2). Default 5. */
  globalAdmins?: number;
  /** The tenant's "now" (ISO). Default DEFAULT_NOW, so output never depends on the clock. */
  now?: string;
  /** Interactive sign-ins per active user per day (weekdays; weekends are quieter). Default 2. */
  signInsPerUserPerDay?: number;
}

export interface GeneratedTenant {
  tenant: TenantData;
  truth: GroundTruth;
  terminationsCsv: string;
}

export const DEFAULT_NOW = '2026-06-01T12:00:00Z';
export const MIN_USERS = 10;
export const MAX_USERS = 200_000;

const TENANT_NAMES = ['Northwind Traders', 'Woodgrove Bank', 'Proseware', 'Lamna Healthcare', 'Alpine Ski House', 'Relecloud', 'Trey Research', 'Munson\'s Pickles'];

/** Generates a whole tenant from the options (same options, same output). */
export function generateTenant(opts: GenerateOptions): GeneratedTenant {
  if (!Number.isInteger(opts.users) || opts.users < MIN_USERS || opts.users > MAX_USERS) {
    throw new RangeError(`users must be an integer from ${MIN_USERS} to ${MAX_USERS}, got ${opts.users}`);
  }
  const nowMs = Date.parse(opts.now ?? DEFAULT_NOW);
  if (Number.isNaN(nowMs)) throw new RangeError(`now is not a date: ${opts.now}`);
  const rng = new Rng(opts.seed, 0);
  const tenantName = TENANT_NAMES[rng.int(TENANT_NAMES.length)];
  const slug = tenantName.toLowerCase().replace(/[^a-z0-9]+/g, '');
  const domain = `${slug}.com`;
  const initialDomain = `${slug}.onmicrosoft.com`;
  const federatedDomain = `${slug}-global.com`;
  const tenantId = rng.guid();
  const { plans, tags } = buildPlans(new Rng(opts.seed, 10), {
    users: opts.users,
    globalAdmins: Math.max(2, opts.globalAdmins ?? 5),
    nowMs,
    domain,
    initialDomain,
    federatedDomain,
  });
  const ctx: GenContext = {
    seed: opts.seed,
    licence: opts.licence,
    nowMs,
    now: new Date(nowMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    tenantId,
    tenantName,
    domain,
    initialDomain,
    federatedDomain,
    signInsPerUserPerDay: opts.signInsPerUserPerDay ?? 2,
    plans,
    ledger: { tracked: new Set(plans.filter((p) => p.leaver).map((p) => p.id)), groups: new Map(), roles: new Map(), apps: new Map() },
  };

  const { users, deletedUsers, managers } = buildUsers(ctx);
  const tier0Ids = plans.filter((_, i) => tags[i] === 'tier0').map((p) => p.id);
  const breakGlassIds = plans.filter((p) => p.kind === 'breakGlass').map((p) => p.id);
  const g = buildGroups(ctx, tier0Ids);
  const roles = buildRoles(ctx, tags, g.wellKnown.tier0);
  const mfa = buildMfa(ctx, roles.adminIds);
  const groupNames = new Map(g.groups.map((x) => [x.id, String(x.displayName)]));
  const apps = buildApps(ctx, g.wellKnown, groupNames);
  const dev = buildDevices(ctx);
  const extra = buildNonUserGroups(
    ctx,
    dev.facts.filter((d) => d.os === 'Windows' && d.state !== 'unmanaged').slice(0, 500).map((d) => d.id),
    apps.servicePrincipals.filter((sp) => sp.appOwnerOrganizationId === tenantId).slice(-3).map((sp) => sp.id),
  );
  const groups = [...g.groups, ...extra.groups];
  const groupMembers = new Map([...g.groupMembers, ...extra.groupMembers]);
  const ca = buildConditionalAccess(ctx, breakGlassIds, g.wellKnown, apps.ssoApps);
  const globalAdminIds = roles.grants.filter((x) => x.roleName === 'Global Administrator' && x.kind !== 'eligible' && !breakGlassIds.includes(x.principalId)).map((x) => x.principalId);
  const sec = buildSecurity(ctx, globalAdminIds);

  const active: number[] = [];
  for (const p of plans) {
    if (p.enabled && !p.deleted && (p.activity === 'active' || p.activity === 'recentNew')) active.push(p.index);
  }
  const enabledPolicies = ca.conditionalAccessPolicies.filter((p) => p.state === 'enabled');
  const signIns = createSignInSource({
    ctx,
    activeIdx: Int32Array.from(active),
    devices: dev.facts,
    primaryDevice: dev.primaryDevice,
    ssoApps: apps.ssoApps,
    policies: enabledPolicies.map((p) => ({ id: p.id, displayName: String(p.displayName) })),
  });
  const rows = hrRows(ctx);

  const tenant: TenantData = {
    tenantId,
    displayName: tenantName,
    primaryDomain: domain,
    licence: opts.licence,
    now: ctx.now,
    seed: opts.seed,
    organization: buildOrganization(ctx),
    subscribedSkus: buildSkus(ctx),
    domains: buildDomains(ctx),
    users,
    deletedUsers,
    userManagers: managers,
    authenticationMethods: mfa.authenticationMethods,
    userRegistrationDetails: mfa.userRegistrationDetails,
    groups,
    groupMembers,
    roleDefinitions: roles.roleDefinitions,
    roleAssignments: roles.roleAssignments,
    roleAssignmentSchedules: roles.roleAssignmentSchedules,
    roleEligibilitySchedules: roles.roleEligibilitySchedules,
    servicePrincipals: apps.servicePrincipals,
    appRoleAssignedTo: apps.appRoleAssignedTo,
    appRoleAssignments: apps.appRoleAssignments,
    applications: apps.applications,
    applicationOwners: apps.applicationOwners,
    devices: dev.devices,
    deviceOwners: dev.deviceOwners,
    conditionalAccessPolicies: ca.conditionalAccessPolicies,
    namedLocations: ca.namedLocations,
    authenticationStrengthPolicies: ca.authenticationStrengthPolicies,
    securityDefaults: ca.securityDefaults,
    signIns,
    alerts: sec.alerts,
    riskDetections: sec.riskDetections,
    riskyUsers: sec.riskyUsers,
  };

  const truth = buildTruth({
    ctx,
    grants: roles.grants,
    adminIds: roles.adminIds,
    breakGlassIds,
    hrRows: rows,
    ssoApps: apps.ssoApps,
    credentials: apps.credentials,
    highPrivilegeSps: apps.highPrivilegeSps,
    ownerlessApplicationIds: apps.ownerlessApplicationIds,
    applicationIds: apps.applicationIds,
    graphPermissionSpIds: apps.graphPermissionSpIds,
    policyIdsByApp: ca.policyIdsByApp,
    policyIds: ca.policyIds,
    enabledPolicyIds: new Set(enabledPolicies.map((p) => p.id)),
    exclusionGroupId: g.wellKnown.caExclusion,
    groupMembers: g.groupMembers,
    salesforceGroupId: g.wellKnown.appAccess.Salesforce,
    devices: dev.facts,
    risk: sec.risk,
    alerts: sec.alertFacts,
    mfaRules: ca.mfaRules,
    policyStates: ca.policyStates,
    caDesign: ca.design,
    signIns: (from, to) => signIns.planted(from, to),
    groupCount: groups.length,
    signInCount: signIns.count(),
  });
  return { tenant, truth, terminationsCsv: toCsv(rows) };
}
