/**
 * The OData query options the emulator understands ($select, $top, $filter, $count, $expand,
 * $skiptoken), parsed once per request, and the opaque, stateless skip token used by nextLinks.
 */
import { createHash } from 'node:crypto';
import { badRequest } from './errors.js';

/** One `prop op value` clause of a $filter (clauses are joined by `and`). */
export interface FilterClause {
  /** Property path, `/` between levels (e.g. status/errorCode). */
  path: string[];
  op: 'eq' | 'ne' | 'ge' | 'gt' | 'le' | 'lt';
  value: string | number | boolean | null;
}

export interface ODataQuery {
  select?: string[];
  top?: number;
  filter: FilterClause[];
  count: boolean;
  expand?: { property: string; select?: string[] };
  /** Row offset decoded from $skiptoken (0 on the first page). */
  offset: number;
  /** The query string without $skiptoken: what nextLinks carry and the skip token is bound to. */
  canonical: string;
}

const CLAUSE = /^\s*([A-Za-z][\w/]*)\s+(eq|ne|ge|gt|le|lt)\s+('(?:[^']|'')*'|\S+)\s*$/;

function parseValue(raw: string): FilterClause['value'] {
  if (raw.startsWith("'")) return raw.slice(1, -1).replace(/''/g, "'");
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (raw === 'null') return null;
  if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  // Unquoted DateTimeOffset literals, as Graph takes them: createdDateTime ge 2024-01-01T00:00:00Z
  if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(raw) && !Number.isNaN(Date.parse(raw))) return raw;
  throw badRequest(`Invalid filter clause: the literal '${raw}' is not understood.`, 'BadRequest');
}

/** Parse `a eq 'x' and b ge 2024-01-01T00:00:00Z`; anything richer is refused as Graph refuses it. */
export function parseFilter(filter: string): FilterClause[] {
  return filter.split(/\s+and\s+/i).map((part) => {
    const m = CLAUSE.exec(part);
    if (!m) throw badRequest(`Invalid filter clause: '${part.trim()}' is not supported.`, 'BadRequest');
    return { path: m[1].split('/'), op: m[2] as FilterClause['op'], value: parseValue(m[3]) };
  });
}

function compare(a: unknown, b: FilterClause['value']): number | undefined {
  if (a === undefined) return undefined;
  if (typeof a === 'string' && typeof b === 'string') {
    const da = Date.parse(a);
    const db = Date.parse(b);
    if (/^\d{4}-\d{2}-\d{2}/.test(a) && /^\d{4}-\d{2}-\d{2}/.test(b) && !Number.isNaN(da) && !Number.isNaN(db)) return da - db;
    const la = a.toLowerCase();
    const lb = b.toLowerCase(); // Graph compares strings case-insensitively in directory filters.
    return la < lb ? -1 : la > lb ? 1 : 0;
  }
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (a === b) return 0;
  return undefined;
}

/** Whether a Graph object satisfies every clause. */
export function matches(obj: Record<string, unknown>, clauses: FilterClause[]): boolean {
  return clauses.every((c) => {
    let v: unknown = obj;
    for (const p of c.path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
    if (c.op === 'eq') return (v ?? null) === c.value || compare(v, c.value) === 0;
    if (c.op === 'ne') return !((v ?? null) === c.value || compare(v, c.value) === 0);
    const d = compare(v, c.value);
    if (d === undefined) return false;
    return c.op === 'ge' ? d >= 0 : c.op === 'gt' ? d > 0 : c.op === 'le' ? d <= 0 : d < 0;
  });
}

/** Bind a skip token to its query, so a token cannot be replayed against another query. */
function queryHash(canonical: string, path: string): string {
  return createHash('sha256').update(`${path}?${canonical}`).digest('base64url').slice(0, 12);
}

/** An opaque skip token: the next offset and a hash of the query it belongs to; no server-side state. */
export function encodeSkipToken(offset: number, path: string, canonical: string): string {
  return Buffer.from(JSON.stringify({ o: offset, h: queryHash(canonical, path) })).toString('base64url');
}

function decodeSkipToken(token: string, path: string, canonical: string): number {
  try {
    const { o, h } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o: unknown; h: unknown };
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0 && h === queryHash(canonical, path)) return o;
  } catch {
    // fall through to the refusal below
  }
  throw badRequest('The specified page token value has expired or is invalid.', 'Directory_ExpiredPageToken');
}

const SELECT_LIST = /^[A-Za-z@][\w.@]*$/;

function parseSelect(raw: string): string[] {
  const list = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of list) if (!SELECT_LIST.test(s)) throw badRequest(`Parsing OData Select and Expand failed: Term '${s}' is not valid in a $select or $expand expression.`, 'BadRequest');
  return list;
}

function parseExpand(raw: string): ODataQuery['expand'] {
  const m = /^\s*(\w+)\s*(?:\(\s*\$select\s*=\s*([^)]*)\))?\s*$/.exec(raw);
  if (!m) throw badRequest(`Parsing OData Select and Expand failed: '${raw}' is not supported.`, 'BadRequest');
  return { property: m[1], select: m[2] ? parseSelect(m[2]) : undefined };
}

/** Parse the request's query string for `path` (the path under /v1.0, without the query). */
export function parseQuery(params: URLSearchParams, path: string): ODataQuery {
  const kept = new URLSearchParams();
  for (const [k, v] of params) if (k.toLowerCase() !== '$skiptoken') kept.append(k, v);
  const canonical = kept.toString();
  const get = (name: string) => {
    for (const [k, v] of params) if (k.toLowerCase() === name) return v;
    return undefined;
  };
  const q: ODataQuery = { filter: [], count: false, offset: 0, canonical };
  const select = get('$select');
  if (select !== undefined) q.select = parseSelect(select);
  const top = get('$top');
  if (top !== undefined) {
    const n = Number(top);
    if (!Number.isInteger(n) || n < 0) throw badRequest(`Invalid page size specified: '${top}'. Must be between 1 and 999 inclusive.`);
    q.top = n;
  }
  const filter = get('$filter');
  if (filter !== undefined && filter.trim()) q.filter = parseFilter(filter);
  const count = get('$count');
  if (count !== undefined) {
    if (count !== 'true' && count !== 'false') throw badRequest(`Invalid value '${count}' for $count; expected true or false.`, 'BadRequest');
    q.count = count === 'true';
  }
  const expand = get('$expand');
  if (expand !== undefined) q.expand = parseExpand(expand);
  const skip = get('$skiptoken');
  if (skip !== undefined) q.offset = decodeSkipToken(skip, path, canonical);
  return q;
}

/** Keep only the selected properties (plus id and @odata.type, which Graph always returns). */
export function project(obj: Record<string, unknown>, select: string[] | undefined): Record<string, unknown> {
  if (!select) return obj;
  const out: Record<string, unknown> = {};
  if ('@odata.type' in obj) out['@odata.type'] = obj['@odata.type'];
  // A selected property the object has no value for comes back as null, as Graph returns it.
  for (const s of select) out[s] = s in obj ? obj[s] : null;
  out.id = obj.id;
  return out;
}
