/**
 * Interactive sign-in: MSAL public client in the system browser with a loopback redirect and PKCE
 * (acquireTokenInteractive). Silent renewal from the encrypted cache afterwards, so a token that expires
 * mid-run is replaced without a new prompt. The browser is opened by an injected callback (Electron's
 * shell.openExternal in the app, `xdg-open`/`open`/`start` in the CLI).
 */
import { PublicClientApplication, type AccountInfo, type Configuration, type ICachePlugin } from '@azure/msal-node';
import { authorityUrl, CLOUDS, graphScopes, type Cloud } from './clouds.js';
import { httpsNetworkModule } from './msal-network.js';
import { SIGN_IN_PERMISSIONS } from './permissions.js';
import type { TokenProvider } from './token-provider.js';

/**
 * Microsoft Graph Command Line Tools, Microsoft's first-party public client for admin scripts: the default
 * when the consultant has no app registration of their own (the tenant may still require admin consent).
 */
export const DEFAULT_PUBLIC_CLIENT_ID = '14d82eec-204b-4c2f-b7e8-296a70dab67e';

export interface InteractiveOptions {
  cloud?: Cloud;
  /** Tenant id or domain; `organizations` when unknown. */
  tenant?: string;
  clientId?: string;
  openBrowser(url: string): Promise<void>;
  cachePlugin?: ICachePlugin;
  /** Overrides the authority (a local identity provider in tests); needs knownAuthorities. */
  authority?: string;
  knownAuthorities?: string[];
  /** Extra CA trusted for the authority. */
  caCertPem?: string;
  /** Scopes; default: the delegated read set for the cloud's Graph host. */
  scopes?: string[];
  successTemplate?: string;
}

/** Delegated sign-in as a TokenProvider; `account()` is who signed in. */
export interface InteractiveTokenProvider extends TokenProvider {
  account(): AccountInfo | undefined;
}

export function createInteractiveTokenProvider(opts: InteractiveOptions): InteractiveTokenProvider {
  const cloud = opts.cloud ?? CLOUDS.global;
  const config: Configuration = {
    auth: {
      clientId: opts.clientId ?? DEFAULT_PUBLIC_CLIENT_ID,
      authority: opts.authority ?? authorityUrl(cloud, opts.tenant),
      ...(opts.knownAuthorities ? { knownAuthorities: opts.knownAuthorities } : {}),
    },
    ...(opts.cachePlugin ? { cache: { cachePlugin: opts.cachePlugin } } : {}),
    ...(opts.caCertPem ? { system: { networkClient: httpsNetworkModule(opts.caCertPem) } } : {}),
  };
  const pca = new PublicClientApplication(config);
  const scopes = opts.scopes ?? graphScopes(cloud, SIGN_IN_PERMISSIONS);
  let account: AccountInfo | undefined;
  let forceRefresh = false;
  // The current token, kept until 5 minutes before it expires so the encrypted cache file is not
  // read and decrypted for every Graph request.
  let current: { token: string; until: number } | undefined;
  const remember = (token: string, expiresOn: Date | null): string => {
    current = { token, until: (expiresOn?.getTime() ?? Date.now()) - 5 * 60_000 };
    forceRefresh = false;
    return token;
  };

  async function getToken(): Promise<string> {
    if (current && !forceRefresh && Date.now() < current.until) return current.token;
    if (!account) account = (await pca.getTokenCache().getAllAccounts())[0];
    if (account) {
      try {
        const r = await pca.acquireTokenSilent({ account, scopes, forceRefresh });
        if (r?.accessToken) return remember(r.accessToken, r.expiresOn);
      } catch {
        // Refresh token gone or consent changed: fall through to the browser.
      }
    }
    const r = await pca.acquireTokenInteractive({
      scopes,
      openBrowser: opts.openBrowser,
      successTemplate: opts.successTemplate ?? 'Signed in. You can close this window and return to Entra Audit Desktop.',
      errorTemplate: 'Sign-in failed: {{error}}. Return to Entra Audit Desktop for details.',
      ...(opts.tenant ? {} : { prompt: 'select_account' }),
    });
    account = r.account ?? undefined;
    return remember(r.accessToken, r.expiresOn);
  }

  return {
    getToken,
    invalidate: () => {
      current = undefined;
      forceRefresh = true;
    },
    account: () => account,
  };
}
