/**
 * Sign-in end to end against a local HTTPS OpenID Connect authority: interactive (system browser
 * simulated, loopback form_post, PKCE), silent renewal from the encrypted cache, and app registration
 * with a client secret or a certificate. The tokens then read the Graph emulator through the reader.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppTokenProvider, parseCertificate } from '../../main/auth/app-registration.js';
import { decodeTokenClaims } from '../../main/auth/claims.js';
import { aesGcmCipher, encryptedCachePlugin } from '../../main/auth/encrypted-cache.js';
import { createInteractiveTokenProvider } from '../../main/auth/interactive.js';
import { SIGN_IN_PERMISSIONS } from '../../main/auth/permissions.js';
import { startEmulator, type Emulator } from '../../main/demo/emulator/index.js';
import { createTlsIdentity } from '../../main/demo/emulator/tls.js';
import { createGraphReader, explain } from '../../main/graph/index.js';
import { tinyTenant } from '../graph/tiny-tenant.js';
import { simulatedBrowser, startLocalIdp, type LocalIdp } from './local-idp.js';

const TENANT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const CLIENT = '22222222-3333-4444-8555-666666666666';
const UPN = 'auditor@contoso.example';
const clientCert = createTlsIdentity();
let emu: Emulator;
let idp: LocalIdp;
const dir = mkdtempSync(join(tmpdir(), 'entra-audit-signin-'));

beforeAll(async () => {
  emu = await startEmulator({ tenant: tinyTenant({ users: 30, licence: 'p1' }), timeScale: 50 });
  idp = await startLocalIdp({
    tenant: TENANT,
    clientId: CLIENT,
    upn: UPN,
    clientSecret: 'the-secret-value',
    clientCertPem: clientCert.certPem,
    accessToken: (kind, scopes) =>
      kind === 'app'
        ? emu.issueToken({ kind: 'app', appId: CLIENT })
        : emu.issueToken({ kind: 'delegated', appId: CLIENT, upn: UPN, scp: scopes.map((s) => s.slice(s.lastIndexOf('/') + 1)) }),
  });
});
afterAll(async () => {
  await idp.close();
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

const authority = () => `${idp.origin}/${TENANT}`;

describe('interactive sign-in', () => {
  it('signs in through the browser with PKCE, reads Graph, persists only an encrypted cache, renews silently', async () => {
    const cachePath = join(dir, 'msal-cache.bin');
    const cipher = aesGcmCipher(Buffer.alloc(32, 9));
    let browserOpens = 0;
    const make = () =>
      createInteractiveTokenProvider({
        tenant: TENANT,
        clientId: CLIENT,
        authority: authority(),
        knownAuthorities: [idp.host],
        caCertPem: idp.caCertPem,
        cachePlugin: encryptedCachePlugin(cachePath, cipher),
        openBrowser: async (url) => {
          browserOpens++;
          expect(url).toContain('code_challenge_method=S256');
          await simulatedBrowser(url, idp.caCertPem);
        },
      });
    const provider = make();
    const token = await provider.getToken();
    expect(browserOpens).toBe(1);
    expect(provider.account()?.username).toBe(UPN);
    const claims = decodeTokenClaims(token);
    expect(claims.scp?.sort()).toEqual([...SIGN_IN_PERMISSIONS].sort());
    expect(idp.tokenRequests.map((r) => r.grant)).toContain('authorization_code');

    const reader = createGraphReader({ baseUrl: emu.url, caCertPem: emu.caCertPem, tokenProvider: provider, timeScale: 50 });
    const users = await reader.get('/users', { bucket: 'identity', query: { $select: 'id' } });
    expect((users.value as unknown[]).length).toBe(30);
    reader.close();

    const onDisk = readFileSync(cachePath).toString('latin1');
    expect(onDisk).not.toContain('rt-');
    expect(onDisk).not.toContain(token.slice(0, 40));
    expect(onDisk).not.toContain(UPN);

    // A new process (new provider, same encrypted cache) gets a token without the browser...
    const again = make();
    expect(decodeTokenClaims(await again.getToken()).upn).toBe(UPN);
    expect(browserOpens).toBe(1);
    // ...and after a 401 (invalidate) renews with the refresh token, still without the browser.
    again.invalidate?.();
    const before = idp.tokenRequests.length;
    await again.getToken();
    expect(idp.tokenRequests.slice(before).map((r) => r.grant)).toEqual(['refresh_token']);
    expect(browserOpens).toBe(1);
  });
});

describe('app registration sign-in', () => {
  it('gets an app-only token with a client secret, scope .default', async () => {
    const provider = createAppTokenProvider({ tenant: TENANT, clientId: CLIENT, clientSecret: 'the-secret-value', authority: authority(), knownAuthorities: [idp.host], caCertPem: idp.caCertPem });
    const claims = decodeTokenClaims(await provider.getToken());
    expect(claims.roles?.length).toBeGreaterThan(0);
    expect(idp.tokenRequests.at(-1)).toEqual({ grant: 'client_credentials', scope: 'https://graph.microsoft.com/.default' });
  });

  it('gets a token with a certificate (the authority verifies the signed assertion)', async () => {
    const provider = createAppTokenProvider({
      tenant: TENANT,
      clientId: CLIENT,
      certificate: { pem: clientCert.keyPem + clientCert.certPem },
      authority: authority(),
      knownAuthorities: [idp.host],
      caCertPem: idp.caCertPem,
    });
    expect(decodeTokenClaims(await provider.getToken()).appid).toBe(CLIENT);
  });

  it('explains a wrong secret and a certificate the app does not know', async () => {
    const bad = createAppTokenProvider({ tenant: TENANT, clientId: CLIENT, clientSecret: 'secret-id-not-value', authority: authority(), knownAuthorities: [idp.host], caCertPem: idp.caCertPem });
    const err = await bad.getToken().catch((e: unknown) => e);
    expect(explain(err)).toMatch(/secret VALUE.*AADSTS7000215/);
    const other = createTlsIdentity();
    const wrongCert = createAppTokenProvider({ tenant: TENANT, clientId: CLIENT, certificate: { pem: other.keyPem + other.certPem }, authority: authority(), knownAuthorities: [idp.host], caCertPem: idp.caCertPem });
    expect(explain(await wrongCert.getToken().catch((e: unknown) => e))).toMatch(/certificate.*AADSTS700027/);
  });

  it('checks its inputs: one credential, a real tenant, a key that matches the certificate', () => {
    const other = createTlsIdentity();
    expect(() => parseCertificate({ pem: other.keyPem + clientCert.certPem })).toThrow(/does not belong/);
    expect(() => parseCertificate({ pem: clientCert.certPem })).toThrow(/no PEM private key/);
    expect(parseCertificate({ pem: clientCert.keyPem, certificatePem: clientCert.certPem }).thumbprintSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(() => createAppTokenProvider({ tenant: 'organizations', clientId: CLIENT, clientSecret: 'x' })).toThrow(/tenant/);
    expect(() => createAppTokenProvider({ tenant: TENANT, clientId: CLIENT })).toThrow(/exactly one/);
  });
});
