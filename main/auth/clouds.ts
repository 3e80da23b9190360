/**
 * Microsoft's national clouds: the sign-in authority host and the Graph host of each, as listed in
 * "Microsoft Graph national cloud deployments" (learn.microsoft.com/graph/deployments). A permission
 * scope must use the Graph host of the cloud it is requested from.
 */
export type CloudId = 'global' | 'usgov' | 'usgovdod' | 'china';

export interface Cloud {
  id: CloudId;
  title: string;
  /** Host of the Microsoft Entra token service (authority). */
  loginHost: string;
  /** Host of Microsoft Graph for that cloud. */
  graphHost: string;
}

export const CLOUDS: Readonly<Record<CloudId, Cloud>> = {
  global: { id: 'global', title: 'Global', loginHost: 'login.microsoftonline.com', graphHost: 'graph.microsoft.com' },
  usgov: {
    id: 'usgov',
    title: 'US Government L4 (GCC High)',
    loginHost: 'login.microsoftonline.us',
    graphHost: 'graph.microsoft.us',
  },
  usgovdod: {
    id: 'usgovdod',
    title: 'US Government L5 (DoD)',
    loginHost: 'login.microsoftonline.us',
    graphHost: 'dod-graph.microsoft.us',
  },
  china: {
    id: 'china',
    title: 'China (operated by 21Vianet)',
    loginHost: 'login.chinacloudapi.cn',
    graphHost: 'microsoftgraph.chinacloudapi.cn',
  },
};

/** Parses a --cloud value; throws on anything unknown so a typo cannot send a token to the wrong cloud. */
export function cloudById(id: string): Cloud {
  const cloud = (CLOUDS as Record<string, Cloud | undefined>)[id];
  if (!cloud) throw new Error(`unknown cloud "${id}" (expected one of: ${Object.keys(CLOUDS).join(', ')})`);
  return cloud;
}

/** The Graph base URL (without /v1.0) for a cloud, or an explicit one (the emulator). */
export function graphBaseUrl(cloud: Cloud, explicit?: string): string {
  return (explicit ?? `https://${cloud.graphHost}`).replace(/\/+$/, '');
}

/** The sign-in authority URL: the tenant's when known, else `organizations` (work or school accounts). */
export function authorityUrl(cloud: Cloud, tenant?: string): string {
  return `https://${cloud.loginHost}/${tenant ?? 'organizations'}`;
}

/** Fully qualified delegated scopes for a cloud, e.g. https://graph.microsoft.us/User.Read.All. */
export function graphScopes(cloud: Cloud, permissions: readonly string[]): string[] {
  return permissions.map((p) => `https://${cloud.graphHost}/${p}`);
}

/** The app-only scope: every application permission granted to the app registration. */
export function graphDefaultScope(cloud: Cloud): string {
  return `https://${cloud.graphHost}/.default`;
}
