/**
 * The Graph v1.0 resources the emulator serves, one row each: what permission, licence and throttle
 * bucket Graph applies, the published request cost, page sizes, and where the data comes from.
 * Page sizes and limits cite the Microsoft Graph docs (microsoftgraph/microsoft-graph-docs-contrib,
 * api-reference/v1.0/api/<file>.md).
 */
import type { LicenceTier, ThrottleBucket } from '../../../shared/datasets.js';
import type { GraphObject, TenantData } from '../tenant.js';
import { GraphHttpError, badRequest, nonPremiumTenant, notFound, pimLicenceRequired } from './errors.js';
import type { ODataQuery } from './odata.js';
import { matches } from './odata.js';
import type { TenantIndex } from './tenant-index.js';

/** A collection the server pages through: it must answer a slice without building the whole list. */
export interface ListSource {
  total(): number;
  slice(offset: number, limit: number): GraphObject[];
}

export interface RouteInput {
  tenant: TenantData;
  index: TenantIndex;
  params: string[];
  query: ODataQuery;
}

export type RouteOutput = { kind: 'list'; source: ListSource } | { kind: 'entity'; entity: GraphObject };

export interface PageSize {
  default: number;
  max: number;
}

export interface RouteSpec {
  /** Path segments under /v1.0; `{id}` matches one segment. */
  pattern: string[];
  /** What follows `$metadata#` in @odata.context. */
  context: (params: string[]) => string;
  bucket: ThrottleBucket;
  /** Any one of these suffices (ReadWrite variants of a Read.All are accepted too). */
  permissions: string[];
  /** Lowest licence and the refusal Graph gives below it. */
  licence?: { tier: LicenceTier; refuse: () => GraphHttpError };
  /** Identity base cost in resource units (throttling-limits.md table; 1 when not listed). */
  cost: number;
  /** Directory objects: $count needs ConsistencyLevel: eventual. */
  directory: boolean;
  /** Paging; undefined = all rows in one response (small policy collections). */
  page?: PageSize;
  /** $expand values Graph supports here that we serve. */
  expand?: string[];
  /** Properties returned when no $select is given (users return a default set only). */
  defaultSelect?: string[];
  handler: (input: RouteInput) => RouteOutput;
}

/**
 * Directory object lists (users, groups, service principals, applications, devices, members):
 * concepts/paging.md "the GET /users endpoint returns a default of 100 results in a single page";
 * $top above 999 is refused with "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive."
 */
const DIRECTORY_PAGE: PageSize = { default: 100, max: 999 };

const arraySource = (rows: readonly GraphObject[], q: ODataQuery): ListSource => {
  const list = q.filter.length ? rows.filter((r) => matches(r, q.filter)) : rows;
  return { total: () => list.length, slice: (o, n) => list.slice(o, o + n) };
};

const list = (rows: readonly GraphObject[]) => (i: RouteInput): RouteOutput => ({ kind: 'list', source: arraySource(rows, i.query) });

const DIRECTORY_READ = 'Directory.Read.All';

/** user-list.md: GET /users without $select returns this default property set. */
export const USER_DEFAULT_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
];

const p1 = { tier: 'p1' as const, refuse: nonPremiumTenant };

function requireUser(i: RouteInput): GraphObject {
  const user = i.index.user(i.params[0]);
  if (!user) throw new GraphHttpError(404, 'Request_ResourceNotFound', `Resource '${i.params[0]}' does not exist or one of its queried reference-property objects are not present.`);
  return user;
}

function requireGroup(i: RouteInput): GraphObject {
  const g = i.index.groupById.get(i.params[0]);
  if (!g) throw new GraphHttpError(404, 'Request_ResourceNotFound', `Resource '${i.params[0]}' does not exist or one of its queried reference-property objects are not present.`);
  return g;
}

function requireSp(i: RouteInput): GraphObject {
  const sp = i.index.spById.get(i.params[0]);
  if (!sp) throw new GraphHttpError(404, 'Request_ResourceNotFound', `Resource '${i.params[0]}' does not exist or one of its queried reference-property objects are not present.`);
  return sp;
}

/** Sign-ins stream from tenant.signIns: only createdDateTime ranges are accepted in $filter. */
function signInSource(i: RouteInput): ListSource {
  let from: bigint | undefined;
  let to: bigint | undefined;
  for (const c of i.query.filter) {
    if (c.path.join('/') !== 'createdDateTime' || typeof c.value !== 'string' || c.op === 'eq' || c.op === 'ne') {
      throw badRequest(`Invalid filter clause: only createdDateTime ranges (ge, gt, le, lt) are supported on signIns.`, 'BadRequest');
    }
    // The source takes [from, to); gt and le move the bound by one tick (100 ns, Graph's precision).
    const t = toTicks(c.value);
    if (c.op === 'ge' || c.op === 'gt') {
      const f = c.op === 'gt' ? t + 1n : t;
      from = from === undefined || f > from ? f : from;
    } else {
      const u = c.op === 'le' ? t + 1n : t;
      to = to === undefined || u < to ? u : to;
    }
  }
  const signIns = i.tenant.signIns;
  const f = from === undefined ? undefined : fromTicks(from);
  const u = to === undefined ? undefined : fromTicks(to);
  return { total: () => signIns.count(f, u), slice: (o, n) => signIns.page(f, u, o, n) };
}

/** An ISO time as 100-ns ticks since 1970 (BigInt: the count passes 2^53). */
function toTicks(iso: string): bigint {
  const ms = Date.parse(iso);
  const frac = /\.(\d+)(Z|[+-]\d{2}:\d{2})?$/.exec(iso)?.[1] ?? '';
  return BigInt(ms - (((ms % 1000) + 1000) % 1000)) * 10_000n + BigInt((frac + '0000000').slice(0, 7));
}

/** Ticks back to ISO with all seven fractional digits, as Graph writes times. */
function fromTicks(ticks: bigint): string {
  const ms = ticks / 10_000n;
  const rest = ticks % 10_000n;
  return new Date(Number(ms)).toISOString().slice(0, 23) + String(rest).padStart(4, '0') + 'Z';
}

/** The route table. */
export const ROUTES: RouteSpec[] = [
  {
    pattern: ['organization'],
    context: () => 'organization',
    bucket: 'identity',
    permissions: ['Organization.Read.All', DIRECTORY_READ],
    cost: 1,
    directory: true,
    handler: (i) => list(i.tenant.organization)(i),
  },
  {
    pattern: ['subscribedSkus'],
    context: () => 'subscribedSkus',
    bucket: 'identity',
    permissions: ['Organization.Read.All', DIRECTORY_READ],
    cost: 3,
    directory: false,
    handler: (i) => list(i.tenant.subscribedSkus)(i),
  },
  {
    pattern: ['domains'],
    context: () => 'domains',
    bucket: 'identity',
    permissions: ['Domain.Read.All', DIRECTORY_READ],
    cost: 1,
    directory: false,
    handler: (i) => list(i.tenant.domains)(i),
  },
  {
    pattern: ['users'],
    context: () => 'users',
    bucket: 'identity',
    permissions: ['User.Read.All', 'User.ReadBasic.All', DIRECTORY_READ],
    cost: 2,
    directory: true,
    page: DIRECTORY_PAGE,
    defaultSelect: USER_DEFAULT_PROPERTIES,
    expand: ['manager'],
    handler: (i) => list(i.tenant.users)(i),
  },
  {
    pattern: ['users', '{id}'],
    context: () => 'users/$entity',
    bucket: 'identity',
    permissions: ['User.Read.All', 'User.ReadBasic.All', DIRECTORY_READ],
    cost: 1,
    directory: true,
    defaultSelect: USER_DEFAULT_PROPERTIES,
    expand: ['manager'],
    handler: (i) => ({ kind: 'entity', entity: requireUser(i) }),
  },
  {
    // user-list-manager.md: the manager as a directoryObject; 404 when there is none.
    pattern: ['users', '{id}', 'manager'],
    context: () => 'directoryObjects/$entity',
    bucket: 'identity',
    permissions: ['User.Read.All', DIRECTORY_READ],
    cost: 1,
    directory: true,
    defaultSelect: USER_DEFAULT_PROPERTIES,
    handler: (i) => {
      const managerId = i.tenant.userManagers.get(requireUser(i).id);
      const [manager] = managerId ? i.index.typed([managerId]) : [];
      if (!manager) throw new GraphHttpError(404, 'Request_ResourceNotFound', "Resource 'manager' does not exist or one of its queried reference-property objects are not present.");
      return { kind: 'entity', entity: manager };
    },
  },
  {
    // authentication-list-methods.md: UserAuthenticationMethod.Read.All; no paging.
    pattern: ['users', '{id}', 'authentication', 'methods'],
    context: (p) => `users('${p[0]}')/authentication/methods`,
    bucket: 'identity',
    permissions: ['UserAuthenticationMethod.Read.All'],
    cost: 1,
    directory: false,
    handler: (i) => list(i.tenant.authenticationMethods.get(requireUser(i).id) ?? [])(i),
  },
  {
    // authenticationmethodsroot-list-userregistrationdetails.md: AuditLog.Read.All. A tenant without
    // P1 is refused with Authentication_RequestFromNonPremiumTenantOrB2CTenant, as the sign-in reports
    // are. No page size is published; 1,000 (as signIns) is our choice.
    pattern: ['reports', 'authenticationMethods', 'userRegistrationDetails'],
    context: () => 'reports/authenticationMethods/userRegistrationDetails',
    bucket: 'reports',
    permissions: ['AuditLog.Read.All'],
    licence: p1,
    cost: 1,
    directory: false,
    page: { default: 1000, max: 1000 },
    handler: (i) => list(i.tenant.userRegistrationDetails)(i),
  },
  {
    pattern: ['directory', 'deletedItems', 'microsoft.graph.user'],
    context: () => 'directory/deletedItems/microsoft.graph.user',
    bucket: 'identity',
    permissions: ['User.Read.All', DIRECTORY_READ],
    cost: 1,
    directory: true,
    page: DIRECTORY_PAGE,
    handler: (i) => list(i.tenant.deletedUsers)(i),
  },
  {
    pattern: ['groups'],
    context: () => 'groups',
    bucket: 'identity',
    permissions: ['GroupMember.Read.All', 'Group.Read.All', DIRECTORY_READ],
    cost: 1,
    directory: true,
    page: DIRECTORY_PAGE,
    handler: (i) => list(i.tenant.groups)(i),
  },
  {
    pattern: ['groups', '{id}', 'members'],
    context: () => 'directoryObjects',
    bucket: 'identity',
    permissions: ['GroupMember.Read.All', 'Group.Read.All', DIRECTORY_READ],
    cost: 3,
    directory: true,
    page: DIRECTORY_PAGE,
    handler: (i) => list(i.index.typed(i.tenant.groupMembers.get(requireGroup(i).id) ?? []))(i),
  },
  {
    pattern: ['groups', '{id}', 'transitiveMembers'],
    context: () => 'directoryObjects',
    bucket: 'identity',
    permissions: ['GroupMember.Read.All', 'Group.Read.All', DIRECTORY_READ],
    cost: 5,
    directory: true,
    page: DIRECTORY_PAGE,
    handler: (i) => list(i.index.typed(i.index.transitiveMemberIds(requireGroup(i).id)))(i),
  },
  {
    pattern: ['roleManagement', 'directory', 'roleDefinitions'],
    context: () => 'roleManagement/directory/roleDefinitions',
    bucket: 'identity',
    permissions: ['RoleManagement.Read.Directory', DIRECTORY_READ],
    cost: 1,
    directory: false,
    handler: (i) => list(i.tenant.roleDefinitions)(i),
  },
  {
    pattern: ['roleManagement', 'directory', 'roleAssignments'],
    context: () => 'roleManagement/directory/roleAssignments',
    bucket: 'identity',
    permissions: ['RoleManagement.Read.Directory', DIRECTORY_READ],
    cost: 1,
    directory: false,
    handler: (i) => list(i.tenant.roleAssignments)(i),
  },
  {
    // PIM schedules need Microsoft Entra ID P2 (AadPremiumLicenseRequired below it).
    pattern: ['roleManagement', 'directory', 'roleAssignmentSchedules'],
    context: () => 'roleManagement/directory/roleAssignmentSchedules',
    bucket: 'identity',
    permissions: ['RoleAssignmentSchedule.Read.Directory', 'RoleManagement.Read.Directory'],
    licence: { tier: 'p2', refuse: pimLicenceRequired },
    cost: 1,
    directory: false,
    handler: (i) => list(i.tenant.roleAssignmentSchedules)(i),
  },
  {
    pattern: ['roleManagement', 'directory', 'roleEligibilitySchedules'],
    context: () => 'roleManagement/directory/roleEligibilitySchedules',
    bucket: 'identity',
    permissions: ['RoleEligibilitySchedule.Read.Directory', 'RoleManagement.Read.Directory'],
    licence: { tier: 'p2', refuse: pimLicenceRequired },
    cost: 1,
    directory: false,
    handler: (i) => list(i.tenant.roleEligibilitySchedules)(i),
  },
  {
    pattern: ['servicePrincipals'],
    context: () => 'servicePrincipals',
    bucket: 'identity',
    permissions: ['Application.Read.All', DIRECTORY_READ],
    cost: 1,
    directory: true,
    page: DIRECTORY_PAGE,
    handler: (i) => list(i.tenant.servicePrincipals)(i),
  },
  {
    pattern: ['servicePrincipals', '{id}', 'appRoleAssignedTo'],
    context: (p) => `servicePrincipals('${p[0]}')/appRoleAssignedTo`,
    bucket: 'identity',
    permissions: ['Application.Read.All', DIRECTORY_READ],
    cost: 1,
    directory: false,
    page: DIRECTORY_PAGE,
    handler: (i) => list(i.tenant.appRoleAssignedTo.get(requireSp(i).id) ?? [])(i),
  },
  {
    pattern: ['servicePrincipals', '{id}', 'appRoleAssignments'],
    context: (p) => `servicePrincipals('${p[0]}')/appRoleAssignments`,
    bucket: 'identity',
    permissions: ['Application.Read.All', DIRECTORY_READ],
    cost: 2,
    directory: false,
    page: DIRECTORY_PAGE,
    handler: (i) => list(i.tenant.appRoleAssignments.get(requireSp(i).id) ?? [])(i),
  },
  {
    pattern: ['applications'],
    context: () => 'applications',
    bucket: 'identity',
    permissions: ['Application.Read.All', DIRECTORY_READ],
    cost: 2,
    directory: true,
    page: DIRECTORY_PAGE,
    expand: ['owners'],
    handler: (i) => list(i.tenant.applications)(i),
  },
  {
    pattern: ['devices'],
    context: () => 'devices',
    bucket: 'identity',
    permissions: ['Device.Read.All', DIRECTORY_READ],
    cost: 1,
    directory: true,
    page: DIRECTORY_PAGE,
    expand: ['registeredOwners'],
    handler: (i) => list(i.tenant.devices)(i),
  },
  {
    pattern: ['devices', '{id}', 'registeredOwners'],
    context: () => 'directoryObjects',
    bucket: 'identity',
    permissions: ['Device.Read.All', DIRECTORY_READ],
    cost: 1,
    directory: true,
    page: DIRECTORY_PAGE,
    handler: (i) => {
      const device = i.index.byId.get(i.params[0]);
      if (!device || device.type !== '#microsoft.graph.device') throw new GraphHttpError(404, 'Request_ResourceNotFound', `Resource '${i.params[0]}' does not exist or one of its queried reference-property objects are not present.`);
      return list(i.index.typed(i.tenant.deviceOwners.get(device.obj.id) ?? []))(i);
    },
  },
  {
    pattern: ['identity', 'conditionalAccess', 'policies'],
    context: () => 'identity/conditionalAccess/policies',
    bucket: 'policy',
    permissions: ['Policy.Read.All'],
    cost: 1,
    directory: false,
    handler: (i) => list(i.tenant.conditionalAccessPolicies)(i),
  },
  {
    pattern: ['identity', 'conditionalAccess', 'policies', '{id}'],
    context: () => 'identity/conditionalAccess/policies/$entity',
    bucket: 'policy',
    permissions: ['Policy.Read.All'],
    cost: 1,
    directory: false,
    handler: (i) => {
      const p = i.tenant.conditionalAccessPolicies.find((x) => x.id === i.params[0]);
      if (!p) throw notFound(i.params[0]);
      return { kind: 'entity', entity: p };
    },
  },
  {
    pattern: ['identity', 'conditionalAccess', 'namedLocations'],
    context: () => 'identity/conditionalAccess/namedLocations',
    bucket: 'policy',
    permissions: ['Policy.Read.All'],
    cost: 1,
    directory: false,
    handler: (i) => list(i.tenant.namedLocations)(i),
  },
  {
    pattern: ['policies', 'authenticationStrengthPolicies'],
    context: () => 'policies/authenticationStrengthPolicies',
    bucket: 'policy',
    permissions: ['Policy.Read.All', 'Policy.Read.AuthenticationMethod'],
    cost: 1,
    directory: false,
    handler: (i) => list(i.tenant.authenticationStrengthPolicies)(i),
  },
  {
    pattern: ['policies', 'identitySecurityDefaultsEnforcementPolicy'],
    context: () => 'policies/identitySecurityDefaultsEnforcementPolicy/$entity',
    bucket: 'policy',
    permissions: ['Policy.Read.All'],
    cost: 1,
    directory: false,
    handler: (i) => ({ kind: 'entity', entity: i.tenant.securityDefaults }),
  },
  {
    // signin-list.md: "The maximum and default page size is 1,000 objects"; P1 needed.
    pattern: ['auditLogs', 'signIns'],
    context: () => 'auditLogs/signIns',
    bucket: 'reports',
    permissions: ['AuditLog.Read.All'],
    licence: p1,
    cost: 1,
    directory: false,
    page: { default: 1000, max: 1000 },
    handler: (i) => ({ kind: 'list', source: signInSource(i) }),
  },
  {
    // security-list-alerts_v2.md supports $top but publishes no maximum; 2,000 is our choice.
    pattern: ['security', 'alerts_v2'],
    context: () => 'security/alerts_v2',
    bucket: 'security',
    permissions: ['SecurityAlert.Read.All'],
    cost: 1,
    directory: false,
    page: { default: 2000, max: 2000 },
    handler: (i) => list(i.tenant.alerts)(i),
  },
  {
    // riskdetection-list.md: "You must have a Microsoft Entra ID P1 or P2 license to use the risk
    // detection API"; "The default page size is 20 objects while the maximum with $top is 500".
    // P1 tenants get limited information: we answer with riskLevel and riskDetail "hidden" (values
    // Graph documents for tenants without P2).
    pattern: ['identityProtection', 'riskDetections'],
    context: () => 'identityProtection/riskDetections',
    bucket: 'policy',
    permissions: ['IdentityRiskEvent.Read.All'],
    licence: p1,
    cost: 1,
    directory: false,
    page: { default: 20, max: 500 },
    handler: (i) => list(i.tenant.licence === 'p2' ? i.tenant.riskDetections : i.tenant.riskDetections.map(hideRisk))(i),
  },
  {
    // resources/riskyuser.md: "Using the riskyUsers API requires a Microsoft Entra ID P2 license".
    // No refusal body is published; we answer as for PIM (AadPremiumLicenseRequired). Page sizes as riskDetections.
    pattern: ['identityProtection', 'riskyUsers'],
    context: () => 'identityProtection/riskyUsers',
    bucket: 'policy',
    permissions: ['IdentityRiskyUser.Read.All'],
    licence: { tier: 'p2', refuse: pimLicenceRequired },
    cost: 1,
    directory: false,
    page: { default: 20, max: 500 },
    handler: (i) => list(i.tenant.riskyUsers)(i),
  },
];

function hideRisk(r: GraphObject): GraphObject {
  return { ...r, riskLevel: 'hidden', riskDetail: 'hidden' };
}

/** The route for a path under /v1.0 and its `{id}` values, or undefined. */
export function matchRoute(segments: string[]): { route: RouteSpec; params: string[] } | undefined {
  for (const route of ROUTES) {
    if (route.pattern.length !== segments.length) continue;
    const params: string[] = [];
    let ok = true;
    for (let k = 0; k < segments.length && ok; k++) {
      if (route.pattern[k] === '{id}') params.push(segments[k]);
      else ok = route.pattern[k].toLowerCase() === segments[k].toLowerCase();
    }
    if (ok) return { route, params };
  }
  return undefined;
}
