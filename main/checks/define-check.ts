/**
 * Builds a Check from its parts so every check file reads the same way: `requires` gates the whole
 * check, `optional` lists datasets the check copes without (it says "not assessed" per entity where
 * one is missing); CheckInfo.datasets is both, for the coverage statement.
 */
import type { DatasetId } from '../../shared/datasets.js';
import type { AppliesTo, CheckResult, Evidence, Outcome, Severity } from '../../shared/results.js';
import type { CheckContext } from './context.js';
import type { Check } from './types.js';

export interface CheckSpec {
  id: string;
  title: string;
  severity: Severity;
  appliesTo: AppliesTo;
  requires: DatasetId[];
  optional?: DatasetId[];
  references: string[];
  controls: string[];
  description: string;
  remediation: string;
  evaluate(ctx: CheckContext, emit: Emit): void;
}

/** Records one entity's result. */
export type Emit = (entity: Entity, outcome: Outcome, reason: string, evidence?: Evidence) => void;

export interface Entity {
  entityType: AppliesTo;
  entityId: string;
  entityName: string;
}

/** A Check from a spec. */
export function defineCheck(spec: CheckSpec): Check {
  const { optional = [], evaluate, ...info } = spec;
  return {
    ...info,
    datasets: [...new Set([...spec.requires, ...optional])],
    evaluate(ctx: CheckContext): CheckResult[] {
      const out: CheckResult[] = [];
      const id = spec.id;
      evaluate(ctx, (entity, outcome, reason, evidence = {}) => {
        // A literal in the contract's key order (checkId, entityType, entityId, entityName, outcome, reason, evidence): no spread per result.
        out.push({ checkId: id, entityType: entity.entityType, entityId: entity.entityId, entityName: entity.entityName, outcome, reason, evidence });
      });
      return out;
    },
  };
}

/** The entity of a user, named by UPN (unique, what an admin searches for). */
export function userEntity(u: { id: string; userPrincipalName: string }): Entity {
  return { entityType: 'user', entityId: u.id, entityName: u.userPrincipalName };
}

/** The tenant as an entity (for tenant-wide settings), with a sub-id when a check reports several. */
export function tenantEntity(name: string, id = 'tenant'): Entity {
  return { entityType: 'tenant', entityId: id, entityName: name };
}
