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
  conditionalAccessPolicies(): ConditionalAccessPolicy[];
  namedLocations(): NamedLocation[];
  authenticationStrengthPolicies(): AuthenticationStrengthPolicy[];
  /** identitySecurityDefaultsEnforcementPolicy.isEnabled, or null when not collected. */
  securityDefaultsEnabled(): boolean | null;
  /** Streams sign-ins (newest first) without loading them all. */
  signIns(filter?: { from?: string; to?: string; userId?: string }): IterableIterator<SignInRow>;
  signInCount(): number;
  alerts(): AlertRow[];
  riskDetections(): RiskDetectionRow[];
  riskyUsers(): RiskyUserRow[];
  domains(): DomainRow[];
  skus(): SkuRow[];
  /** Raw Graph JSON of one object, for drill-down evidence. */
  raw(dataset: DatasetId, id: string): unknown | null;
  close(): void;
}
