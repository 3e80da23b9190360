import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { graphErrorFromResponse, parseRetryAfter } from '../../main/graph/errors.js';
import { AADSTS_EXPLANATIONS, explain, GRAPH_CODE_EXPLANATIONS } from '../../main/graph/error-explanations.js';
import { GraphError, ReadOnlyViolationError } from '../../main/graph/index.js';

const sample = (name: string) => readFileSync(new URL(`../../../shared/graph-samples/${name}`, import.meta.url), 'utf8');

describe('Graph errors', () => {
  it('reads the Graph error envelope of the published samples', () => {
    const denied = graphErrorFromResponse(403, sample('error-403-authorization-requestdenied.json'), {}, '/users');
    expect(denied).toBeInstanceOf(GraphError);
    expect(denied).toMatchObject({
      status: 403,
      code: 'Authorization_RequestDenied',
      message: 'Insufficient privileges to complete the operation.',
      requestId: '096361b2-75be-479b-b421-078610030949',
      date: '2024-12-24T03:25:32',
      path: '/users',
    });
    const throttled = graphErrorFromResponse(429, sample('error-429-toomanyrequests.json'), { 'retry-after': '7' }, '/users');
    expect(throttled).toMatchObject({ code: 'TooManyRequests', requestId: '94fb3b52-452a-4535-a601-69e0a90e3aa2', retryAfterSec: 7 });
  });

  it('falls back to the status when the body is not Graph JSON, and reads token-endpoint bodies', () => {
    const gw = graphErrorFromResponse(504, '<html>gateway</html>', { 'request-id': 'r-1' }, '/groups');
    expect(gw).toMatchObject({ code: 'GatewayTimeout', requestId: 'r-1' });
    const aad = graphErrorFromResponse(
      400,
      JSON.stringify({ error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' }),
      {},
      '/token',
    );
    expect(aad.code).toBe('invalid_client');
    expect(explain(aad)).toMatch(/secret VALUE/);
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('12')).toBe(12);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30);
  });

  it('has an actionable sentence for every code it maps', () => {
    const ctx = { tenant: 'contoso.onmicrosoft.com', clientId: '11111111-2222-3333-4444-555555555555' };
    for (const [code, fn] of Object.entries(GRAPH_CODE_EXPLANATIONS)) {
      const text = explain(new GraphError({ kind: 'http', status: 400, code, message: 'm', path: '/x', requestId: 'rid' }), ctx);
      expect(text, code).toMatch(/^\/x: .{20,} \[.+, request-id rid\]$/);
      expect(text).toContain(fn(ctx));
    }
    for (const code of Object.keys(AADSTS_EXPLANATIONS)) {
      expect(explain(new Error(`AADSTS${code}: something`), ctx), code).toMatch(new RegExp(`AADSTS${code}\\)$`));
    }
  });

  it('names the tenant, the admin-consent URL and the licence where they matter', () => {
    const ctx = { tenant: 'contoso.onmicrosoft.com', clientId: 'abc' };
    expect(explain(new Error('AADSTS65001: The user or administrator has not consented'), ctx)).toContain(
      'https://login.microsoftonline.com/contoso.onmicrosoft.com/adminconsent?client_id=abc',
    );
    expect(explain(new Error('AADSTS90094: admin approval'), { ...ctx, loginHost: 'login.microsoftonline.us' })).toContain(
      'https://login.microsoftonline.us/contoso.onmicrosoft.com/adminconsent',
    );
    const lic = new GraphError({ kind: 'http', status: 403, code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant', message: '', path: '/auditLogs/signIns' });
    expect(explain(lic)).toMatch(/P1 or P2.*7 days.*not expose/);
    const denied = new GraphError({ kind: 'http', status: 403, code: 'Authorization_RequestDenied', message: '', path: '/users' });
    expect(explain(denied, ctx)).toMatch(/Granted for contoso\.onmicrosoft\.com/);
    const unknown = new GraphError({ kind: 'http', status: 403, code: 'SomethingNew', message: 'x', path: '/users' });
    expect(explain(unknown)).toMatch(/permission or licence/);
    expect(explain(new ReadOnlyViolationError('DELETE', 'https://g/v1.0/users/1', 'method DELETE is never sent'))).toMatch(/read-only guard/);
  });
});
