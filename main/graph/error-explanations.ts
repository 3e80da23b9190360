/**
 * Every Graph and Microsoft Entra (AADSTS) error code we know, mapped to a sentence a consultant can act
 * on at the client's desk. explain(err) picks the right one for a GraphError, a guard refusal, or an
 * MSAL sign-in error whose message carries an AADSTS code.
 */
import { GraphError } from './errors.js';
import { ReadOnlyViolationError } from './guard.js';

/** What explain() may weave into its sentence when the caller knows it. */
export interface ExplainContext {
  /** Tenant id or domain. */
  tenant?: string;
  /** Client (application) id used to sign in. */
  clientId?: string;
  /** Sign-in host of the cloud (login.microsoftonline.com by default). */
  loginHost?: string;
}

type Explainer = (ctx: ExplainContext) => string;

function consentUrl(ctx: ExplainContext): string {
  const host = ctx.loginHost ?? 'login.microsoftonline.com';
  const tenant = ctx.tenant ?? '{tenant}';
  const client = ctx.clientId ?? '{client-id}';
  return `https://${host}/${tenant}/adminconsent?client_id=${client}`;
}

const needAdminConsent: Explainer = (ctx) =>
  `The app needs admin approval: a Global Administrator or Privileged Role Administrator of ${ctx.tenant ?? 'the tenant'} must grant consent for its read permissions, for example by opening ${consentUrl(ctx)} (or, in the Entra admin center, App registrations > the app > API permissions > "Grant admin consent").`;

const throttled: Explainer = () =>
  'Microsoft Graph is throttling this tenant; the reader waits as Graph asks and retries. If this persists, run again later or collect fewer datasets at once.';

/** Graph API error codes (error.code in the response body). */
export const GRAPH_CODE_EXPLANATIONS: Readonly<Record<string, Explainer>> = {
  Authorization_RequestDenied: (ctx) =>
    `Insufficient privileges: check that the app's API permissions show "Granted for ${ctx.tenant ?? '<tenant>'}" with admin consent, and (delegated sign-in) that the signed-in user holds a directory role that can read it, e.g. Global Reader.`,
  Authentication_RequestFromNonPremiumTenantOrB2CTenant: () =>
    'Licence: sign-in logs and signInActivity need Microsoft Entra ID P1 or P2. A free tenant keeps sign-ins for 7 days in the portal only and does not expose them through the API; the audit continues without them and says so.',
  AadPremiumLicenseRequired: () =>
    'Licence: this data (Privileged Identity Management, Identity Protection) needs Microsoft Entra ID P2; the audit continues without it and records it as unavailable.',
  InvalidAuthenticationToken: () =>
    'The access token was refused (expired, for another cloud or resource, or malformed). Sign in again; a token from az account get-access-token lasts about an hour.',
  Authorization_IdentityNotFound: () =>
    'The app registration was not found in this tenant as a service principal: an administrator must consent to it in this tenant (or check the tenant id).',
  Authentication_MSGraphPermissionMissing: (ctx) =>
    `The token carries no Microsoft Graph permission for this call: add the read permission to the app and grant admin consent for ${ctx.tenant ?? 'the tenant'}.`,
  Request_ResourceNotFound: () =>
    'Graph says the object does not exist (deleted during the run, or not present in this tenant); the item is skipped.',
  ResourceNotFound: () => 'Graph says the resource does not exist in this tenant; the item is skipped.',
  Request_BadRequest: () =>
    'Graph rejected the request as malformed (an unsupported filter or select for this tenant); report this with the request id.',
  BadRequest: () => 'Graph rejected the request as malformed; report this with the request id.',
  Request_UnsupportedQuery: () =>
    'Graph does not support this query on this tenant (advanced query options may need ConsistencyLevel); report this with the request id.',
  TooManyRequests: throttled,
  activityLimitReached: throttled,
  ServiceUnavailable: () => 'Microsoft Graph is temporarily unavailable (503); the reader retried. Run again in a few minutes.',
  GatewayTimeout: () => 'Microsoft Graph timed out (504); the reader retried. Run again, or use a shorter sign-in window.',
  serviceNotAvailable: () => 'Microsoft Graph is temporarily unavailable (503); the reader retried. Run again in a few minutes.',
  gatewayTimeout: () => 'Microsoft Graph timed out (504); the reader retried. Run again, or use a shorter sign-in window.',
  badRequest: () => 'Graph rejected the request as malformed; report this with the request id.',
  invalidRequest: () => 'Graph rejected the request as malformed; report this with the request id.',
  notFound: () => 'Graph says the resource does not exist in this tenant; the item is skipped.',
  unauthenticated: () => 'The caller is not authenticated: sign in again.',
  quotaLimitReached: throttled,
  UnknownError: () => 'Microsoft Graph failed with an unknown error; run again, and report the request id if it persists.',
  generalException: () => 'Microsoft Graph had an internal error; run again, and report the request id if it persists.',
  accessDenied: (ctx) =>
    `Access denied: the signed-in account or app lacks the read permission or role for this data in ${ctx.tenant ?? 'the tenant'}.`,
  Forbidden: (ctx) =>
    `Forbidden: the permission or licence for this data is missing in ${ctx.tenant ?? 'the tenant'} (see the preflight table for the fix).`,
  UnauthorizedAccessException: () =>
    'Access denied by the service: the account needs a role that can read this data (e.g. Security Reader for alerts).',
  NetworkError: () =>
    'The network connection to Microsoft Graph failed repeatedly (reset or refused). Check the connection or proxy, then resume the run.',
  Timeout: () => 'Microsoft Graph did not answer in time, repeatedly. Check the connection, then resume the run.',
  TruncatedResponse: () =>
    'Microsoft Graph answers were cut off repeatedly (incomplete JSON). Check the connection or proxy, then resume the run.',
};

/** Microsoft Entra sign-in errors (AADSTS codes in MSAL errors and token-endpoint bodies). */
export const AADSTS_EXPLANATIONS: Readonly<Record<string, Explainer>> = {
  '65001': needAdminConsent,
  '90094': needAdminConsent,
  '90008': needAdminConsent,
  '700016': (ctx) =>
    `Application ${ctx.clientId ?? ''} was not found in tenant ${ctx.tenant ?? ''}: check the client id and tenant, or have an administrator consent to the app in this tenant.`.replace(
      /\s+/g,
      ' ',
    ),
  '7000215': () =>
    'Invalid client secret: use the secret VALUE (not its id) from App registrations > Certificates & secrets, or create a new one.',
  '7000222': () => 'The client secret has expired: create a new one in App registrations > Certificates & secrets.',
  '700027': () =>
    'The client certificate was not accepted: upload the certificate (public part) to the app registration and check its thumbprint matches the private key used here.',
  '700024': () => 'The client assertion is outside its valid time range: check this computer’s clock.',
  '50020': () =>
    'The account is not a member of this tenant (wrong tenant, or a guest from another identity provider): sign in with an account of the audited tenant, or pass --tenant.',
  '50076': () =>
    'Multi-factor authentication is required by the tenant’s policy: use interactive sign-in so the MFA prompt can be completed.',
  '50079': () =>
    'The account must register for multi-factor authentication before it can sign in: register at https://aka.ms/mfasetup, then retry.',
  '53003': () =>
    'Access was blocked by a Conditional Access policy of the tenant: sign in from a compliant device / allowed location, or ask the administrator for an exclusion for the audit.',
  '90002': (ctx) => `Tenant ${ctx.tenant ?? ''} was not found: check the tenant id or domain, and the cloud (--cloud).`.replace(/\s+/g, ' '),
  '50126': () => 'Invalid username or password.',
  '50034': () => 'The user account does not exist in this tenant.',
  '50057': () => 'The user account is disabled.',
  '50053': () => 'The account is locked (too many sign-in attempts); wait, or ask an administrator to unlock it.',
  '500011': () =>
    'Microsoft Graph is not known in this tenant’s cloud under that name: check --cloud matches the tenant (e.g. usgov for GCC High).',
  '9002313': () => 'The sign-in request was malformed; retry, and report it if it persists.',
  '7000112': () => 'The application is disabled in this tenant; an administrator must enable its enterprise application.',
  '1000031': () => 'The sign-in was cancelled or the browser window was closed; run again.',
};

/** One actionable sentence for any error the collection can meet. */
export function explain(err: unknown, ctx: ExplainContext = {}): string {
  if (err instanceof ReadOnlyViolationError) {
    return `Refused by the read-only guard before anything was sent: ${err.reason}. This is a bug in the caller, never a tenant problem.`;
  }
  const message = err instanceof Error ? err.message : String(err);
  const aadsts = /AADSTS(\d+)/.exec(message);
  if (aadsts && AADSTS_EXPLANATIONS[aadsts[1]]) return `${AADSTS_EXPLANATIONS[aadsts[1]](ctx)} (AADSTS${aadsts[1]})`;
  if (err instanceof GraphError) {
    const byCode = GRAPH_CODE_EXPLANATIONS[err.code];
    const sentence = byCode ? byCode(ctx) : byStatus(err.status, ctx, err.message);
    const ref = err.requestId ? ` [${err.code}, request-id ${err.requestId}${err.date ? `, ${err.date}` : ''}]` : ` [${err.code}]`;
    return `${err.path}: ${sentence}${ref}`;
  }
  return message;
}

function byStatus(status: number, ctx: ExplainContext, message: string): string {
  if (status === 401) return GRAPH_CODE_EXPLANATIONS.InvalidAuthenticationToken(ctx);
  if (status === 403) return GRAPH_CODE_EXPLANATIONS.Forbidden(ctx);
  if (status === 404) return GRAPH_CODE_EXPLANATIONS.ResourceNotFound(ctx);
  if (status === 429) return throttled(ctx);
  if (status >= 500) return GRAPH_CODE_EXPLANATIONS.UnknownError(ctx);
  return `Microsoft Graph refused the request: ${message}`;
}
