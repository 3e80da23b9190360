/**
 * What changed between two snapshots of one tenant: the JSON contract of `entra-audit diff --json`
 * and what the app's Diff screen and the pack's diff section show.
 */

export type DiffSection =
  | 'admins'
  | 'role-assignments'
  | 'mfa'
  | 'accounts'
  | 'leavers'
  | 'conditional-access'
  | 'applications'
  | 'credentials'
  | 'check-results';

/** Sections in the order they are printed. */
export const DIFF_SECTIONS: readonly DiffSection[] = ['admins', 'role-assignments', 'mfa', 'accounts', 'leavers',
  'conditional-access', 'applications', 'credentials', 'check-results'];

/** One change, in words, with the object it is about. */
export interface DiffChange {
  section: DiffSection;
  kind: 'added' | 'removed' | 'changed';
  /** "user", "group", "servicePrincipal", "policy", "namedLocation", "application", "credential", "roleAssignment", or a check result's entity type. */
  entityType: string;
  entityId: string;
  entityName: string;
  /** A sentence: "excluded group Break Glass from policy Require MFA". */
  description: string;
  before: string | null;
  after: string | null;
}

/** Which snapshot is which. */
export interface DiffSide {
  path: string;
  snapshotId: string;
  collectedAt: string;
  contentHash: string | null;
}

export interface SnapshotDiff {
  tenantId: string;
  tenantName: string;
  old: DiffSide;
  new: DiffSide;
  changes: DiffChange[];
  /** Sections that could not be compared, and why (e.g. a dataset not collected in one snapshot). */
  skipped: { section: DiffSection; reason: string }[];
  counts: Record<DiffSection, number>;
}

/** The two snapshots are of different tenants: a diff would be meaningless. */
export class TenantMismatchError extends Error {}
