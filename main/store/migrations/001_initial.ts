/**
 * Schema 1: the collected tables (one per object kind, see tables.ts), meta, dataset coverage, the
 * resume cursors, and the results layer (tables prefixed `layer_`, never part of the content hash).
 * Append-only: never edit a migration that has shipped; add 002_... instead.
 */
import type { Migration } from './migration.js';

export const migration001: Migration = {
  version: 1,
  name: 'initial',
  sql: `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE datasets (
    dataset TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    code TEXT,
    reason TEXT,
    rows INTEGER NOT NULL DEFAULT 0,
    requests INTEGER NOT NULL DEFAULT 0,
    throttleWaits INTEGER NOT NULL DEFAULT 0,
    startedAt TEXT,
    finishedAt TEXT
  );
  CREATE TABLE resume (
    dataset TEXT NOT NULL,
    slice TEXT NOT NULL,
    nextLink TEXT,
    done INTEGER NOT NULL DEFAULT 0,
    pages INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (dataset, slice)
  );
  CREATE TABLE organization (
    "id" TEXT PRIMARY KEY,
    "displayName" TEXT,
    raw TEXT NOT NULL
  );
  CREATE TABLE skus (
    "skuId" TEXT PRIMARY KEY,
    "skuPartNumber" TEXT,
    "capabilityStatus" TEXT,
    "enabledUnits" INTEGER,
    "consumedUnits" INTEGER,
    "servicePlanNames" TEXT,
    raw TEXT NOT NULL
  );
  CREATE TABLE domains (
    "id" TEXT PRIMARY KEY,
    "authenticationType" TEXT,
    "isVerified" INTEGER,
    "isDefault" INTEGER,
    raw TEXT NOT NULL
  );
  CREATE TABLE users (
    "id" TEXT PRIMARY KEY,
    "userPrincipalName" TEXT,
    "displayName" TEXT,
    "mail" TEXT,
    "givenName" TEXT,
    "surname" TEXT,
    "department" TEXT,
    "jobTitle" TEXT,
    "employeeId" TEXT,
    "userType" TEXT,
    "accountEnabled" INTEGER,
    "createdDateTime" TEXT,
    "onPremisesSyncEnabled" INTEGER,
    "passwordPolicies" TEXT,
    "lastPasswordChangeDateTime" TEXT,
    "lastSignInDateTime" TEXT,
    "lastNonInteractiveSignInDateTime" TEXT,
    "domain" TEXT,
    "managerId" TEXT,
    raw TEXT NOT NULL
  );
  CREATE TABLE deleted_users (
    "id" TEXT PRIMARY KEY,
    "userPrincipalName" TEXT,
    "displayName" TEXT,
    "mail" TEXT,
    "employeeId" TEXT,
    "deletedDateTime" TEXT,
    raw TEXT NOT NULL
  );
  CREATE TABLE mfa_registrations (
    "userId" TEXT PRIMARY KEY,
    "userPrincipalName" TEXT,
    "methods" TEXT,
    "isMfaRegistered" INTEGER,
    "isAdmin" INTEGER,
    "source" TEXT,
    raw TEXT NOT NULL
  );
  CREATE TABLE ca_policies (
    "id" TEXT PRIMARY KEY,
    "displayName" TEXT,
    "state" TEXT,
    raw TEXT NOT NULL
  );
  CREATE TABLE named_locations (
    "id" TEXT PRIMARY KEY,
    "displayName" TEXT,
    raw TEXT NOT NULL
  );
  CREATE TABLE auth_strengths (
    "id" TEXT PRIMARY KEY,
    "displayName" TEXT,
    "policyType" TEXT,
    raw TEXT NOT NULL
  );
  CREATE TABLE security_defaults (
    "id" TEXT PRIMARY KEY,
    "isEnabled" INTEGER,
    raw TEXT NOT NULL
  );
  CREATE TABLE sign_ins (
    "id" TEXT PRIMARY KEY,
    "createdDateTime" TEXT,
    "userId" TEXT,
    "userPrincipalName" TEXT,
    "appId" TEXT,
    "appDisplayName" TEXT,
    "resourceDisplayName" TEXT,
    "clientAppUsed" TEXT,
    "ipAddress" TEXT,
    "city" TEXT,
    "countryOrRegion" TEXT,
    "errorCode" INTEGER,
    "failureReason" TEXT,
    "conditionalAccessStatus" TEXT,
    "authenticationRequirement" TEXT,
    "riskLevelDuringSignIn" TEXT,
    "riskLevelAggregated" TEXT,
    "riskState" TEXT,
    "isInteractive" INTEGER,
    "deviceId" TEXT,
    "deviceIsCompliant" INTEGER,
    "deviceIsManaged" INTEGER,
    "deviceTrustType" TEXT,
    raw TEXT NOT NULL
  );
  CREATE TABLE groups (
    "id" TEXT PRIMARY KEY,
    "displayName" TEXT,
    "mail" TEXT,
    "securityEnabled" INTEGER,
    "mailEnabled" INTEGER,
    "groupTypes" TEXT,
    "isAssignableToRole" INTEGER,
    "onPremisesSyncEnabled" INTEGER,
    raw TEXT NOT NULL
  );
  CREATE TABLE group_members (
    "groupId" TEXT,
    "memberId" TEXT,
    "memberType" TEXT,
    raw TEXT NOT NULL,
    PRIMARY KEY ("groupId", "memberId")
  );
  CREATE TABLE role_definitions (
    "id" TEXT PRIMARY KEY,
    "templateId" TEXT,
    "displayName" TEXT,
    "isBuiltIn" INTEGER,
    "isPrivileged" INTEGER,
    raw TEXT NOT NULL
  );
  CREATE TABLE role_assignments (
    "id" TEXT,
    "principalId" TEXT,
    "roleDefinitionId" TEXT,
    "directoryScopeId" TEXT,
    "kind" TEXT,
    "startDateTime" TEXT,
    "endDateTime" TEXT,
    raw TEXT NOT NULL,
    PRIMARY KEY ("kind", "id")
  );
  CREATE TABLE service_principals (
    "id" TEXT PRIMARY KEY,
    "appId" TEXT,
    "displayName" TEXT,
    "accountEnabled" INTEGER,
    "servicePrincipalType" TEXT,
    "preferredSingleSignOnMode" TEXT,
    "appRoleAssignmentRequired" INTEGER,
    "appOwnerOrganizationId" TEXT,
    "tags" TEXT,
    raw TEXT NOT NULL
  );
  CREATE TABLE app_assignments (
    "id" TEXT PRIMARY KEY,
    "resourceId" TEXT,
    "resourceDisplayName" TEXT,
    "principalId" TEXT,
    "principalType" TEXT,
    "principalDisplayName" TEXT,
    "appRoleId" TEXT,
    "createdDateTime" TEXT,
    raw TEXT NOT NULL
  );
  CREATE TABLE app_permission_grants (
    "id" TEXT PRIMARY KEY,
    "resourceId" TEXT,
    "resourceDisplayName" TEXT,
    "principalId" TEXT,
    "principalType" TEXT,
    "principalDisplayName" TEXT,
    "appRoleId" TEXT,
    "createdDateTime" TEXT,
    raw TEXT NOT NULL
  );
  CREATE TABLE applications (
    "id" TEXT PRIMARY KEY,
    "appId" TEXT,
    "displayName" TEXT,
    "signInAudience" TEXT,
    "createdDateTime" TEXT,
    "ownerIds" TEXT,
    raw TEXT NOT NULL
  );
  CREATE TABLE app_credentials (
    "appObjectId" TEXT,
    "appId" TEXT,
    "appDisplayName" TEXT,
    "keyId" TEXT,
    "kind" TEXT,
    "displayName" TEXT,
    "startDateTime" TEXT,
    "endDateTime" TEXT,
    raw TEXT NOT NULL,
    PRIMARY KEY ("appObjectId", "keyId")
  );
  CREATE TABLE devices (
    "id" TEXT PRIMARY KEY,
    "deviceId" TEXT,
    "displayName" TEXT,
    "operatingSystem" TEXT,
    "operatingSystemVersion" TEXT,
    "accountEnabled" INTEGER,
    "isCompliant" INTEGER,
    "isManaged" INTEGER,
    "trustType" TEXT,
    "approximateLastSignInDateTime" TEXT,
    "registeredOwnerIds" TEXT,
    raw TEXT NOT NULL
  );
  CREATE TABLE alerts (
    "id" TEXT PRIMARY KEY,
    "title" TEXT,
    "severity" TEXT,
    "status" TEXT,
    "category" TEXT,
    "serviceSource" TEXT,
    "createdDateTime" TEXT,
    "userIds" TEXT,
    raw TEXT NOT NULL
  );
  CREATE TABLE risk_detections (
    "id" TEXT PRIMARY KEY,
    "userId" TEXT,
    "userPrincipalName" TEXT,
    "riskEventType" TEXT,
    "riskLevel" TEXT,
    "riskState" TEXT,
    "detectedDateTime" TEXT,
    raw TEXT NOT NULL
  );
  CREATE TABLE risky_users (
    "id" TEXT PRIMARY KEY,
    "userPrincipalName" TEXT,
    "riskLevel" TEXT,
    "riskState" TEXT,
    "riskLastUpdatedDateTime" TEXT,
    raw TEXT NOT NULL
  );
  CREATE INDEX users_upn ON users ("userPrincipalName" COLLATE NOCASE);
  CREATE INDEX sign_ins_created ON sign_ins ("createdDateTime");
  CREATE INDEX sign_ins_user ON sign_ins ("userId", "createdDateTime");
  CREATE INDEX group_members_member ON group_members ("memberId");
  CREATE INDEX role_assignments_principal ON role_assignments ("principalId");
  CREATE INDEX app_assignments_principal ON app_assignments ("principalId");
  CREATE TABLE layer_check_results (
    checkId TEXT NOT NULL,
    entityType TEXT NOT NULL,
    entityId TEXT NOT NULL,
    entityName TEXT NOT NULL,
    outcome TEXT NOT NULL,
    reason TEXT NOT NULL,
    evidence TEXT NOT NULL,
    exceptionId TEXT,
    PRIMARY KEY (checkId, entityId)
  );
  CREATE TABLE layer_exceptions (
    id TEXT PRIMARY KEY,
    checkId TEXT NOT NULL,
    entityId TEXT NOT NULL,
    reason TEXT NOT NULL,
    approver TEXT NOT NULL,
    createdAt TEXT NOT NULL,
    expiresAt TEXT NOT NULL
  );
  `,
};
