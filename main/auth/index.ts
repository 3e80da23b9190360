/** Public surface of sign-in and preflight. */
export type { TokenProvider } from './token-provider.js';
export { CLOUDS, cloudById, graphBaseUrl, authorityUrl, graphScopes, graphDefaultScope, type Cloud, type CloudId } from './clouds.js';
export { decodeTokenClaims, secondsToExpiry, type TokenClaims } from './claims.js';
export { createStaticTokenProvider, readTokenFromEnv, readTokenFromStdin, type StaticTokenProvider } from './static-token.js';
export { aesGcmCipher, encryptedCachePlugin, loadOrCreateKey, type CacheCipher } from './encrypted-cache.js';
export {
  createInteractiveTokenProvider,
  DEFAULT_PUBLIC_CLIENT_ID,
  type InteractiveOptions,
  type InteractiveTokenProvider,
} from './interactive.js';
export { createAppTokenProvider, parseCertificate, type AppRegistrationOptions, type CertificateCredential } from './app-registration.js';
export { SIGN_IN_PERMISSIONS, MFA_FALLBACK_PERMISSION } from './permissions.js';
export {
  buildPreflight,
  runPreflight,
  formatPreflight,
  adminConsentUrl,
  adminConsentUrlV2,
  type Preflight,
  type PreflightRow,
  type PreflightInput,
  type Collectability,
} from './preflight.js';
export { probeLicence, probeFederatedDomains, licenceTierFromSkus, type LicenceProbe } from './preflight-probes.js';
export { openSystemBrowser, defaultConfigDir, cliTokenCachePlugin } from './cli-helpers.js';
