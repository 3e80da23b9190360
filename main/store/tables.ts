/**
 * The collected tables of a snapshot: one per object kind, the columns checks and screens query plus
 * `raw` (Graph's JSON as returned). This one list drives the schema's column order, the writer's
 * prepared statements, the reader's decoding and the content hash's canonical order.
 */
import type { DatasetId } from '../../shared/datasets.js';
import type {
  AlertRow,
  AppCredentialRow,
  ApplicationRow,
  AppRoleAssignmentRow,
  DeletedUserRow,
  DeviceRow,
  DomainRow,
  GroupMemberRow,
  GroupRow,
  MfaRegistrationRow,
  RiskDetectionRow,
  RiskyUserRow,
  RoleAssignmentRow,
  RoleDefinitionRow,
  ServicePrincipalRow,
  SignInRow,
  SkuRow,
  UserRow,
  ConditionalAccessPolicy,
  NamedLocation,
  AuthenticationStrengthPolicy,
} from '../../shared/snapshot.js';

/** How a column's value is stored: bool as 0/1, json as JSON text. */
export type ColumnKind = 'text' | 'int' | 'real' | 'bool' | 'json';

export interface TableSpec {
  name: TableName;
  /** Datasets whose objects live here (for raw lookups and row counts). */
  datasets: DatasetId[];
  /** Primary key columns; also the row order of the content hash. */
  key: string[];
  /** Column name (= the row property) and kind, in schema order; `raw` comes last, implicitly. */
  columns: [string, ColumnKind][];
  /** The reader returns JSON.parse(raw) instead of the columns (Graph-shaped objects such as CA policies). */
  readRaw?: boolean;
}

/** Organization's columns (the reader exposes it through meta; kept for raw evidence). */
export interface OrganizationRow {
  id: string;
  displayName: string;
}

/** identitySecurityDefaultsEnforcementPolicy's columns. */
export interface SecurityDefaultsRow {
  id: string;
  isEnabled: boolean;
}

/** The row type each table takes. */
export interface TableRows {
  organization: OrganizationRow;
  skus: SkuRow;
  domains: DomainRow;
  users: UserRow;
  deleted_users: DeletedUserRow;
  mfa_registrations: MfaRegistrationRow;
  ca_policies: ConditionalAccessPolicy;
  named_locations: NamedLocation;
  auth_strengths: AuthenticationStrengthPolicy;
  security_defaults: SecurityDefaultsRow;
  sign_ins: SignInRow;
  groups: GroupRow;
  group_members: GroupMemberRow;
  role_definitions: RoleDefinitionRow;
  role_assignments: RoleAssignmentRow;
  service_principals: ServicePrincipalRow;
  app_assignments: AppRoleAssignmentRow;
  app_permission_grants: AppRoleAssignmentRow;
  applications: ApplicationRow;
  app_credentials: AppCredentialRow;
  devices: DeviceRow;
  alerts: AlertRow;
  risk_detections: RiskDetectionRow;
  risky_users: RiskyUserRow;
}

export type TableName = keyof TableRows;

const appRoleAssignmentColumns: [string, ColumnKind][] = [
  ['id', 'text'],
  ['resourceId', 'text'],
  ['resourceDisplayName', 'text'],
  ['principalId', 'text'],
  ['principalType', 'text'],
  ['principalDisplayName', 'text'],
  ['appRoleId', 'text'],
  ['createdDateTime', 'text'],
];

/** Every collected table, in the content hash's canonical order. Append new tables at the end. */
export const TABLES: readonly TableSpec[] = [
  {
    name: 'organization',
    datasets: ['organization'],
    key: ['id'],
    columns: [
      ['id', 'text'],
      ['displayName', 'text'],
    ],
  },
  {
    name: 'skus',
    datasets: ['subscribedSkus'],
    key: ['skuId'],
    columns: [
      ['skuId', 'text'],
      ['skuPartNumber', 'text'],
      ['capabilityStatus', 'text'],
      ['enabledUnits', 'int'],
      ['consumedUnits', 'int'],
      ['servicePlanNames', 'json'],
    ],
  },
  {
    name: 'domains',
    datasets: ['domains'],
    key: ['id'],
    columns: [
      ['id', 'text'],
      ['authenticationType', 'text'],
      ['isVerified', 'bool'],
      ['isDefault', 'bool'],
    ],
  },
  {
    name: 'users',
    datasets: ['users', 'signInActivity'],
    key: ['id'],
    columns: [
      ['id', 'text'],
      ['userPrincipalName', 'text'],
      ['displayName', 'text'],
      ['mail', 'text'],
      ['givenName', 'text'],
      ['surname', 'text'],
      ['department', 'text'],
      ['jobTitle', 'text'],
      ['employeeId', 'text'],
      ['userType', 'text'],
      ['accountEnabled', 'bool'],
      ['createdDateTime', 'text'],
      ['onPremisesSyncEnabled', 'bool'],
      ['passwordPolicies', 'text'],
      ['lastPasswordChangeDateTime', 'text'],
      ['lastSignInDateTime', 'text'],
      ['lastNonInteractiveSignInDateTime', 'text'],
      ['domain', 'text'],
      ['managerId', 'text'],
    ],
  },
  {
    name: 'deleted_users',
    datasets: ['deletedUsers'],
    key: ['id'],
    columns: [
      ['id', 'text'],
      ['userPrincipalName', 'text'],
      ['displayName', 'text'],
      ['mail', 'text'],
      ['employeeId', 'text'],
      ['deletedDateTime', 'text'],
    ],
  },
  {
    name: 'mfa_registrations',
    datasets: ['mfaRegistration'],
    key: ['userId'],
    columns: [
      ['userId', 'text'],
      ['userPrincipalName', 'text'],
      ['methods', 'json'],
      ['isMfaRegistered', 'bool'],
      ['isAdmin', 'bool'],
      ['source', 'text'],
    ],
  },
  {
    name: 'ca_policies',
    datasets: ['conditionalAccess'],
    key: ['id'],
    readRaw: true,
    columns: [
      ['id', 'text'],
      ['displayName', 'text'],
      ['state', 'text'],
    ],
  },
  {
    name: 'named_locations',
    datasets: ['conditionalAccess'],
    key: ['id'],
    readRaw: true,
    columns: [
      ['id', 'text'],
      ['displayName', 'text'],
    ],
  },
  {
    name: 'auth_strengths',
    datasets: ['conditionalAccess'],
    key: ['id'],
    readRaw: true,
    columns: [
      ['id', 'text'],
      ['displayName', 'text'],
      ['policyType', 'text'],
    ],
  },
  {
    name: 'security_defaults',
    datasets: ['conditionalAccess'],
    key: ['id'],
    columns: [
      ['id', 'text'],
      ['isEnabled', 'bool'],
    ],
  },
  {
    name: 'sign_ins',
    datasets: ['signIns'],
    key: ['id'],
    columns: [
      ['id', 'text'],
      ['createdDateTime', 'text'],
      ['userId', 'text'],
      ['userPrincipalName', 'text'],
      ['appId', 'text'],
      ['appDisplayName', 'text'],
      ['resourceDisplayName', 'text'],
      ['clientAppUsed', 'text'],
      ['ipAddress', 'text'],
      ['city', 'text'],
      ['countryOrRegion', 'text'],
      ['errorCode', 'int'],
      ['failureReason', 'text'],
      ['conditionalAccessStatus', 'text'],
      ['authenticationRequirement', 'text'],
      ['riskLevelDuringSignIn', 'text'],
      ['riskLevelAggregated', 'text'],
      ['riskState', 'text'],
      ['isInteractive', 'bool'],
      ['deviceId', 'text'],
      ['deviceIsCompliant', 'bool'],
      ['deviceIsManaged', 'bool'],
      ['deviceTrustType', 'text'],
    ],
  },
  {
    name: 'groups',
    datasets: ['groups'],
    key: ['id'],
    columns: [
      ['id', 'text'],
      ['displayName', 'text'],
      ['mail', 'text'],
      ['securityEnabled', 'bool'],
      ['mailEnabled', 'bool'],
      ['groupTypes', 'json'],
      ['isAssignableToRole', 'bool'],
      ['onPremisesSyncEnabled', 'bool'],
    ],
  },
  {
    name: 'group_members',
    datasets: ['groups'],
    key: ['groupId', 'memberId'],
    columns: [
      ['groupId', 'text'],
      ['memberId', 'text'],
      ['memberType', 'text'],
    ],
  },
  {
    name: 'role_definitions',
    datasets: ['roles'],
    key: ['id'],
    columns: [
      ['id', 'text'],
      ['templateId', 'text'],
      ['displayName', 'text'],
      ['isBuiltIn', 'bool'],
      ['isPrivileged', 'bool'],
    ],
  },
  {
    name: 'role_assignments',
    datasets: ['roles', 'pimEligibility'],
    key: ['kind', 'id'],
    columns: [
      ['id', 'text'],
      ['principalId', 'text'],
      ['roleDefinitionId', 'text'],
      ['directoryScopeId', 'text'],
      ['kind', 'text'],
      ['startDateTime', 'text'],
      ['endDateTime', 'text'],
    ],
  },
  {
    name: 'service_principals',
    datasets: ['applications'],
    key: ['id'],
    columns: [
      ['id', 'text'],
      ['appId', 'text'],
      ['displayName', 'text'],
      ['accountEnabled', 'bool'],
      ['servicePrincipalType', 'text'],
      ['preferredSingleSignOnMode', 'text'],
      ['appRoleAssignmentRequired', 'bool'],
      ['appOwnerOrganizationId', 'text'],
      ['tags', 'json'],
    ],
  },
  { name: 'app_assignments', datasets: ['applications'], key: ['id'], columns: appRoleAssignmentColumns },
  { name: 'app_permission_grants', datasets: ['applications'], key: ['id'], columns: appRoleAssignmentColumns },
  {
    name: 'applications',
    datasets: ['applications'],
    key: ['id'],
    columns: [
      ['id', 'text'],
      ['appId', 'text'],
      ['displayName', 'text'],
      ['signInAudience', 'text'],
      ['createdDateTime', 'text'],
      ['ownerIds', 'json'],
    ],
  },
  {
    name: 'app_credentials',
    datasets: ['applications'],
    key: ['appObjectId', 'keyId'],
    columns: [
      ['appObjectId', 'text'],
      ['appId', 'text'],
      ['appDisplayName', 'text'],
      ['keyId', 'text'],
      ['kind', 'text'],
      ['displayName', 'text'],
      ['startDateTime', 'text'],
      ['endDateTime', 'text'],
    ],
  },
  {
    name: 'devices',
    datasets: ['devices'],
    key: ['id'],
    columns: [
      ['id', 'text'],
      ['deviceId', 'text'],
      ['displayName', 'text'],
      ['operatingSystem', 'text'],
      ['operatingSystemVersion', 'text'],
      ['accountEnabled', 'bool'],
      ['isCompliant', 'bool'],
      ['isManaged', 'bool'],
      ['trustType', 'text'],
      ['approximateLastSignInDateTime', 'text'],
      ['registeredOwnerIds', 'json'],
    ],
  },
  {
    name: 'alerts',
    datasets: ['alerts'],
    key: ['id'],
    columns: [
      ['id', 'text'],
      ['title', 'text'],
      ['severity', 'text'],
      ['status', 'text'],
      ['category', 'text'],
      ['serviceSource', 'text'],
      ['createdDateTime', 'text'],
      ['userIds', 'json'],
    ],
  },
  {
    name: 'risk_detections',
    datasets: ['riskDetections'],
    key: ['id'],
    columns: [
      ['id', 'text'],
      ['userId', 'text'],
      ['userPrincipalName', 'text'],
      ['riskEventType', 'text'],
      ['riskLevel', 'text'],
      ['riskState', 'text'],
      ['detectedDateTime', 'text'],
    ],
  },
  {
    name: 'risky_users',
    datasets: ['riskyUsers'],
    key: ['id'],
    columns: [
      ['id', 'text'],
      ['userPrincipalName', 'text'],
      ['riskLevel', 'text'],
      ['riskState', 'text'],
      ['riskLastUpdatedDateTime', 'text'],
    ],
  },
];

/** The spec of one table. */
export function tableSpec(name: TableName): TableSpec {
  const spec = TABLES.find((t) => t.name === name);
  if (!spec) throw new Error(`unknown snapshot table ${name}`);
  return spec;
}

/** SQL type of a column kind. */
export function sqlType(kind: ColumnKind): string {
  return kind === 'int' || kind === 'bool' ? 'INTEGER' : kind === 'real' ? 'REAL' : 'TEXT';
}

/** A row property as SQLite binds it: booleans 0/1, arrays/objects JSON text, undefined null. */
export function encodeValue(kind: ColumnKind, value: unknown): string | number | null {
  if (value === undefined || value === null) return null;
  switch (kind) {
    case 'bool':
      return value ? 1 : 0;
    case 'json':
      return JSON.stringify(value);
    case 'int':
    case 'real':
      return typeof value === 'number' ? value : Number(value);
    default:
      return typeof value === 'string' ? value : String(value);
  }
}

/** The inverse of encodeValue for one column read back from SQLite. */
export function decodeValue(kind: ColumnKind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (kind === 'bool') return value === 1 || value === 1n;
  if (kind === 'json') return JSON.parse(value as string);
  return value;
}
