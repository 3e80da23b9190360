/**
 * Graph failures as one typed error. Collectors and the CLI branch on `status` and `code` (the Graph or
 * Microsoft Entra code) and show explain(err) to the consultant; `requestId` and `date` are what Microsoft
 * support asks for.
 */
export type GraphErrorKind = 'http' | 'network' | 'timeout' | 'truncated';

export interface GraphErrorInit {
  kind: GraphErrorKind;
  /** HTTP status; 0 when no response arrived. */
  status: number;
  code: string;
  message: string;
  path: string;
  requestId?: string;
  date?: string;
  /** Seconds from Retry-After, when Graph sent one. */
  retryAfterSec?: number;
}

/** A request Graph refused, or one that never got a usable answer after every retry. */
export class GraphError extends Error {
  override readonly name = 'GraphError';
  readonly kind: GraphErrorKind;
  readonly status: number;
  readonly code: string;
  readonly path: string;
  readonly requestId?: string;
  readonly date?: string;
  readonly retryAfterSec?: number;

  constructor(init: GraphErrorInit) {
    super(init.message);
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.path = init.path;
    this.requestId = init.requestId;
    this.date = init.date;
    this.retryAfterSec = init.retryAfterSec;
  }
}

interface GraphErrorBody {
  error?:
    | string
    | {
        code?: string;
        message?: string;
        innerError?: { 'request-id'?: string; date?: string; code?: string };
        innererror?: { 'request-id'?: string; date?: string; code?: string };
      };
  error_description?: string;
}

/** Builds a GraphError from a non-2xx response (Graph's error envelope, or an Entra token-endpoint body). */
export function graphErrorFromResponse(
  status: number,
  bodyText: string,
  headers: Record<string, string | string[] | undefined>,
  path: string,
): GraphError {
  let body: GraphErrorBody = {};
  try {
    body = JSON.parse(bodyText) as GraphErrorBody;
  } catch {
    // Not JSON (a gateway page): keep status-based code below.
  }
  const header = (name: string): string | undefined => {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const retryAfter = parseRetryAfter(header('retry-after'));
  if (typeof body.error === 'string') {
    return new GraphError({
      kind: 'http',
      status,
      code: body.error,
      message: body.error_description ?? body.error,
      path,
      requestId: header('request-id'),
      retryAfterSec: retryAfter,
    });
  }
  const e = body.error ?? {};
  const inner = e.innerError ?? e.innererror ?? {};
  return new GraphError({
    kind: 'http',
    status,
    code: e.code ?? defaultCodeForStatus(status),
    message: e.message ?? `HTTP ${status}`,
    path,
    requestId: inner['request-id'] ?? header('request-id'),
    date: inner.date ?? header('date'),
    retryAfterSec: retryAfter,
  });
}

/** Retry-After in seconds (integer seconds or an HTTP date), or undefined. */
export function parseRetryAfter(value: string | undefined, nowMs = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  if (Number.isFinite(n)) return Math.max(0, n);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, (at - nowMs) / 1000);
}

function defaultCodeForStatus(status: number): string {
  switch (status) {
    case 400:
      return 'BadRequest';
    case 401:
      return 'InvalidAuthenticationToken';
    case 403:
      return 'Forbidden';
    case 404:
      return 'Request_ResourceNotFound';
    case 429:
      return 'TooManyRequests';
    case 503:
      return 'ServiceUnavailable';
    case 504:
      return 'GatewayTimeout';
    default:
      return 'UnknownError';
  }
}
