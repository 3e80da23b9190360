/**
 * Everything the PDF states, gathered before drawing: the snapshot's meta and coverage, the checks
 * run, what the CSVs hold, and per-artifact figures. Memory stays bounded: figures are counts, and
 * entity lists are cut when drawn.
 */
import type { DatasetCoverage, SnapshotMeta } from '../../../shared/snapshot.js';
import type { SnapshotReader } from '../../store/types.js';
import type { AuditLayers } from '../audit-layers.js';
import type { CsvsWritten } from '../csv/write-csvs.js';
import type { CheckRun } from '../types.js';

export interface ArtifactStats {
  users: { total: number; enabled: number; guests: number; neverSignedIn: number; synced: number };
  mfa: { users: number; registered: number };
  conditionalAccess: { total: number; enabled: number; reportOnly: number; disabled: number };
  groups: { groups: number; memberships: number };
  apps: { servicePrincipals: number; sso: number; assignments: number };
}

export interface ReportInput {
  meta: SnapshotMeta;
  coverage: DatasetCoverage[];
  run: CheckRun;
  csv: CsvsWritten;
  /** Framework ids shown (in order). */
  frameworks: string[];
  stats: ArtifactStats;
  signer: { subject: string; fingerprint: string; selfSigned: boolean };
  toolVersion: string;
  now: Date;
  /** Display names of the users the PDF lists as failing entities (entity id -> name); bounded by ENTITY_LIMIT per check. */
  displayNames: Map<string, string>;
  /** Access reviews and samples recorded in the snapshot (the section is left out when both are empty or absent). */
  layers?: AuditLayers;
}

/** Display names of the user entities among `ids` (one pass over the users, keeps only those asked for). */
export function userDisplayNames(reader: SnapshotReader, ids: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const u of reader.users()) if (ids.has(u.id)) out.set(u.id, u.displayName);
  return out;
}

/** Counts per evidence artifact, read from the snapshot. */
export function artifactStats(reader: SnapshotReader): ArtifactStats {
  const users = { total: 0, enabled: 0, guests: 0, neverSignedIn: 0, synced: 0 };
  for (const u of reader.users()) {
    users.total++;
    if (u.accountEnabled) users.enabled++;
    if (u.userType === 'Guest') users.guests++;
    if (!u.lastSignInDateTime && !u.lastNonInteractiveSignInDateTime) users.neverSignedIn++;
    if (u.onPremisesSyncEnabled) users.synced++;
  }
  const mfaRows = reader.mfaRegistrations();
  const policies = reader.conditionalAccessPolicies();
  const sps = reader.servicePrincipals();
  return {
    users,
    mfa: { users: mfaRows.length, registered: mfaRows.filter((m) => m.isMfaRegistered).length },
    conditionalAccess: {
      total: policies.length,
      enabled: policies.filter((p) => p.state === 'enabled').length,
      reportOnly: policies.filter((p) => p.state === 'enabledForReportingButNotEnforced').length,
      disabled: policies.filter((p) => p.state === 'disabled').length,
    },
    groups: { groups: reader.groups().length, memberships: reader.groupMembers().length },
    apps: {
      servicePrincipals: sps.length,
      sso: sps.filter((s) => s.preferredSingleSignOnMode === 'saml' || s.preferredSingleSignOnMode === 'oidc').length,
      assignments: reader.appAssignments().length,
    },
  };
}
