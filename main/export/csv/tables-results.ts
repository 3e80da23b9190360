/**
 * Column contracts of the result CSVs: checks, per-entity check results, control mapping per
 * framework, dataset coverage, exceptions and the MFA passthrough list.
 */
import type { CheckResult, CheckSummary, ControlResult, RiskException } from '../../../shared/results.js';
import type { DatasetCoverage } from '../../../shared/snapshot.js';
import type { PassthroughRow } from '../../checks/passthrough.js';
import { isoUtc } from './csv-cell.js';
import { list, type CsvTable } from './csv-table.js';

export const CHECKS_TABLE: CsvTable<CheckSummary> = {
  file: 'checks.csv',
  title: 'Checks',
  doc: 'One row per check with its status and outcome counts.',
  columns: [
    { name: 'checkId', doc: 'check id', value: (c) => c.id },
    { name: 'title', doc: 'title', value: (c) => c.title },
    { name: 'severity', doc: 'Critical, High, Medium, Low, Info', value: (c) => c.severity },
    { name: 'appliesTo', doc: 'entity kind evaluated', value: (c) => c.appliesTo },
    { name: 'status', doc: 'pass, fail, not-assessed, not-applicable', value: (c) => c.status },
    { name: 'notAssessedReason', doc: 'why it could not run', value: (c) => c.notAssessedReason },
    { name: 'pass', doc: 'entities passing', value: (c) => c.counts.pass },
    { name: 'fail', doc: 'entities failing', value: (c) => c.counts.fail },
    { name: 'exception', doc: 'entities under an accepted risk', value: (c) => c.counts.exception },
    { name: 'external', doc: 'entities decided outside Entra ID', value: (c) => c.counts.external },
    { name: 'notApplicable', doc: 'entities not applicable', value: (c) => c.counts['not-applicable'] },
    { name: 'notAssessed', doc: 'entities not assessed', value: (c) => c.counts['not-assessed'] },
    { name: 'datasets', doc: 'datasets the check needs', value: (c) => list(c.datasets) },
    { name: 'references', doc: 'CIS / SCuBA / Maester equivalents', value: (c) => list(c.references) },
    { name: 'controls', doc: 'framework controls, e.g. SOC2:CC6.1', value: (c) => list(c.controls) },
  ],
};

export const RESULTS_TABLE: CsvTable<CheckResult> = {
  file: 'check-results.csv',
  title: 'Check results',
  doc: 'One row per (check, entity) with the evidence that justifies the outcome.',
  columns: [
    { name: 'checkId', doc: 'check id', value: (r) => r.checkId },
    { name: 'entityType', doc: 'user, policy, application ...', value: (r) => r.entityType },
    { name: 'entityId', doc: 'Entra object id (users) or entity key', value: (r) => r.entityId },
    { name: 'entityName', doc: 'UPN or display name', value: (r) => r.entityName },
    { name: 'outcome', doc: 'pass, fail, not-applicable, not-assessed, exception, external', value: (r) => r.outcome },
    { name: 'reason', doc: 'why, in words', value: (r) => r.reason },
    { name: 'exceptionId', doc: 'accepted risk applied (outcome exception)', value: (r) => r.exceptionId ?? null },
    { name: 'evidence', doc: 'evidence fields as a JSON object', value: (r) => JSON.stringify(r.evidence) },
  ],
};

/** The per-framework control mapping; one file per framework (`controls-<framework>.csv`). */
export function controlsTable(framework: string): CsvTable<ControlResult> {
  return {
    file: `controls-${frameworkSlug(framework)}.csv`,
    title: `Control mapping: ${framework}`,
    doc: 'One row per control of the framework with its status from the checks mapped to it.',
    columns: [
      { name: 'framework', doc: 'framework id', value: (c) => c.framework },
      { name: 'controlId', doc: 'control id', value: (c) => c.controlId },
      { name: 'title', doc: 'control title', value: (c) => c.title },
      { name: 'status', doc: 'pass, fail, partial, not-assessed, not-applicable', value: (c) => c.status },
      { name: 'checkIds', doc: 'checks mapped to it', value: (c) => list(c.checkIds) },
      { name: 'artifacts', doc: 'evidence artifacts (CSV files) mapped to it', value: (c) => list(c.artifacts) },
    ],
  };
}

/** File-name form of a framework id: lower-case letters, digits and dashes. */
export function frameworkSlug(framework: string): string {
  return (
    framework
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'framework'
  );
}

export const COVERAGE_TABLE: CsvTable<DatasetCoverage> = {
  file: 'dataset-coverage.csv',
  title: 'Dataset coverage',
  doc: 'One row per dataset: collected or not, and why.',
  columns: [
    { name: 'dataset', doc: 'dataset id', value: (d) => d.dataset },
    { name: 'status', doc: 'complete, partial, unavailable, not-collected', value: (d) => d.status },
    { name: 'code', doc: "Graph's error code when not complete", value: (d) => d.code },
    { name: 'reason', doc: 'why, in words', value: (d) => d.reason },
    { name: 'rows', doc: 'rows stored', value: (d) => d.rows },
    { name: 'requests', doc: 'Graph requests made', value: (d) => d.requests },
    { name: 'throttleWaits', doc: 'times Graph throttled us', value: (d) => d.throttleWaits },
    { name: 'startedAt', doc: 'started', value: (d) => isoUtc(d.startedAt) },
    { name: 'finishedAt', doc: 'finished', value: (d) => isoUtc(d.finishedAt) },
  ],
};

export const EXCEPTIONS_TABLE: CsvTable<RiskException> = {
  file: 'exceptions.csv',
  title: 'Exceptions (accepted risks)',
  doc: 'One row per risk acceptance the checks run used; entityId `*` covers every entity of the check.',
  columns: [
    { name: 'id', doc: 'exception id', value: (e) => e.id },
    { name: 'checkId', doc: 'check', value: (e) => e.checkId },
    { name: 'entityId', doc: 'entity id or *', value: (e) => e.entityId },
    { name: 'reason', doc: 'why the risk is accepted', value: (e) => e.reason },
    { name: 'approver', doc: 'who approved', value: (e) => e.approver },
    { name: 'createdAt', doc: 'when recorded', value: (e) => isoUtc(e.createdAt) },
    { name: 'expiresAt', doc: 'stops applying after', value: (e) => isoUtc(e.expiresAt) },
  ],
};

export const PASSTHROUGH_TABLE: CsvTable<PassthroughRow> = {
  file: 'mfa-passthrough.csv',
  title: 'MFA passthrough (SSO applications)',
  doc: 'One row per enterprise application signing in through Microsoft SSO (SAML or OIDC) and user left without MFA on it; a fully covered application has one row with no user.',
  columns: [
    { name: 'application', doc: 'application name', value: (p) => p.application },
    { name: 'appId', doc: 'application id', value: (p) => p.appId },
    { name: 'ssoMode', doc: 'saml or oidc', value: (p) => p.ssoMode },
    {
      name: 'coverage',
      doc: 'full, partial or none: conditional access enforces MFA for all, some or none of its users',
      value: (p) => p.coverage,
    },
    { name: 'usersInScope', doc: 'users who can sign in to it', value: (p) => p.usersInScope },
    { name: 'usersCovered', doc: 'of those, users MFA is enforced for', value: (p) => p.usersCovered },
    {
      name: 'enforcingPolicies',
      doc: 'enabled policies enforcing MFA on it, `; `-separated',
      value: (p) => p.enforcingPolicies,
    },
    { name: 'leftOutUserId', doc: 'object id of a user left out (empty: none)', value: (p) => p.leftOutUserId },
    { name: 'leftOutUser', doc: 'UPN of that user', value: (p) => p.leftOutUser },
    { name: 'why', doc: 'why MFA is not enforced for that user', value: (p) => p.why },
  ],
};
