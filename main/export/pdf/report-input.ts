/**
 * Everything the PDF states, gathered before drawing: the snapshot's meta and coverage, the checks
 * run, what the CSVs hold, and per-artifact figures. Memory stays bounded: figures are counts, and
 * entity lists are cut when drawn.
 */
import type { DatasetCoverage, SnapshotMeta } from '../../../shared/snapshot.js';
import type { EvidenceCounts, SnapshotReader } from '../../store/types.js';
import type { AuditLayers } from '../audit-layers.js';
import type { CsvsWritten } from '../csv/write-csvs.js';
import type { CheckRun } from '../types.js';

/** Per-artifact counts: the store's aggregates plus conditional access policy states. */
export interface ArtifactStats extends EvidenceCounts {
  conditionalAccess: { total: number; enabled: number; reportOnly: number; disabled: number };
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

/** Counts per evidence artifact, read from the snapshot. */
export function artifactStats(reader: SnapshotReader): ArtifactStats {
  const policies = reader.conditionalAccessPolicies();
  return {
    ...reader.evidenceCounts(),
    conditionalAccess: {
      total: policies.length,
      enabled: policies.filter((p) => p.state === 'enabled').length,
      reportOnly: policies.filter((p) => p.state === 'enabledForReportingButNotEnforced').length,
      disabled: policies.filter((p) => p.state === 'disabled').length,
    },
  };
}
