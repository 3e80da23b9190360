/**
 * The part of a snapshot that the diff, reviews and sampling read. A SnapshotReader is one as it is;
 * keeping the needs this narrow lets tests feed plain arrays and keeps these features off the SQL.
 */
import type { SnapshotReader } from '../store/types.js';

export type SnapshotView = Pick<SnapshotReader,
  | 'meta' | 'coverageOf' | 'users' | 'deletedUsers' | 'mfaRegistrations' | 'groups' | 'groupMembers'
  | 'roleDefinitions' | 'roleAssignments' | 'servicePrincipals' | 'appAssignments' | 'applications'
  | 'appCredentials' | 'conditionalAccessPolicies' | 'namedLocations' | 'devices' | 'signIns'>;
