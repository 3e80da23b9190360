/**
 * Check and result types shared by the engine, the exporter, the CLI JSON contract and the renderer.
 */
import type { DatasetId } from './datasets.js';

export type Severity = 'Critical' | 'High' | 'Medium' | 'Low' | 'Info';
export const SEVERITIES: readonly Severity[] = ['Critical', 'High', 'Medium', 'Low', 'Info'];

export type AppliesTo = 'user' | 'policy' | 'application' | 'servicePrincipal' | 'roleAssignment' | 'device' | 'tenant' | 'hrRecord';

/**
 * external = decided outside Entra ID (e.g. MFA at a federated IdP);
 * not-assessed = a dataset the check needs was not (fully) collected: never a pass.
 */
export type Outcome = 'pass' | 'fail' | 'not-applicable' | 'not-assessed' | 'exception' | 'external';
export const OUTCOMES: readonly Outcome[] = ['pass', 'fail', 'not-applicable', 'not-assessed', 'exception', 'external'];

/** Evidence values are flat and printable: they go to CSV, PDF and JSON unchanged. */
export type Evidence = Record<string, string | number | boolean | null>;

export interface CheckResult {
  checkId: string;
  entityType: AppliesTo;
  entityId: string;
  entityName: string;
  outcome: Outcome;
  reason: string;
  evidence: Evidence;
  /** Set when outcome is 'exception': the accepted risk that applies. */
  exceptionId?: string;
}

export interface CheckInfo {
  id: string;
  title: string;
  severity: Severity;
  appliesTo: AppliesTo;
  description: string;
  /** What a failing entity should do. */
  remediation: string;
  datasets: DatasetId[];
  /** Equivalent ids in CIS M365 Foundations, CISA SCuBA (MS.AAD.x), Maester (MT.x/EIDSCA). */
  references: string[];
  /** Framework control ids, e.g. "SOC2:CC6.1", "ISO27001-2022:A.8.5". */
  controls: string[];
}

export type OutcomeCounts = Record<Outcome, number>;

export interface CheckSummary extends CheckInfo {
  counts: OutcomeCounts;
  /** fail when any entity fails; not-assessed when it could not run; pass otherwise. */
  status: 'pass' | 'fail' | 'not-assessed' | 'not-applicable';
  notAssessedReason: string | null;
}

/** Time-boxed risk acceptance for one check and entity ("*" = every entity of the check). */
export interface RiskException {
  id: string;
  checkId: string;
  entityId: string;
  reason: string;
  approver: string;
  createdAt: string;
  /** ISO date; the exception stops applying after it. */
  expiresAt: string;
}

export type ControlStatus = 'pass' | 'fail' | 'partial' | 'not-assessed' | 'not-applicable';

export interface ControlResult {
  framework: string;
  controlId: string;
  title: string;
  status: ControlStatus;
  checkIds: string[];
  artifacts: string[];
}
