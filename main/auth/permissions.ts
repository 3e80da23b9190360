/**
 * The read permissions sign-in asks for: the catalogue's least-privileged set (REQUIRED_PERMISSIONS)
 * plus UserAuthenticationMethod.Read.All, which the MFA collector needs on tenants without the
 * registration-details report (Free tier). Interactive sign-in requests exactly these; the README and
 * the preflight explain each.
 */
import { REQUIRED_PERMISSIONS } from '../../shared/datasets.js';

/** Per-user authentication methods (the MFA fallback when the bulk report is not licensed). */
export const MFA_FALLBACK_PERMISSION = 'UserAuthenticationMethod.Read.All';

/** Delegated scopes (short names) requested at interactive sign-in. */
export const SIGN_IN_PERMISSIONS: readonly string[] = [...new Set([...REQUIRED_PERMISSIONS, MFA_FALLBACK_PERMISSION])].sort();
