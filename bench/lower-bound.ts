/**
 * The least Graph work a collection of a tenant can take, computed from the tenant itself: the pages
 * each list needs at its endpoint's largest page size (main/graph/page-sizes.ts), the per-entity calls
 * no list replaces (20 to a $batch), and the time Graph's limits force on each throttling bucket, read
 * from the emulator's own Throttle so the floor is the limit actually enforced.
 */
import type { ThrottleBucket } from '../shared/datasets.js';
import { matchRoute } from '../main/demo/emulator/routes.js';
import { Throttle } from '../main/demo/emulator/throttle.js';
import type { TenantData } from '../main/demo/tenant.js';
import { pageSizeFor } from '../main/graph/page-sizes.js';
import type { BucketNeed, LowerBound } from './types.js';

const BUCKETS: ThrottleBucket[] = ['identity', 'reports', 'signInActivity', 'policy', 'security'];
const BATCH = 20;

/** Pages a list of `n` objects takes at the endpoint's largest page (one request when it is not paged). */
export function listPages(n: number, pageSize: number | null): number {
  return pageSize === null ? 1 : Math.max(1, Math.ceil(n / pageSize));
}

/**
 * Requests for per-entity lists read through $batch, 20 items to a request: at least the items over
 * 20, and at least the deepest entity's pages (a page's nextLink is known only after the page before,
 * so an entity's pages go in as many successive requests). A $batch may mix first and later pages of
 * different entities, so both bounds are reachable together.
 */
export function batchedRequests(pagesPerEntity: number[]): number {
  const total = pagesPerEntity.reduce((a, p) => a + p, 0);
  return Math.max(Math.ceil(total / BATCH), ...pagesPerEntity, 0);
}

/**
 * Identity resource units of one request (throttling-limits.md: the endpoint's base cost, -1 with
 * $select, +1 with $expand, never below 1; reading signInActivity costs 1 more in our emulator).
 */
export function requestCost(path: string, o: { select?: boolean; expand?: boolean; activity?: boolean } = {}): number {
  const hit = matchRoute(path.split('/').filter(Boolean));
  if (!hit) throw new Error(`no emulator route for ${path}`);
  return Math.max(1, hit.route.cost - (o.select ? 1 : 0) + (o.expand ? 1 : 0) + (o.activity ? 1 : 0));
}

/** Capacity and window (Graph seconds) of each bucket, probed from the emulator's Throttle. */
export function enforcedLimits(users: number): Record<ThrottleBucket, { capacity: number; windowSec: number }> {
  const out = {} as Record<ThrottleBucket, { capacity: number; windowSec: number }>;
  for (const b of BUCKETS) {
    const throttle = new Throttle(users, 1, true, 'probe-tenant', () => 0);
    let capacity = 0;
    while (throttle.take(b, 'probe-app', 1).allowed) capacity++;
    // Empty at a frozen clock: a request for the whole capacity must wait exactly one window.
    const windowMs = throttle.take(b, 'probe-app', capacity).waitMs;
    out[b] = { capacity, windowSec: windowMs / 1000 };
  }
  return out;
}

/** Per-bucket needs of a complete P2 collection of `tenant` with sign-ins in [from, to). */
export function minimalNeeds(tenant: TenantData, window: { from: string; to: string }): Record<ThrottleBucket, BucketNeed> {
  const need = Object.fromEntries(BUCKETS.map((b) => [b, { requests: 0, units: 0 }])) as Record<ThrottleBucket, BucketNeed>;
  const list = (bucket: ThrottleBucket, path: string, n: number, o: { select?: string; expand?: boolean; activity?: boolean } = {}) => {
    const pages = listPages(n, pageSizeFor(path, o.select));
    need[bucket].requests += pages;
    need[bucket].units += bucket === 'identity' ? pages * requestCost(path, { select: !!o.select, expand: o.expand, activity: o.activity }) : pages;
    if (o.activity) need.identity.units += pages * requestCost(path, { select: true, activity: true });
  };
  const perEntity = (pagesPerEntity: number[], cost: number) => {
    need.identity.requests += batchedRequests(pagesPerEntity);
    need.identity.units += pagesPerEntity.reduce((a, p) => a + p, 0) * cost;
  };
  const sel = 'id';
  list('identity', '/organization', tenant.organization.length, { select: sel });
  list('identity', '/subscribedSkus', tenant.subscribedSkus.length, { select: sel });
  list('identity', '/domains', tenant.domains.length, { select: sel });
  list('signInActivity', '/users', tenant.users.length, { select: 'id,signInActivity', activity: true });
  list('identity', '/directory/deletedItems/microsoft.graph.user', tenant.deletedUsers.length, { select: sel });
  list('reports', '/reports/authenticationMethods/userRegistrationDetails', tenant.userRegistrationDetails.length, { select: sel });
  list('reports', '/auditLogs/signIns', tenant.signIns.count(window.from, window.to));
  list('identity', '/groups', tenant.groups.length, { select: sel });
  const members = transitiveCounts(tenant);
  const memberPage = pageSizeFor('/groups/x/transitiveMembers') ?? 999;
  perEntity(members.map((m) => listPages(m, memberPage)), requestCost('/groups/x/transitiveMembers', { select: true }));
  list('identity', '/roleManagement/directory/roleDefinitions', tenant.roleDefinitions.length, { select: sel });
  list('identity', '/roleManagement/directory/roleAssignments', tenant.roleAssignments.length, { select: sel });
  if (tenant.licence === 'p2') {
    list('identity', '/roleManagement/directory/roleEligibilitySchedules', tenant.roleEligibilitySchedules.length, { select: sel });
    // Start and end of active assignments: without them a time-bound assignment looks permanent.
    list('identity', '/roleManagement/directory/roleAssignmentSchedules', tenant.roleAssignmentSchedules.length, { select: sel });
  }
  list('identity', '/servicePrincipals', tenant.servicePrincipals.length, { select: sel });
  // Against this emulator both per-SP lists are needed: an SP's held app permissions are not repeated
  // in the resource SP's appRoleAssignedTo (in Graph they are, so one of the two could be dropped).
  const spPage = pageSizeFor('/servicePrincipals/x/appRoleAssignedTo') ?? 999;
  const spPages = tenant.servicePrincipals.flatMap((sp) => [
    listPages(tenant.appRoleAssignedTo.get(sp.id)?.length ?? 0, spPage),
    listPages(tenant.appRoleAssignments.get(sp.id)?.length ?? 0, spPage),
  ]);
  perEntity(spPages, requestCost('/servicePrincipals/x/appRoleAssignedTo', { select: true }));
  list('identity', '/applications', tenant.applications.length, { select: sel, expand: true });
  list('identity', '/devices', tenant.devices.length, { select: sel, expand: true });
  list('policy', '/identity/conditionalAccess/policies', tenant.conditionalAccessPolicies.length);
  list('policy', '/identity/conditionalAccess/namedLocations', tenant.namedLocations.length);
  list('policy', '/policies/authenticationStrengthPolicies', tenant.authenticationStrengthPolicies.length);
  list('policy', '/policies/identitySecurityDefaultsEnforcementPolicy', 1);
  list('policy', '/identityProtection/riskDetections', tenant.riskDetections.length, { select: sel });
  if (tenant.licence === 'p2') list('policy', '/identityProtection/riskyUsers', tenant.riskyUsers.length, { select: sel });
  list('security', '/security/alerts_v2', tenant.alerts.length);
  return need;
}

/** Members each group's /transitiveMembers lists (nested groups resolved, each member once). */
function transitiveCounts(tenant: TenantData): number[] {
  const isGroup = new Set(tenant.groups.map((g) => g.id));
  return tenant.groups.map((g) => {
    const seen = new Set<string>();
    const queue = [g.id];
    while (queue.length) {
      for (const m of tenant.groupMembers.get(queue.pop()!) ?? []) {
        if (seen.has(m) || m === g.id) continue;
        seen.add(m);
        if (isGroup.has(m)) queue.push(m);
      }
    }
    return seen.size;
  });
}

/** The lower bound and the floor for a tenant, with `latencyMs` (Graph time) for the last answer. */
export function lowerBound(tenant: TenantData, window: { from: string; to: string }, latencyMs: number): LowerBound {
  const byBucket = minimalNeeds(tenant, window);
  const limits = enforcedLimits(tenant.users.length);
  const floorByBucket = {} as Record<ThrottleBucket, number>;
  let floorBucket: ThrottleBucket = 'identity';
  for (const b of BUCKETS) {
    const { capacity, windowSec } = limits[b];
    floorByBucket[b] = (Math.max(0, byBucket[b].units - capacity) * windowSec) / capacity;
    if (floorByBucket[b] > floorByBucket[floorBucket]) floorBucket = b;
  }
  const requests = BUCKETS.reduce((a, b) => a + byBucket[b].requests, 0);
  return { requests, byBucket, floorByBucket, floorGraphSec: floorByBucket[floorBucket] + latencyMs / 1000, floorBucket };
}

