import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeTokenClaims, type TokenClaims } from '../../main/auth/claims.js';
import { CLOUDS } from '../../main/auth/clouds.js';
import { buildPreflight, formatPreflight, runPreflight } from '../../main/auth/preflight.js';
import { licenceTierFromSkus } from '../../main/auth/preflight-probes.js';
import { startEmulator, type Emulator } from '../../main/demo/emulator/index.js';
import { createGraphReader } from '../../main/graph/index.js';
import { DATASETS, REQUIRED_PERMISSIONS } from '../../shared/datasets.js';
import { tinyTenant } from '../graph/tiny-tenant.js';

const TENANT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const APP = '11111111-2222-4333-8444-555555555555';
const appClaims = (roles: string[]): TokenClaims => ({ tid: TENANT, roles, appid: APP, exp: 0, aud: 'https://graph.microsoft.com' });
const userClaims = (scp: string[]): TokenClaims => ({ tid: TENANT, scp, appid: APP, upn: 'auditor@contoso.example', exp: 0, aud: 'x' });
const row = (p: ReturnType<typeof buildPreflight>, id: string) => p.rows.find((r) => r.dataset === id)!;

describe('preflight table', () => {
  it('collects everything with the full read set on P2', () => {
    const p = buildPreflight({ claims: appClaims([...REQUIRED_PERMISSIONS]), licence: 'p2' });
    expect(p.rows).toHaveLength(DATASETS.length);
    expect(p.rows.every((r) => r.collect === 'yes' && r.fix === '')).toBe(true);
    expect(p.authKind).toBe('application');
  });

  it('rules out licence-bound datasets on Free, with the reason, and not as a permission problem', () => {
    const p = buildPreflight({ claims: appClaims([...REQUIRED_PERMISSIONS]), licence: 'free' });
    expect(row(p, 'signIns')).toMatchObject({ collect: 'no', licenceOk: false, licenceNeeded: 'p1' });
    expect(row(p, 'signIns').fix).toMatch(/7 days/);
    expect(row(p, 'signInActivity').collect).toBe('no');
    expect(row(p, 'pimEligibility').fix).toMatch(/P2 \(Privileged Identity Management\)/);
    expect(row(p, 'riskyUsers').collect).toBe('no');
    expect(row(p, 'users').collect).toBe('yes');
    expect(row(p, 'signIns').consentUrl).toBeUndefined();
  });

  it('gives the exact admin-consent URL for a missing application permission, per cloud', () => {
    const roles = REQUIRED_PERMISSIONS.filter((r) => r !== 'Policy.Read.All');
    const p = buildPreflight({ claims: appClaims(roles), licence: 'p2', cloud: CLOUDS.usgov });
    const ca = row(p, 'conditionalAccess');
    expect(ca).toMatchObject({ collect: 'no', grantedVia: null, permissionNeeded: 'Policy.Read.All' });
    expect(ca.consentUrl).toBe(`https://login.microsoftonline.us/${TENANT}/adminconsent?client_id=${APP}`);
    expect(ca.fix).toMatch(/Add the application permission Policy\.Read\.All/);
  });

  it('gives a v2 admin-consent URL with the missing delegated scopes, and notes the roles a user needs', () => {
    const p = buildPreflight({ claims: userClaims(['User.Read.All', 'Directory.Read.All']), licence: 'p1' });
    expect(p.authKind).toBe('delegated');
    expect(row(p, 'groups')).toMatchObject({ collect: 'yes', grantedVia: 'Directory.Read.All' });
    const alerts = row(p, 'alerts');
    expect(alerts.collect).toBe('no');
    expect(alerts.consentUrl).toBe(
      `https://login.microsoftonline.com/${TENANT}/v2.0/adminconsent?client_id=${APP}&scope=${encodeURIComponent('https://graph.microsoft.com/SecurityAlert.Read.All')}&redirect_uri=${encodeURIComponent('http://localhost')}`,
    );
    expect(p.notes.join(' ')).toMatch(/Global Reader/);
  });

  it('treats an app token with no roles at all as application sign-in with everything to consent', () => {
    const p = buildPreflight({ claims: appClaims([]), licence: 'p2' });
    expect(p.authKind).toBe('application');
    expect(p.rows.every((r) => r.collect === 'no' && r.consentUrl?.endsWith(`adminconsent?client_id=${APP}`))).toBe(true);
  });

  it('accepts ReadWrite grants, and falls back to per-user MFA methods as partial', () => {
    const p = buildPreflight({ claims: appClaims(['Policy.ReadWrite.All', 'UserAuthenticationMethod.Read.All']), licence: 'free' });
    expect(row(p, 'conditionalAccess')).toMatchObject({ collect: 'yes', grantedVia: 'Policy.ReadWrite.All' });
    expect(row(p, 'mfaRegistration').collect).toBe('partial');
  });

  it('reads the licence tier from the service plans of active SKUs', () => {
    const sku = (plans: string[], capabilityStatus = 'Enabled') => ({ id: 's', capabilityStatus, servicePlans: plans.map((servicePlanName) => ({ servicePlanName })) });
    expect(licenceTierFromSkus([sku(['EXCHANGE_S_STANDARD'])])).toBe('free');
    expect(licenceTierFromSkus([sku(['AAD_PREMIUM'])])).toBe('p1');
    expect(licenceTierFromSkus([sku(['AAD_PREMIUM']), sku(['AAD_PREMIUM_P2'])])).toBe('p2');
    expect(licenceTierFromSkus([sku(['AAD_PREMIUM_P2'], 'Suspended')])).toBe('free');
  });
});

describe('preflight against the emulator', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ tenant: tinyTenant({ users: 5, licence: 'p2', federated: true }), timeScale: 50 });
  });
  afterAll(async () => emu.close());

  it('probes the licence and federated domains, and prints a table without the token', async () => {
    const token = emu.issueToken();
    const reader = createGraphReader({ baseUrl: emu.url, caCertPem: emu.caCertPem, tokenProvider: { getToken: async () => token }, timeScale: 50 });
    const p = await runPreflight(reader, decodeTokenClaims(token));
    expect(p.licence).toBe('p2');
    expect(p.federatedDomains).toEqual(['fed.contoso.example']);
    expect(p.notes.join(' ')).toMatch(/fed\.contoso\.example.*another identity provider/);
    const text = formatPreflight(p);
    expect(text).toContain('Sign-in logs');
    expect(text).not.toContain(token);
    reader.close();
  });

  it('says the licence is unknown when subscribedSkus is refused, and still plans the rest', async () => {
    const token = emu.issueToken({ roles: ['User.Read.All'] });
    const reader = createGraphReader({ baseUrl: emu.url, caCertPem: emu.caCertPem, tokenProvider: { getToken: async () => token }, timeScale: 50 });
    const p = await runPreflight(reader, decodeTokenClaims(token));
    expect(p.licence).toBe('unknown');
    expect(p.federatedDomains).toBeUndefined();
    expect(row(p, 'users').collect).toBe('yes');
    expect(row(p, 'organization').collect).toBe('no');
    expect(p.notes.join(' ')).toMatch(/could not be read/);
    reader.close();
  });
});
