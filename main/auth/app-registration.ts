/**
 * Sign-in as an app registration (client credentials): certificate preferred, client secret accepted.
 * Always a tenant-specific authority; scope https://<graph host>/.default, i.e. the application
 * permissions an administrator granted. MSAL caches the token in memory and renews it when it expires.
 */
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { ConfidentialClientApplication, type Configuration } from '@azure/msal-node';
import { authorityUrl, CLOUDS, graphDefaultScope, type Cloud } from './clouds.js';
import { httpsNetworkModule } from './msal-network.js';
import type { TokenProvider } from './token-provider.js';

export interface CertificateCredential {
  /** PEM holding the private key and the certificate (one file), or the key alone with certificatePem. */
  pem: string;
  certificatePem?: string;
}

export interface AppRegistrationOptions {
  cloud?: Cloud;
  tenant: string;
  clientId: string;
  certificate?: CertificateCredential;
  clientSecret?: string;
  /** Overrides the authority (a local identity provider in tests). */
  authority?: string;
  knownAuthorities?: string[];
  caCertPem?: string;
}

/** Private key, SHA-256 thumbprint (hex) and x5c chain from a PEM bundle, as MSAL wants them. */
export function parseCertificate(cred: CertificateCredential): { privateKey: string; thumbprintSha256: string; x5c: string } {
  const keyMatch = /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/.exec(cred.pem);
  if (!keyMatch) throw new Error('the certificate file holds no PEM private key');
  const certs = (cred.certificatePem ?? cred.pem).match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
  if (!certs) throw new Error('no PEM certificate found (put the certificate next to the key, or pass it separately)');
  const leaf = new X509Certificate(certs[0]);
  const privateKey = createPrivateKey(keyMatch[0]).export({ format: 'pem', type: 'pkcs8' }).toString();
  if (!leaf.checkPrivateKey(createPrivateKey(privateKey))) throw new Error('the private key does not belong to the certificate');
  return {
    privateKey,
    thumbprintSha256: createHash('sha256').update(leaf.raw).digest('hex'),
    x5c: certs.join('\n'),
  };
}

export function createAppTokenProvider(opts: AppRegistrationOptions): TokenProvider {
  if (!opts.certificate === !opts.clientSecret) throw new Error('give exactly one of a certificate or a client secret');
  if (!opts.tenant || opts.tenant === 'organizations' || opts.tenant === 'common') {
    throw new Error('app sign-in needs the tenant id or domain (--tenant)');
  }
  const cloud = opts.cloud ?? CLOUDS.global;
  const config: Configuration = {
    auth: {
      clientId: opts.clientId,
      authority: opts.authority ?? authorityUrl(cloud, opts.tenant),
      ...(opts.knownAuthorities ? { knownAuthorities: opts.knownAuthorities } : {}),
      ...(opts.certificate ? { clientCertificate: parseCertificate(opts.certificate) } : { clientSecret: opts.clientSecret }),
    },
    ...(opts.caCertPem ? { system: { networkClient: httpsNetworkModule(opts.caCertPem) } } : {}),
  };
  const cca = new ConfidentialClientApplication(config);
  const scopes = [graphDefaultScope(cloud)];
  let forceRefresh = false;
  return {
    async getToken() {
      const r = await cca.acquireTokenByClientCredential({ scopes, skipCache: forceRefresh });
      forceRefresh = false;
      if (!r?.accessToken) throw new Error('the token service returned no access token');
      return r.accessToken;
    },
    invalidate() {
      forceRefresh = true;
    },
  };
}
