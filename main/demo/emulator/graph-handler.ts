/**
 * One Graph GET, from URL to answer: route, OData options, permission, licence, throttle, paging,
 * $select/$expand. Used for plain requests and for every request inside a $batch, so both meet the
 * same rules. Pages are cut from the source by offset, so memory does not grow with page count.
 */
import type { ThrottleBucket } from '../../../shared/datasets.js';
import type { GraphObject, TenantData } from '../tenant.js';
import { GraphHttpError, badRequest, errorBody, insufficientPrivileges, nonPremiumTenant, notFound } from './errors.js';
import type { GraphCollection, GraphEntityResponse } from './graph-types.js';
import { encodeSkipToken, parseQuery, project, type ODataQuery } from './odata.js';
import { ROUTES, matchRoute, type RouteSpec } from './routes.js';
import type { TenantIndex } from './tenant-index.js';
import type { Throttle } from './throttle.js';
import { grantedPermissions, type TokenClaims } from './token.js';

/** The answer to one GET, before it is written to a socket or into a $batch response. */
export interface GraphResult {
  status: number;
  headers: Record<string, string>;
  body: GraphCollection | GraphEntityResponse | { error: { code: string; message: string } } | unknown;
  bucket: ThrottleBucket | 'none';
  cost: number;
  throttled: boolean;
}

const METADATA = 'https://graph.microsoft.com/v1.0/$metadata#';
const LICENCE_RANK = { free: 0, p1: 1, p2: 2 } as const;
/** user-list.md: with $select=signInActivity "the maximum page size for $top is 120"; larger $top gives pages of 120. */
const SIGN_IN_ACTIVITY_PAGE = 120;

/** Ids that tie a response to its request (response headers and error bodies). */
export interface RequestIds {
  requestId: string;
  clientRequestId: string;
}

interface Meta {
  bucket: ThrottleBucket | 'none';
  cost: number;
}

export class GraphHandler {
  constructor(
    private readonly tenant: TenantData,
    private readonly index: TenantIndex,
    private readonly throttle: Throttle,
    /** The emulator's own origin (https://127.0.0.1:port) for nextLinks. */
    private readonly origin: () => string,
  ) {}

  /** Answer GET `pathAndQuery` (starting with /v1.0/) for a caller holding `claims`; refusals become Graph error results. */
  get(pathAndQuery: string, headers: { consistencyLevel?: string }, claims: TokenClaims, ids: RequestIds): GraphResult {
    const meta: Meta = { bucket: 'none', cost: 0 };
    try {
      return this.run(pathAndQuery, headers, claims, meta);
    } catch (err) {
      if (!(err instanceof GraphHttpError)) throw err;
      return {
        status: err.status,
        headers: err.headers,
        body: errorBody(err.code, err.message, ids.requestId, ids.clientRequestId),
        bucket: meta.bucket,
        cost: meta.cost,
        throttled: err.status === 429,
      };
    }
  }

  private run(pathAndQuery: string, headers: { consistencyLevel?: string }, claims: TokenClaims, meta: Meta): GraphResult {
    const url = new URL(pathAndQuery, 'https://emulator.invalid');
    const segments = url.pathname.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
    if (segments[0] !== 'v1.0') throw notFound(segments[0] ?? '');
    const countSegment = segments.at(-1) === '$count';
    const rest = segments.slice(1, countSegment ? -1 : undefined);
    const hit = matchRoute(rest);
    if (!hit) throw notFound(unknownSegment(rest));
    const { route, params } = hit;
    const path = '/' + rest.join('/');
    const query = parseQuery(url.searchParams, path);

    const granted = grantedPermissions(claims);
    if (!accepts(route.permissions, granted)) throw insufficientPrivileges();
    if (route.licence && LICENCE_RANK[this.tenant.licence] < LICENCE_RANK[route.licence.tier]) throw route.licence.refuse();

    const wantsActivity = route.pattern[0] === 'users' && !!query.select?.some((s) => s.toLowerCase() === 'signinactivity');
    if (wantsActivity) {
      if (!accepts(['AuditLog.Read.All'], granted)) throw insufficientPrivileges();
      if (this.tenant.licence === 'free') throw nonPremiumTenant();
    }
    this.checkOptions(route, query, headers);

    const bucket: ThrottleBucket = wantsActivity ? 'signInActivity' : route.bucket;
    const cost = requestCost(route, query, wantsActivity);
    meta.bucket = bucket;
    meta.cost = cost;
    let decision = this.throttle.take(bucket, claims.appid, bucket === 'identity' ? cost : 1);
    if (wantsActivity && decision.allowed) {
      // signInActivity reads also spend identity resource units.
      const identity = this.throttle.take('identity', claims.appid, cost);
      decision = identity.allowed ? { ...decision, headers: { ...decision.headers, ...identity.headers } } : identity;
    }
    if (!decision.allowed) {
      throw new GraphHttpError(429, 'TooManyRequests', 'Too many requests. Please retry again later.', decision.headers);
    }

    const out = route.handler({ tenant: this.tenant, index: this.index, params, query });
    if (countSegment) {
      // GET /users/$count answers a bare number, and only as an advanced query (aad-advanced-queries.md).
      if (out.kind !== 'list' || !route.directory) throw notFound('$count');
      if (headers.consistencyLevel?.toLowerCase() !== 'eventual') throw badRequest('$count is not currently supported.');
      return { status: 200, headers: decision.headers, body: out.source.total(), bucket, cost, throttled: false };
    }
    const select = query.select ?? route.defaultSelect;
    const shape = (o: GraphObject) => this.expand(query, project(stripActivity(o, wantsActivity), select));
    const context = METADATA + route.context(params) + (query.select ? `(${query.select.join(',')})` : '');
    let body: GraphCollection | GraphEntityResponse;
    if (out.kind === 'entity') {
      body = { '@odata.context': context, ...shape(out.entity) } as GraphEntityResponse;
    } else {
      const size = pageSize(route, query, wantsActivity);
      const rows = out.source.slice(query.offset, size + 1);
      const collection: GraphCollection = { '@odata.context': context, value: [] };
      if (query.count) collection['@odata.count'] = out.source.total();
      if (rows.length > size) {
        const token = encodeSkipToken(query.offset + size, path, query.canonical);
        collection['@odata.nextLink'] = `${this.origin()}/v1.0${path}?${linkQuery(url.searchParams)}$skiptoken=${token}`;
      }
      collection.value = rows.slice(0, size).map((r) => shape(r) as GraphObject);
      body = collection;
    }
    return { status: 200, headers: decision.headers, body, bucket, cost, throttled: false };
  }

  /** Refuse options Graph refuses; drop $count where Graph ignores it. */
  private checkOptions(route: RouteSpec, q: ODataQuery, headers: { consistencyLevel?: string }): void {
    if (q.top !== undefined) {
      const max = route.page?.max ?? 999;
      if (q.top < 1 || q.top > max) throw badRequest(`Invalid page size specified: '${q.top}'. Must be between 1 and ${max} inclusive.`);
    }
    if (q.count && route.directory && headers.consistencyLevel?.toLowerCase() !== 'eventual') {
      // aad-advanced-queries.md: without ConsistencyLevel: eventual, Graph "silently ignores the $count
      // query parameter (?$count=true)" on directory objects (the /$count segment is refused instead).
      q.count = false;
    }
    if (q.expand && !route.expand?.includes(q.expand.property)) {
      throw badRequest(`Parsing OData Select and Expand failed: Could not find a property named '${q.expand.property}' on type '${route.context([]).split('/')[0]}'.`, 'BadRequest');
    }
  }

  private expand(q: ODataQuery, obj: Record<string, unknown>): Record<string, unknown> {
    if (!q.expand) return obj;
    const id = String(obj.id);
    const sel = q.expand.select;
    if (q.expand.property === 'manager') {
      // A single-valued navigation: present only when the user has a manager.
      const managerId = this.tenant.userManagers.get(id);
      const [manager] = managerId ? this.index.typed([managerId]) : [];
      return manager ? { ...obj, manager: project(stripActivity(manager, false), sel) } : obj;
    }
    const ids = q.expand.property === 'owners' ? this.tenant.applicationOwners.get(id) : this.tenant.deviceOwners.get(id);
    return { ...obj, [q.expand.property]: this.index.typed(ids ?? []).map((o) => project(stripActivity(o, false), sel)) };
  }
}

function accepts(needed: string[], granted: string[]): boolean {
  const have = new Set(granted.map((g) => g.toLowerCase()));
  return needed.some((p) => have.has(p.toLowerCase()) || have.has(p.toLowerCase().replace('.read.', '.readwrite.')));
}

/** throttling-limits.md: base cost; $select -1; $expand +1; $top under 20 -1; never below 1. signInActivity +1 is our choice. */
function requestCost(route: RouteSpec, q: ODataQuery, activity: boolean): number {
  let cost = route.cost;
  if (q.select) cost -= 1;
  if (q.expand) cost += 1;
  if (q.top !== undefined && q.top < 20) cost -= 1;
  if (activity) cost += 1;
  return Math.max(1, cost);
}

function pageSize(route: RouteSpec, q: ODataQuery, activity: boolean): number {
  const page = route.page;
  let size = q.top ?? page?.default ?? Number.MAX_SAFE_INTEGER;
  if (activity) size = Math.min(size, SIGN_IN_ACTIVITY_PAGE);
  return size;
}

function stripActivity(o: GraphObject, keep: boolean): GraphObject {
  if (keep || !('signInActivity' in o)) return o;
  const { signInActivity: _drop, ...rest } = o;
  void _drop;
  return rest as GraphObject;
}

/** The query options a nextLink repeats (all but $skiptoken), each followed by '&'. */
function linkQuery(params: URLSearchParams): string {
  let s = '';
  for (const [k, v] of params) if (k.toLowerCase() !== '$skiptoken') s += `${k}=${encodeURIComponent(v)}&`;
  return s;
}

/** The first segment no route knows, which Graph names in its 404. */
function unknownSegment(segments: string[]): string {
  for (let k = 0; k < segments.length; k++) {
    const known = ROUTES.some((r) =>
      segments.slice(0, k + 1).every((s, j) => r.pattern[j] === '{id}' || r.pattern[j]?.toLowerCase() === s.toLowerCase()),
    );
    if (!known) return segments[k];
  }
  return segments[segments.length - 1] ?? '';
}
