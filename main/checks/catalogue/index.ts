/** The check catalogue in report order: the seed's three checks first, then the rest by theme. */
import type { Check } from '../types.js';
import { appCertificatesLongLived } from './app-certificates-long-lived.js';
import { appCredentialsExpired } from './app-credentials-expired.js';
import { appCredentialsExpiring } from './app-credentials-expiring.js';
import { appSecretsLongLived } from './app-secrets-long-lived.js';
import { appsWithoutOwners } from './apps-without-owners.js';
import { caBlockHighSignInRisk } from './ca-block-high-sign-in-risk.js';
import { caBlockHighUserRisk } from './ca-block-high-user-risk.js';
import { caDeviceCodeBlocked } from './ca-device-code-blocked.js';
import { caExclusionsWithoutFallback } from './ca-exclusions-without-fallback.js';
import { caLegacyAuthBlocked } from './ca-legacy-auth-blocked.js';
import { caManagedDeviceRequired } from './ca-managed-device-required.js';
import { caMfaAdmins } from './ca-mfa-admins.js';
import { caMfaAllUsers } from './ca-mfa-all-users.js';
import { caMfaAzureManagement } from './ca-mfa-azure-management.js';
import { caMfaGuests } from './ca-mfa-guests.js';
import { caPhishingResistantAdmins } from './ca-phishing-resistant-admins.js';
import { caRegisterSecurityInfo } from './ca-register-security-info.js';
import { caReportOnlyPolicies } from './ca-report-only-policies.js';
import { devicesNonCompliant } from './devices-non-compliant.js';
import { devicesStale } from './devices-stale.js';
import { emergencyAccessAccounts } from './emergency-access-accounts.js';
import { globalAdminCount } from './global-admin-count.js';
import { globalAdminRatio } from './global-admin-ratio.js';
import { guestsWithRoles } from './guests-with-roles.js';
import { highRiskSignInsSucceeded } from './high-risk-sign-ins-succeeded.js';
import { inactiveUserAccounts } from './inactive-user-accounts.js';
import { legacyAuthSignIns } from './legacy-auth-sign-ins.js';
import { mfaRegisteredAllUsers } from './mfa-registered-all-users.js';
import { offboardedUserAccessRemoved } from './offboarded-user-access-removed.js';
import { openSecurityAlerts } from './open-security-alerts.js';
import { passwordNeverExpires } from './password-never-expires.js';
import { privilegedCloudOnly } from './privileged-cloud-only.js';
import { privilegedInactive } from './privileged-inactive.js';
import { privilegedPermanentAssignments } from './privileged-permanent-assignments.js';
import { privilegedStrongMfaRegistered } from './privileged-strong-mfa-registered.js';
import { riskyUsersUnremediated } from './risky-users-unremediated.js';
import { securityDefaultsOrCa } from './security-defaults-or-ca.js';
import { signInsUnmanagedDevices } from './sign-ins-unmanaged-devices.js';
import { singleFactorSignIns } from './single-factor-sign-ins.js';
import { smsVoiceOnlyMfa } from './sms-voice-only-mfa.js';
import { spHighPrivilegeGraphPermissions } from './sp-high-privilege-graph-permissions.js';
import { ssoAppMfaPassthrough } from './sso-app-mfa-passthrough.js';
import { staleGuests } from './stale-guests.js';

export const CHECKS: readonly Check[] = [
  // The seed document's checks.
  mfaRegisteredAllUsers,
  inactiveUserAccounts,
  offboardedUserAccessRemoved,
  // MFA and conditional access.
  securityDefaultsOrCa,
  caMfaAllUsers,
  caMfaAdmins,
  caPhishingResistantAdmins,
  caMfaGuests,
  caMfaAzureManagement,
  caExclusionsWithoutFallback,
  emergencyAccessAccounts,
  caLegacyAuthBlocked,
  caBlockHighUserRisk,
  caBlockHighSignInRisk,
  caDeviceCodeBlocked,
  caRegisterSecurityInfo,
  caManagedDeviceRequired,
  caReportOnlyPolicies,
  ssoAppMfaPassthrough,
  smsVoiceOnlyMfa,
  // Privileged access.
  globalAdminCount,
  globalAdminRatio,
  privilegedPermanentAssignments,
  privilegedCloudOnly,
  privilegedStrongMfaRegistered,
  privilegedInactive,
  guestsWithRoles,
  // Account hygiene.
  staleGuests,
  passwordNeverExpires,
  // Sign-in activity and risk.
  legacyAuthSignIns,
  singleFactorSignIns,
  signInsUnmanagedDevices,
  highRiskSignInsSucceeded,
  riskyUsersUnremediated,
  openSecurityAlerts,
  // Applications.
  spHighPrivilegeGraphPermissions,
  appsWithoutOwners,
  appCredentialsExpired,
  appCredentialsExpiring,
  appSecretsLongLived,
  appCertificatesLongLived,
  // Devices.
  devicesNonCompliant,
  devicesStale,
];

/** A check by id. */
export function checkById(id: string): Check | undefined {
  return CHECKS.find((c) => c.id === id);
}
