/**
 * Sign-in with a token the user already has (e.g. `az account get-access-token --resource-type ms-graph`),
 * read from an environment variable or stdin, never from a command-line argument (argv shows in `ps` and
 * shell history). It cannot be renewed: when Graph refuses it, the run stops with "get a new token".
 */
import type { Readable } from 'node:stream';
import { decodeTokenClaims, secondsToExpiry, type TokenClaims } from './claims.js';
import type { TokenProvider } from './token-provider.js';

export interface StaticTokenProvider extends TokenProvider {
  readonly claims: TokenClaims;
}

/** Wraps a ready-made token; warns (through `warn`) when it is expired or about to expire. */
export function createStaticTokenProvider(token: string, warn: (line: string) => void = () => {}, nowMs = Date.now()): StaticTokenProvider {
  const trimmed = token.trim();
  const claims = decodeTokenClaims(trimmed);
  const left = secondsToExpiry(claims, nowMs);
  if (left <= 0) warn(`the access token expired ${-left} s ago: get a new one (e.g. az account get-access-token --resource-type ms-graph)`);
  else if (left < 600) warn(`the access token expires in ${left} s; a long collection may not finish with it`);
  return { claims, getToken: async () => trimmed };
}

/** Reads the token from the named environment variable; throws when it is unset or empty. */
export function readTokenFromEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name]?.trim();
  if (!value) throw new Error(`environment variable ${name} is not set or empty`);
  return value;
}

/** Reads the whole of stdin (a pipe) as the token. */
export async function readTokenFromStdin(stdin: Readable = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  const value = Buffer.concat(chunks).toString('utf8').trim();
  if (!value) throw new Error('no access token on stdin');
  return value;
}
