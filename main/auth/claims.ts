/**
 * Reads the claims of a Microsoft Entra access token. No signature check: we only read what the token
 * says about itself (tenant, granted permissions, expiry) to plan the collection; Graph does the checking.
 */
export interface TokenClaims {
  /** Tenant id. */
  tid: string;
  /** Application permissions (app-only tokens). */
  roles?: string[];
  /** Delegated permissions (user tokens), split from the space-separated `scp` claim. */
  scp?: string[];
  /** Signed-in user (upn, else preferred_username / unique_name). */
  upn?: string;
  /** Client application id (appid in v1 tokens, azp in v2). */
  appid?: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
  /** Audience: the resource the token is for (a Graph host or its app id). */
  aud: string;
}

/** Decodes a JWT's payload; throws a clear error when the text is not a JWT. */
export function decodeTokenClaims(token: string): TokenClaims {
  const parts = token.trim().split('.');
  if (parts.length !== 3) throw new Error('the access token is not a JWT (expected three dot-separated parts)');
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new Error('the access token payload is not readable JSON');
  }
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
  const roles = Array.isArray(raw.roles) ? raw.roles.filter((r): r is string => typeof r === 'string') : undefined;
  const scp = str(raw.scp)?.split(' ').filter(Boolean);
  return {
    tid: str(raw.tid) ?? '',
    roles,
    scp,
    upn: str(raw.upn) ?? str(raw.preferred_username) ?? str(raw.unique_name),
    appid: str(raw.appid) ?? str(raw.azp),
    exp: typeof raw.exp === 'number' ? raw.exp : 0,
    aud: str(raw.aud) ?? '',
  };
}

/** Seconds until the token expires (negative when already expired). */
export function secondsToExpiry(claims: TokenClaims, nowMs = Date.now()): number {
  return Math.floor(claims.exp - nowMs / 1000);
}
