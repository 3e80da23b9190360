/**
 * Graph's refusals, worded as Graph words them. Route handlers throw a GraphHttpError; the server turns
 * it into the status, the {"error":{code,message,innerError}} body and the headers a real client sees.
 */
import type { GraphError } from './graph-types.js';

/** A refusal on its way to the client. */
export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Graph's error body for a request. */
export function errorBody(code: string, message: string, requestId: string, clientRequestId: string): GraphError {
  return {
    error: {
      code,
      message,
      innerError: {
        // Graph writes the date without a zone or fraction: "2024-12-24T03:25:32".
        date: new Date().toISOString().slice(0, 19),
        'request-id': requestId,
        'client-request-id': clientRequestId,
      },
    },
  };
}

export const notFound = (segment: string) =>
  new GraphHttpError(404, 'Request_ResourceNotFound', `Resource not found for the segment '${segment}'.`);

export const badRequest = (message: string, code = 'Request_BadRequest') => new GraphHttpError(400, code, message);

export const methodNotAllowed = () =>
  new GraphHttpError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.', {
    Allow: 'GET',
  });

export const insufficientPrivileges = () =>
  new GraphHttpError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');

export const nonPremiumTenant = () =>
  new GraphHttpError(
    403,
    'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
    "Neither tenant is B2C or tenant doesn't have premium license",
  );

export const pimLicenceRequired = () =>
  new GraphHttpError(
    403,
    'AadPremiumLicenseRequired',
    'The tenant needs an AAD Premium 2 license.',
  );

/** 401 as Graph answers a missing, expired or foreign token (with the WWW-Authenticate challenge). */
export function unauthenticated(message: string, tenantId: string): GraphHttpError {
  return new GraphHttpError(401, 'InvalidAuthenticationToken', message, {
    'WWW-Authenticate': `Bearer realm="", authorization_uri="https://login.microsoftonline.com/${tenantId}/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`,
  });
}
