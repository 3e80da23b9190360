/**
 * Access tokens the emulator issues and checks. They are JWT-shaped like Entra's (header.payload.signature,
 * base64url) with the claims Graph looks at: tid, aud, roles (app) or scp (delegated), exp, appid, upn.
 * Signed with a per-run HMAC key, so a token from another run (or a forged one) is refused with 401.
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';

/** The claims the emulator puts in (and reads back from) a token. */
export interface TokenClaims {
  aud: string;
  iss: string;
  tid: string;
  appid: string;
  oid: string;
  iat: number;
  nbf: number;
  exp: number;
  roles?: string[];
  scp?: string;
  upn?: string;
  idtyp: 'app' | 'user';
}

/** Why a presented token is refused (becomes the 401 message). */
export type TokenProblem = 'missing' | 'malformed' | 'signature' | 'expired' | 'audience' | 'tenant';

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/** Signs and verifies tokens for one emulator run. */
export class TokenAuthority {
  private readonly key = randomBytes(32);

  constructor(private readonly tenantId: string) {}

  issue(claims: Omit<TokenClaims, 'aud' | 'iss' | 'tid' | 'oid' | 'iat' | 'nbf'> & { oid?: string }): string {
    const now = Math.floor(Date.now() / 1000);
    const body: TokenClaims = {
      aud: GRAPH_AUDIENCE,
      iss: `https://sts.windows.net/${this.tenantId}/`,
      tid: this.tenantId,
      oid: claims.oid ?? randomUUID(),
      iat: now,
      nbf: now - 60,
      ...claims,
    };
    const head = b64url(JSON.stringify({ typ: 'JWT', alg: 'HS256', kid: 'entra-audit-emulator' }));
    const payload = b64url(JSON.stringify(body));
    return `${head}.${payload}.${this.sign(`${head}.${payload}`)}`;
  }

  /** The token's claims, or why it is refused. */
  verify(token: string | undefined): TokenClaims | TokenProblem {
    if (!token) return 'missing';
    const parts = token.split('.');
    if (parts.length !== 3) return 'malformed';
    const expected = Buffer.from(this.sign(`${parts[0]}.${parts[1]}`));
    const given = Buffer.from(parts[2]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'signature';
    let claims: TokenClaims;
    try {
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as TokenClaims;
    } catch {
      return 'malformed';
    }
    if (claims.aud !== GRAPH_AUDIENCE && claims.aud !== '00000003-0000-0000-c000-000000000000') return 'audience';
    if (claims.tid !== this.tenantId) return 'tenant';
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now()) return 'expired';
    return claims;
  }

  private sign(data: string): string {
    return createHmac('sha256', this.key).update(data).digest('base64url');
  }
}

/** The permissions a token carries: app roles, or the delegated scopes. */
export function grantedPermissions(claims: TokenClaims): string[] {
  if (claims.idtyp === 'app') return claims.roles ?? [];
  return (claims.scp ?? '').split(' ').filter(Boolean);
}
