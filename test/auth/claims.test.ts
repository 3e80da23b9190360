import { describe, expect, it } from 'vitest';
import { decodeTokenClaims, secondsToExpiry } from '../../main/auth/claims.js';
import { authorityUrl, cloudById, CLOUDS, graphBaseUrl, graphDefaultScope, graphScopes } from '../../main/auth/clouds.js';
import { createStaticTokenProvider, readTokenFromEnv, readTokenFromStdin } from '../../main/auth/static-token.js';
import { Readable } from 'node:stream';

const jwt = (payload: object) =>
  `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.sig`;

describe('token claims', () => {
  it('reads app-only and delegated tokens', () => {
    const app = decodeTokenClaims(jwt({ tid: 't1', roles: ['User.Read.All'], appid: 'a1', exp: 2000, aud: 'https://graph.microsoft.com' }));
    expect(app).toEqual({ tid: 't1', roles: ['User.Read.All'], scp: undefined, upn: undefined, appid: 'a1', exp: 2000, aud: 'https://graph.microsoft.com' });
    const user = decodeTokenClaims(jwt({ tid: 't2', scp: 'User.Read.All AuditLog.Read.All', preferred_username: 'ann@contoso.com', azp: 'c1', exp: 5, aud: '00000003-0000-0000-c000-000000000000' }));
    expect(user.scp).toEqual(['User.Read.All', 'AuditLog.Read.All']);
    expect(user.upn).toBe('ann@contoso.com');
    expect(user.appid).toBe('c1');
    expect(secondsToExpiry(user, 10_000)).toBe(-5);
  });

  it('refuses text that is not a JWT', () => {
    expect(() => decodeTokenClaims('not-a-token')).toThrow(/not a JWT/);
    expect(() => decodeTokenClaims('a.!!!.c')).toThrow(/not readable/);
  });
});

describe('clouds', () => {
  it('match Microsoft’s national cloud endpoints', () => {
    expect(CLOUDS.global).toMatchObject({ loginHost: 'login.microsoftonline.com', graphHost: 'graph.microsoft.com' });
    expect(CLOUDS.usgov).toMatchObject({ loginHost: 'login.microsoftonline.us', graphHost: 'graph.microsoft.us' });
    expect(CLOUDS.usgovdod).toMatchObject({ loginHost: 'login.microsoftonline.us', graphHost: 'dod-graph.microsoft.us' });
    expect(CLOUDS.china).toMatchObject({ loginHost: 'login.chinacloudapi.cn', graphHost: 'microsoftgraph.chinacloudapi.cn' });
    expect(() => cloudById('gcc')).toThrow(/unknown cloud/);
  });

  it('build authority, scopes and base URL per cloud, or the emulator’s URL', () => {
    expect(authorityUrl(CLOUDS.china)).toBe('https://login.chinacloudapi.cn/organizations');
    expect(authorityUrl(CLOUDS.usgov, 'contoso.us')).toBe('https://login.microsoftonline.us/contoso.us');
    expect(graphScopes(CLOUDS.usgovdod, ['User.Read.All'])).toEqual(['https://dod-graph.microsoft.us/User.Read.All']);
    expect(graphDefaultScope(CLOUDS.global)).toBe('https://graph.microsoft.com/.default');
    expect(graphBaseUrl(CLOUDS.global)).toBe('https://graph.microsoft.com');
    expect(graphBaseUrl(CLOUDS.global, 'https://127.0.0.1:8443/')).toBe('https://127.0.0.1:8443');
  });
});

describe('static token', () => {
  it('reads from an environment variable or stdin, never argv, and warns when expired', async () => {
    const token = jwt({ tid: 't', scp: 'User.Read.All', exp: 100, aud: 'x' });
    expect(readTokenFromEnv('GRAPH_TOKEN', { GRAPH_TOKEN: ` ${token}\n` })).toBe(token);
    expect(() => readTokenFromEnv('GRAPH_TOKEN', {})).toThrow(/not set/);
    expect(await readTokenFromStdin(Readable.from([Buffer.from(token + '\n')]))).toBe(token);
    await expect(readTokenFromStdin(Readable.from([]))).rejects.toThrow(/no access token/);
    const warnings: string[] = [];
    const p = createStaticTokenProvider(token, (l) => warnings.push(l), 200_000);
    expect(await p.getToken()).toBe(token);
    expect(p.claims.tid).toBe('t');
    expect(warnings[0]).toMatch(/expired 100 s ago/);
    const fresh: string[] = [];
    createStaticTokenProvider(jwt({ tid: 't', exp: 10_000, aud: 'x' }), (l) => fresh.push(l), 0);
    expect(fresh).toEqual([]);
  });
});
