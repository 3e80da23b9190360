/**
 * The read side of a snapshot, as checks, the exporter and the app's services see it.
 * The SQLite implementation lives beside it (snapshot-reader.ts); checks depend on this interface.
 */
import type {
  DatasetCoverage,
  SnapshotMeta,
  UserRow,
  MfaRegistrationRow,
  GroupRow,
  GroupMemberRow,
  RoleDefinitionRow,
  RoleAssignmentRow,
  ServicePrincipalRow,
  AppRoleAssignmentRow,
  ApplicationRow,
  AppCredentialRow,
  DeviceRow,
  SignInRow,
  AlertRow,
  RiskDetectionRow,
  RiskyUserRow,
  DomainRow,
  SkuRow,
  DeletedUserRow,
  ConditionalAccessPolicy,
  NamedLocation,
  AuthenticationStrengthPolicy,
} from '../../shared/snapshot.js';
import type { DatasetId } from '../../shared/datasets.js';

/**
 * What the sign-in log says of one user and one client app (clientAppUsed as logged), counted over
 * every collected sign-in: the facts the sign-in checks judge, without streaming a million rows.
 */
export interface SignInSummary {
  userId: string;
  /** The user's UPN as the sign-ins give it (the smallest, should it have changed in the window). */
  userPrincipalName: string;
  clientAppUsed: string | null;
  signIns: number;
  successes: number;
  /** Newest successful sign-in (ISO 8601), or null. */
  lastSuccess: string | null;
  /** Successful interactive (or unspecified) sign-ins that needed a single factor only. */
  singleFactorSuccesses: number;
  /** Successful sign-ins from a known, managed device that is not compliant. */
  nonCompliantDeviceSuccesses: number;
  /** Successful sign-ins from an unregistered or unmanaged device. */
  unmanagedDeviceSuccesses: number;
  /** Successful sign-ins with risk level high during sign-in. */
  highRiskSuccesses: number;
}

export interface SnapshotReader {
  readonly path: string;
  meta(): SnapshotMeta;
  coverage(): DatasetCoverage[];
  coverageOf(dataset: DatasetId): DatasetCoverage;

  users(): UserRow[];
  deletedUsers(): DeletedUserRow[];
  mfaRegistrations(): MfaRegistrationRow[];
  groups(): GroupRow[];
  /** Transitive memberships (the collector reads /transitiveMembers). */
  groupMembers(): GroupMemberRow[];
  roleDefinitions(): RoleDefinitionRow[];
  /** Active and eligible assignments together; `kind` tells them apart. */
  roleAssignments(): RoleAssignmentRow[];
  servicePrincipals(): ServicePrincipalRow[];
  /** Users/groups assigned to enterprise apps (appRoleAssignedTo). */
  appAssignments(): AppRoleAssignmentRow[];
  /** App permissions held by service principals (appRoleAssignments). */
  appPermissionGrants(): AppRoleAssignmentRow[];
  applications(): ApplicationRow[];
  appCredentials(): AppCredentialRow[];
  devices(): DeviceRow[];
  /**
   * What a membership list names each object by: users by UPN; groups, service principals and devices
   * by display name. Two columns per table instead of whole rows.
   */
  directoryNames(): Map<string, string>;
  /** Display names of the users among `ids` that exist (one key lookup each, not a read of every user). */
  userDisplayNames(ids: Iterable<string>): Map<string, string>;
  /** The counts the report states per evidence artifact, by SQL aggregates instead of whole rows. */
  evidenceCounts(): EvidenceCounts;
  conditionalAccessPolicies(): ConditionalAccessPolicy[];
  namedLocations(): NamedLocation[];
  authenticationStrengthPolicies(): AuthenticationStrengthPolicy[];
  /** identitySecurityDefaultsEnforcementPolicy.isEnabled, or null when not collected. */
  securityDefaultsEnabled(): boolean | null;
  /** Streams sign-ins (newest first) without loading them all. */
  signIns(filter?: { from?: string; to?: string; userId?: string }): IterableIterator<SignInRow>;
  signInCount(): number;
  /** Sign-in counts per user and client app, summed by SQLite in one pass (see sign-in-summaries.ts). */
  signInSummaries(): SignInSummary[];
  alerts(): AlertRow[];
  riskDetections(): RiskDetectionRow[];
  riskyUsers(): RiskyUserRow[];
  domains(): DomainRow[];
  skus(): SkuRow[];
  /** Raw Graph JSON of one object, for drill-down evidence. */
  raw(dataset: DatasetId, id: string): unknown | null;
  close(): void;
}

/** What the report states per evidence artifact (users, MFA registration, groups, apps). */
export interface EvidenceCounts {
  users: { total: number; enabled: number; guests: number; neverSignedIn: number; synced: number };
  mfa: { users: number; registered: number };
  groups: { groups: number; memberships: number };
  apps: { servicePrincipals: number; sso: number; assignments: number };
}
