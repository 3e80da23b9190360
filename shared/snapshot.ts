/**
 * What a snapshot holds, as typed rows. The store writes and reads these; checks, the exporter and
 * the renderer consume them. Every row also keeps Graph's raw JSON in the snapshot itself; these are
 * the columns we query. Times are ISO 8601 UTC strings; null means Graph did not say.
 */
import type { DatasetId, LicenceTier } from './datasets.js';

export type DatasetStatus = 'complete' | 'partial' | 'unavailable' | 'not-collected';

/** One row of the coverage table: what was collected for a dataset and, if not all, why. */
export interface DatasetCoverage {
  dataset: DatasetId;
  status: DatasetStatus;
  /** Graph's error code when unavailable or partial (e.g. Authorization_RequestDenied). */
  code: string | null;
  /** A sentence a consultant can act on. */
  reason: string | null;
  rows: number;
  requests: number;
  throttleWaits: number;
  startedAt: string | null;
  finishedAt: string | null;
}

export type Cloud = 'global' | 'usgov' | 'usgovdod' | 'china' | 'custom';
export type AuthMode = 'interactive' | 'certificate' | 'secret' | 'access-token' | 'demo';

export interface SnapshotMeta {
  snapshotId: string;
  schemaVersion: number;
  appVersion: string;
  tenantId: string;
  tenantName: string;
  primaryDomain: string;
  cloud: Cloud;
  graphBaseUrl: string;
  authMode: AuthMode;
  /** UPN of the signed-in user, or "app:<clientId>" for app-only. */
  collectedBy: string;
  clientAppId: string | null;
  grantedPermissions: string[];
  licence: LicenceTier;
  collectionStartedAt: string;
  collectionFinishedAt: string | null;
  /** Sign-in window collected, in days. */
  signInDays: number;
  /** SHA-256 over the collected content, set when collection finishes. */
  contentHash: string | null;
}

export interface UserRow {
  id: string;
  userPrincipalName: string;
  displayName: string;
  mail: string | null;
  givenName: string | null;
  surname: string | null;
  department: string | null;
  jobTitle: string | null;
  employeeId: string | null;
  userType: 'Member' | 'Guest';
  accountEnabled: boolean;
  createdDateTime: string | null;
  /** True when synced from on-premises AD. */
  onPremisesSyncEnabled: boolean;
  /** "DisablePasswordExpiration" etc. */
  passwordPolicies: string | null;
  lastPasswordChangeDateTime: string | null;
  /** null when signInActivity was not collected or the user never signed in. */
  lastSignInDateTime: string | null;
  lastNonInteractiveSignInDateTime: string | null;
  /** Domain part of the UPN, lower-case. */
  domain: string;
  managerId: string | null;
}

/** Strong-method keys as Graph's userRegistrationDetails names them (methodsRegistered). */
export type RegisteredMethod =
  | 'microsoftAuthenticatorPush'
  | 'microsoftAuthenticatorPasswordless'
  | 'softwareOneTimePasscode'
  | 'hardwareOneTimePasscode'
  | 'fido2SecurityKey'
  | 'passKeyDeviceBound'
  | 'passKeyDeviceBoundAuthenticator'
  | 'passKeyDeviceBoundWindowsHello'
  | 'windowsHelloForBusiness'
  | 'macOsSecureEnclaveKey'
  | 'mobilePhone'
  | 'alternateMobilePhone'
  | 'officePhone'
  | 'email'
  | 'temporaryAccessPass'
  | 'securityQuestion'
  | 'appPassword'
  | 'sms'
  | 'voiceMobile'
  | 'voiceAlternateMobile'
  | 'voiceOffice'
  | 'password'
  | string;

/** A user's registered methods, from the bulk report or from per-user /authentication/methods. */
export interface MfaRegistrationRow {
  userId: string;
  userPrincipalName: string;
  /** Normalised to userRegistrationDetails' method names. */
  methods: RegisteredMethod[];
  isMfaRegistered: boolean;
  isAdmin: boolean | null;
  source: 'registrationReport' | 'authenticationMethods';
}

export interface GroupRow {
  id: string;
  displayName: string;
  mail: string | null;
  securityEnabled: boolean;
  mailEnabled: boolean;
  /** "Unified" for Microsoft 365 groups, "DynamicMembership" ... */
  groupTypes: string[];
  isAssignableToRole: boolean;
  onPremisesSyncEnabled: boolean;
}

export interface GroupMemberRow {
  groupId: string;
  memberId: string;
  /** "user" | "group" | "device" | "servicePrincipal" ... (from @odata.type) */
  memberType: string;
}

export interface RoleDefinitionRow {
  id: string;
  templateId: string;
  displayName: string;
  isBuiltIn: boolean;
  /** True for the roles Microsoft marks privileged (Global Administrator, Privileged Role Administrator, ...). */
  isPrivileged: boolean;
}

export interface RoleAssignmentRow {
  id: string;
  principalId: string;
  roleDefinitionId: string;
  directoryScopeId: string;
  /** active = roleAssignments (permanent or activated); eligible = PIM eligibility schedule. */
  kind: 'active' | 'eligible';
  startDateTime: string | null;
  /** null = permanent. */
  endDateTime: string | null;
}

export interface ServicePrincipalRow {
  id: string;
  appId: string;
  displayName: string;
  accountEnabled: boolean;
  servicePrincipalType: string;
  /** "saml" | "oidc" | "password" | "notSupported" | null */
  preferredSingleSignOnMode: string | null;
  appRoleAssignmentRequired: boolean;
  appOwnerOrganizationId: string | null;
  tags: string[];
}

/** Who is assigned to an enterprise app (appRoleAssignedTo), or an app permission an SP holds (appRoleAssignments). */
export interface AppRoleAssignmentRow {
  id: string;
  /** The service principal the assignment grants access to (the resource). */
  resourceId: string;
  resourceDisplayName: string;
  principalId: string;
  principalType: 'User' | 'Group' | 'ServicePrincipal';
  principalDisplayName: string;
  appRoleId: string;
  createdDateTime: string | null;
}

export interface AppCredentialRow {
  appObjectId: string;
  appId: string;
  appDisplayName: string;
  keyId: string;
  kind: 'secret' | 'certificate';
  displayName: string | null;
  startDateTime: string | null;
  endDateTime: string | null;
}

export interface ApplicationRow {
  id: string;
  appId: string;
  displayName: string;
  signInAudience: string;
  createdDateTime: string | null;
  ownerIds: string[];
}

export interface DeviceRow {
  id: string;
  deviceId: string;
  displayName: string;
  operatingSystem: string | null;
  operatingSystemVersion: string | null;
  accountEnabled: boolean;
  isCompliant: boolean | null;
  isManaged: boolean | null;
  trustType: string | null;
  approximateLastSignInDateTime: string | null;
  registeredOwnerIds: string[];
}

export interface SignInRow {
  id: string;
  createdDateTime: string;
  userId: string;
  userPrincipalName: string;
  appId: string;
  appDisplayName: string;
  resourceDisplayName: string | null;
  clientAppUsed: string | null;
  ipAddress: string | null;
  city: string | null;
  countryOrRegion: string | null;
  /** 0 = success. */
  errorCode: number;
  failureReason: string | null;
  conditionalAccessStatus: string | null;
  /** "singleFactorAuthentication" | "multiFactorAuthentication" */
  authenticationRequirement: string | null;
  riskLevelDuringSignIn: string | null;
  riskLevelAggregated: string | null;
  riskState: string | null;
  isInteractive: boolean | null;
  deviceId: string | null;
  deviceIsCompliant: boolean | null;
  deviceIsManaged: boolean | null;
  deviceTrustType: string | null;
}

export interface AlertRow {
  id: string;
  title: string;
  severity: string;
  status: string;
  category: string | null;
  serviceSource: string | null;
  createdDateTime: string | null;
  userIds: string[];
}

export interface RiskDetectionRow {
  id: string;
  userId: string;
  userPrincipalName: string | null;
  riskEventType: string;
  riskLevel: string;
  riskState: string;
  detectedDateTime: string | null;
}

export interface RiskyUserRow {
  id: string;
  userPrincipalName: string | null;
  riskLevel: string;
  riskState: string;
  riskLastUpdatedDateTime: string | null;
}

export interface DomainRow {
  id: string;
  authenticationType: 'Managed' | 'Federated' | string;
  isVerified: boolean;
  isDefault: boolean;
}

export interface SkuRow {
  skuId: string;
  skuPartNumber: string;
  capabilityStatus: string;
  enabledUnits: number;
  consumedUnits: number;
  servicePlanNames: string[];
}

export interface DeletedUserRow {
  id: string;
  userPrincipalName: string;
  displayName: string;
  mail: string | null;
  employeeId: string | null;
  deletedDateTime: string | null;
}

/**
 * Conditional access policy, named location and authentication strength are kept as Graph's own JSON
 * shape (camelCase, v1.0); see ca-types.ts for the typed subset the evaluator reads.
 */
export type { ConditionalAccessPolicy, NamedLocation, AuthenticationStrengthPolicy } from './ca-types.js';
