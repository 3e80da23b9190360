/**
 * The only links the app opens in the system browser: Microsoft sign-in and admin-consent pages of
 * the clouds we support, over https. Anything else a renderer asks for is refused.
 */
import { CLOUDS } from '../../auth/clouds.js';

const LOGIN_HOSTS = new Set(Object.values(CLOUDS).map((c) => c.loginHost));

/** True for https URLs on a Microsoft login host (sign-in, /adminconsent, /v2.0/adminconsent). */
export function isAllowedExternalUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return (
    u.protocol === 'https:' && u.username === '' && u.password === '' && u.port === '' && LOGIN_HOSTS.has(u.hostname)
  );
}
