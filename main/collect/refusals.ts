/**
 * Tells licence and permission refusals (recorded as "unavailable", not failures) apart from real
 * failures (network, throttling beyond retries, server errors) that make a run incomplete.
 */
import { GraphError } from '../graph/errors.js';

/** Graph codes that mean "this tenant's licence or this token's permissions rule the data out". */
export const ENTITLEMENT_CODES: ReadonlySet<string> = new Set([
  'Authorization_RequestDenied',
  'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
  'AadPremiumLicenseRequired',
  'Authentication_MSGraphPermissionMissing',
  'Forbidden',
  'accessDenied',
  'UnauthorizedAccessException',
]);

/** True when Graph refused because of licence or permissions (403-class), not because something broke. */
export function isEntitlementRefusal(err: unknown): err is GraphError {
  return err instanceof GraphError && err.kind === 'http' && (err.status === 403 || ENTITLEMENT_CODES.has(err.code));
}

/** True for a coverage code that records a licence or permission refusal. */
export function isEntitlementCode(code: string | null): boolean {
  return code !== null && ENTITLEMENT_CODES.has(code);
}

/** The Graph code of an error, or a stable name for non-Graph failures. */
export function errorCode(err: unknown): string {
  if (err instanceof GraphError) return err.code;
  if (err instanceof Error && err.name === 'AbortError') return 'Cancelled';
  return 'Error';
}

/** A refusal inside a $batch response, as the GraphError a direct request would have thrown. */
export function batchError(status: number, body: unknown, path: string): GraphError {
  const e = (
    body as {
      error?: { code?: string; message?: string; innerError?: { 'request-id'?: string; date?: string } };
    } | null
  )?.error;
  return new GraphError({
    kind: 'http',
    status,
    code: e?.code ?? (status === 403 ? 'Forbidden' : status === 404 ? 'Request_ResourceNotFound' : 'UnknownError'),
    message: e?.message ?? `HTTP ${status}`,
    path,
    requestId: e?.innerError?.['request-id'],
    date: e?.innerError?.date,
  });
}
