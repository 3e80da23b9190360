/**
 * A tiny local OpenID Connect authority over HTTPS for the sign-in tests: discovery, authorize (answering
 * with form_post as Entra does for MSAL Node), and a token endpoint for authorization_code + PKCE,
 * refresh_token and client_credentials (secret or certificate assertion). Access tokens come from the
 * Graph emulator's issuer, so a signed-in reader can then read the emulator.
 */
import { createHash, createPublicKey, randomUUID, verify, X509Certificate } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createTlsIdentity } from '../../main/demo/emulator/tls.js';

export interface IssuedRequest {
  grant: string;
  scope: string;
}

export interface LocalIdp {
  /** https://127.0.0.1:port — the authority is `${origin}/${tenant}`. */
  origin: string;
  host: string;
  caCertPem: string;
  tokenRequests: IssuedRequest[];
  close(): Promise<void>;
}

export interface LocalIdpOptions {
  tenant: string;
  clientId: string;
  upn: string;
  /** Mints the access token for a grant (e.g. the emulator's issueToken). */
  accessToken(kind: 'delegated' | 'app', scopes: string[]): string;
  clientSecret?: string;
  /** PEM certificate whose key must sign client assertions. */
  clientCertPem?: string;
}

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

export async function startLocalIdp(opts: LocalIdpOptions): Promise<LocalIdp> {
  const tls = createTlsIdentity();
  const codes = new Map<string, { challenge: string; nonce?: string; scope: string }>();
  const tokenRequests: IssuedRequest[] = [];
  let origin = '';
  const oid = randomUUID();

  const idToken = (nonce?: string) =>
    `${b64({ alg: 'none', typ: 'JWT' })}.${b64({
      iss: `${origin}/${opts.tenant}/v2.0`,
      aud: opts.clientId,
      tid: opts.tenant,
      oid,
      sub: oid,
      preferred_username: opts.upn,
      name: 'Auditor',
      nonce,
      iat: Math.floor(Date.now() / 1000),
      exp: Math.floor(Date.now() / 1000) + 3600,
    })}.`;

  const tokenResponse = (kind: 'delegated' | 'app', scope: string, nonce?: string) => {
    const scopes = scope.split(' ').filter((s) => s.startsWith('https://'));
    const base = { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, scope: scopes.join(' '), access_token: opts.accessToken(kind, scopes) };
    if (kind === 'app') return base;
    return {
      ...base,
      refresh_token: `rt-${randomUUID()}`,
      id_token: idToken(nonce),
      client_info: Buffer.from(JSON.stringify({ uid: oid, utid: opts.tenant })).toString('base64url'),
    };
  };

  function assertionOk(assertion: string): boolean {
    if (!opts.clientCertPem) return false;
    const [h, p, s] = assertion.split('.');
    const key = createPublicKey(new X509Certificate(opts.clientCertPem).publicKey.export({ type: 'spki', format: 'pem' }));
    const header = JSON.parse(Buffer.from(h, 'base64url').toString()) as { alg: string };
    const algo = header.alg === 'PS256' ? { key, padding: 6, saltLength: 32 } : key;
    return verify('sha256', Buffer.from(`${h}.${p}`), algo, Buffer.from(s, 'base64url'));
  }

  const server: Server = createServer({ key: tls.keyPem, cert: tls.certPem }, (req, res) => {
    const url = new URL(req.url ?? '/', origin);
    const json = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const base = `${origin}/${opts.tenant}`;
    if (url.pathname === `/${opts.tenant}/v2.0/.well-known/openid-configuration`) {
      return json(200, {
        issuer: `${base}/v2.0`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        token_endpoint: `${base}/oauth2/v2.0/token`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        jwks_uri: `${base}/discovery/v2.0/keys`,
        response_modes_supported: ['query', 'fragment', 'form_post'],
      });
    }
    if (url.pathname === `/${opts.tenant}/oauth2/v2.0/authorize`) {
      const q = url.searchParams;
      if (q.get('client_id') !== opts.clientId || q.get('code_challenge_method') !== 'S256' || q.get('response_mode') !== 'form_post') {
        return json(400, { error: 'invalid_request' });
      }
      const code = randomUUID();
      codes.set(code, { challenge: q.get('code_challenge') ?? '', nonce: q.get('nonce') ?? undefined, scope: q.get('scope') ?? '' });
      const fields = { code, state: q.get('state') ?? '', client_info: Buffer.from(JSON.stringify({ uid: oid, utid: opts.tenant })).toString('base64url') };
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end(
        `<form method="post" action="${q.get('redirect_uri')}">${Object.entries(fields)
          .map(([k, v]) => `<input type="hidden" name="${k}" value="${v}"/>`)
          .join('')}</form>`,
      );
    }
    if (url.pathname === `/${opts.tenant}/oauth2/v2.0/token` && req.method === 'POST') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const f = new URLSearchParams(body);
        const grant = f.get('grant_type') ?? '';
        const scope = f.get('scope') ?? '';
        tokenRequests.push({ grant, scope });
        if (f.get('client_id') !== opts.clientId) return json(400, { error: 'unauthorized_client', error_description: `AADSTS700016: Application with identifier '${f.get('client_id')}' was not found in the directory.` });
        if (grant === 'authorization_code') {
          const c = codes.get(f.get('code') ?? '');
          codes.delete(f.get('code') ?? '');
          const verifier = f.get('code_verifier') ?? '';
          if (!c || createHash('sha256').update(verifier).digest('base64url') !== c.challenge) {
            return json(400, { error: 'invalid_grant', error_description: 'AADSTS501481: The Code_Verifier does not match the code_challenge.' });
          }
          return json(200, tokenResponse('delegated', c.scope, c.nonce));
        }
        if (grant === 'refresh_token') return json(200, tokenResponse('delegated', scope));
        if (grant === 'client_credentials') {
          const secretOk = opts.clientSecret !== undefined && f.get('client_secret') === opts.clientSecret;
          const assertion = f.get('client_assertion');
          if (!secretOk && !(assertion && assertionOk(assertion))) {
            return json(401, {
              error: 'invalid_client',
              error_description: assertion
                ? 'AADSTS700027: Client assertion failed signature validation.'
                : 'AADSTS7000215: Invalid client secret provided.',
            });
          }
          return json(200, tokenResponse('app', scope));
        }
        return json(400, { error: 'unsupported_grant_type' });
      });
      return;
    }
    json(404, { error: 'not_found' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  origin = `https://127.0.0.1:${port}`;
  return {
    origin,
    host: `127.0.0.1:${port}`,
    caCertPem: tls.certPem,
    tokenRequests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** The system browser, simulated: GET the authorize URL, then submit its form_post to the loopback. */
export async function simulatedBrowser(authorizeUrl: string, caCertPem: string): Promise<void> {
  const https = await import('node:https');
  const html = await new Promise<string>((resolve, reject) => {
    https
      .get(authorizeUrl, { ca: caCertPem }, (res) => {
        let b = '';
        res.on('data', (c: Buffer) => (b += c.toString()));
        res.on('end', () => (res.statusCode === 200 ? resolve(b) : reject(new Error(`authorize answered ${res.statusCode}: ${b}`))));
      })
      .on('error', reject);
  });
  const action = /action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error('no form in the authorize answer');
  const fields = new URLSearchParams([...html.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m): [string, string] => [m[1], m[2]]));
  const res = await fetch(action, { method: 'POST', body: fields, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  await res.text();
}
