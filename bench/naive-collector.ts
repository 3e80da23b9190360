/**
 * The naive baseline: what a straightforward audit script does with the Graph SDK. One request at a
 * time, one dataset after another; default page sizes (no $top); no $select (except on users, where
 * last sign-in and account state exist only when selected); each user's authentication methods read
 * one by one instead of the registration report; no pacing of its own, only the SDK-style retry on 429
 * (Retry-After when given, else exponential back-off). It reads the same data ours does, GETs only,
 * through the same GraphReader, and stores nothing (so its time is Graph time alone).
 */
import type { ThrottleBucket } from '../shared/datasets.js';
import { USER_SELECT } from '../main/collect/collectors/users.js';
import type { BucketLimit } from '../main/graph/bucket-limits.js';
import type { GraphObject, GraphReader } from '../main/graph/types.js';

/** Reader limits of a script that does not pace: one request in flight, no rate of its own. */
export const UNPACED: Partial<Record<ThrottleBucket, Partial<BucketLimit>>> = Object.fromEntries(
  (['identity', 'reports', 'signInActivity', 'policy', 'security'] as const).map((b) => [b, { concurrency: 1, ratePerSec: 10_000, burst: 10_000 }]),
);

export interface NaiveRun {
  /** Objects read (all datasets). */
  objects: number;
}

/**
 * Collects everything a P2 audit needs the naive way. The reader adds the largest $top to a path it
 * builds itself; a script that never sets $top gets Graph's default page, so each list starts from the
 * absolute URL a script would send (the reader follows it as given).
 */
export async function naiveCollect(graph: GraphReader, baseUrl: string, window: { from: string; to: string }): Promise<NaiveRun> {
  const root = `${baseUrl.replace(/\/+$/, '')}/v1.0`;
  let objects = 0;
  const url = (path: string, query: Record<string, string>) => {
    const search = Object.entries(query).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
    return `${root}${path}${search ? `?${search}` : ''}`;
  };
  /** Reads a whole list, calling `each` per object. */
  const read = async (bucket: ThrottleBucket, path: string, query: Record<string, string> = {}, each?: (o: GraphObject) => void): Promise<void> => {
    for await (const page of graph.pages(path, { bucket, resumeFrom: url(path, query) })) {
      objects += page.items.length;
      if (each) for (const o of page.items) each(o);
    }
  };
  const ids = async (bucket: ThrottleBucket, path: string, query: Record<string, string> = {}): Promise<string[]> => {
    const out: string[] = [];
    await read(bucket, path, query, (o) => out.push(o.id));
    return out;
  };

  await read('identity', '/organization');
  await read('identity', '/subscribedSkus');
  await read('identity', '/domains');
  for (const id of await ids('signInActivity', '/users', { $select: `${USER_SELECT},signInActivity` })) {
    await read('identity', `/users/${id}/authentication/methods`);
  }
  await read('reports', '/auditLogs/signIns', { $filter: `createdDateTime ge ${window.from} and createdDateTime lt ${window.to}` });
  for (const id of await ids('identity', '/groups')) await read('identity', `/groups/${id}/transitiveMembers`);
  await read('identity', '/roleManagement/directory/roleDefinitions');
  await read('identity', '/roleManagement/directory/roleAssignments');
  await read('identity', '/roleManagement/directory/roleEligibilitySchedules');
  for (const id of await ids('identity', '/servicePrincipals')) {
    await read('identity', `/servicePrincipals/${id}/appRoleAssignedTo`);
    await read('identity', `/servicePrincipals/${id}/appRoleAssignments`);
  }
  await read('identity', '/applications', { $expand: 'owners' });
  await read('identity', '/devices', { $expand: 'registeredOwners' });
  await read('identity', '/directory/deletedItems/microsoft.graph.user');
  await read('policy', '/identity/conditionalAccess/policies');
  await read('policy', '/identity/conditionalAccess/namedLocations');
  await read('policy', '/policies/authenticationStrengthPolicies');
  await graph.get('/policies/identitySecurityDefaultsEnforcementPolicy', { bucket: 'policy' });
  objects++;
  await read('security', '/security/alerts_v2');
  await read('policy', '/identityProtection/riskDetections');
  await read('policy', '/identityProtection/riskyUsers');
  return { objects };
}
