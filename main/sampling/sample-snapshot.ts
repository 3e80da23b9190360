/**
 * An auditor's sample from a snapshot: the population, the documented draw, and evidence per item,
 * with everything needed to redraw it (seed, population size, algorithm, snapshot content hash).
 */
import { randomInt } from 'node:crypto';
import type { Evidence } from '../../shared/results.js';
import type { SnapshotView } from '../diff/snapshot-view.js';
import type { TerminationRecord } from '../checks/types.js';
import { drawSample, type DrawnId } from './draw-sample.js';
import { population, type PopulationName } from './populations.js';

export interface SampleItem extends DrawnId {
  name: string;
  evidence: Evidence;
}

export interface SnapshotSample {
  tenantId: string;
  tenantName: string;
  snapshotId: string;
  contentHash: string | null;
  population: PopulationName;
  populationDescription: string;
  seed: string;
  populationSize: number;
  sampleSize: number;
  algorithm: string;
  items: SampleItem[];
}

/** A fresh seed for when the auditor gives none: a random whole number, printed so it can be reused. */
export function newSeed(): string {
  return String(randomInt(0, 2 ** 31 - 1));
}

/** Draws `size` items of population `name` from a snapshot. */
export function sampleSnapshot(view: SnapshotView, name: PopulationName, size: number, seed: string, leavers?: readonly TerminationRecord[]): SnapshotSample {
  const pop = population(view, name, leavers);
  const draw = drawSample(pop.ids, size, seed);
  const described = pop.describe(draw.picks.map((p) => p.id));
  const meta = view.meta();
  return {
    tenantId: meta.tenantId, tenantName: meta.tenantName, snapshotId: meta.snapshotId, contentHash: meta.contentHash,
    population: name, populationDescription: pop.description, seed: draw.seed, populationSize: draw.populationSize,
    sampleSize: draw.sampleSize, algorithm: draw.algorithm,
    items: draw.picks.map((p) => ({ ...p, ...described.get(p.id)! })),
  };
}
