/**
 * The synthetic tenant: what the generator produces and the Graph emulator serves.
 * Every object is Graph v1.0-shaped JSON (field names and casing as Microsoft documents them), so the
 * emulator can return it as is, after $select. Relationships are kept as maps by id.
 */
import type { LicenceTier } from '../../shared/datasets.js';

export type GraphObject = { id: string } & Record<string, unknown>;

/** Sign-ins are too many to hold for 200k users: they are produced on demand, deterministically. */
export interface SignInSource {
  /** Total number of sign-ins in [from, to) (ISO strings; undefined = open end). */
  count(from?: string, to?: string): number;
  /**
   * Sign-ins in [from, to), newest first (Graph's order), skipping `offset`, at most `limit`.
   * Must be O(limit), not O(offset), so deep pages stay cheap.
   */
  page(from: string | undefined, to: string | undefined, offset: number, limit: number): GraphObject[];
}

export interface TenantData {
  tenantId: string;
  displayName: string;
  primaryDomain: string;
  licence: LicenceTier;
  /** The generator's "now": every relative date (stale, expiring, 30 days of sign-ins) counts from it. */
  now: string;
  seed: number;

  organization: GraphObject[];
  subscribedSkus: GraphObject[];
  domains: GraphObject[];
  /** Users with every property we select, signInActivity included (the emulator strips it by licence). */
  users: GraphObject[];
  deletedUsers: GraphObject[];
  /** userId -> manager's user id (served as /users/{id}/manager and $expand=manager). Added by the generator. */
  userManagers: Map<string, string>;
  /** userId -> Graph authenticationMethod objects (with @odata.type). */
  authenticationMethods: Map<string, GraphObject[]>;
  /** /reports/authenticationMethods/userRegistrationDetails rows. */
  userRegistrationDetails: GraphObject[];

  groups: GraphObject[];
  /** groupId -> ids of direct members (users, groups, devices, service principals). */
  groupMembers: Map<string, string[]>;

  roleDefinitions: GraphObject[];
  roleAssignments: GraphObject[];
  /**
   * /roleManagement/directory/roleAssignmentSchedules (PIM, P2 only; empty otherwise): one per active
   * assignment, scheduleInfo.expiration says permanent (noExpiration) or time-bound (afterDateTime).
   * Added by the generator.
   */
  roleAssignmentSchedules: GraphObject[];
  roleEligibilitySchedules: GraphObject[];

  servicePrincipals: GraphObject[];
  /** servicePrincipalId -> appRoleAssignment objects granting users/groups access to that app. */
  appRoleAssignedTo: Map<string, GraphObject[]>;
  /** servicePrincipalId -> app permissions that SP holds on other resources (e.g. Microsoft Graph). */
  appRoleAssignments: Map<string, GraphObject[]>;
  /** App registrations, with passwordCredentials / keyCredentials (never the secret values). */
  applications: GraphObject[];
  /** application object id -> owner object ids. */
  applicationOwners: Map<string, string[]>;

  devices: GraphObject[];
  /** deviceId (object id) -> registered owner user ids (served as /devices/{id}/registeredOwners). Added by the generator. */
  deviceOwners: Map<string, string[]>;

  conditionalAccessPolicies: GraphObject[];
  namedLocations: GraphObject[];
  authenticationStrengthPolicies: GraphObject[];
  securityDefaults: GraphObject;

  signIns: SignInSource;
  alerts: GraphObject[];
  riskDetections: GraphObject[];
  riskyUsers: GraphObject[];
}
