/**
 * The report's section on what the auditor recorded in the snapshot: each access review campaign
 * with decisions (items, keep/remove, reviewers) and each sample (population, size, seed, population
 * size, algorithm), pointing to csv/access-reviews.csv and csv/samples.csv for every row.
 */
import { columns, type Flow } from './layout.js';
import type { ReportInput } from './report-input.js';

/** Draws the section; nothing when the snapshot holds no reviewed campaign and no sample. */
export function auditLayersSection(flow: Flow, r: ReportInput): void {
  const l = r.layers;
  if (!l || (!l.reviews.length && !l.samples.length)) return;
  flow.heading('Access reviews and samples');
  if (l.reviews.length) {
    flow.heading('Access reviews', 2);
    flow.para(
      'Campaigns with recorded decisions (SOC 2 CC6.2/CC6.3, ISO 27001:2022 A.5.18). Every item, the evidence shown to the reviewer and the decision are in csv/access-reviews.csv.',
    );
    flow.table(
      columns([
        ['Campaign', 3.6],
        ['Items', 0.8],
        ['Keep', 0.8],
        ['Remove', 0.9],
        ['Undecided', 1.1],
        ['Reviewers', 3.8],
      ]),
      l.reviews.map((c) => [
        c.name,
        String(c.items),
        String(c.keep),
        String(c.remove),
        String(c.items - c.keep - c.remove),
        c.reviewers.join(', '),
      ]),
      7.5,
    );
  }
  if (l.samples.length) {
    flow.heading('Auditor samples', 2);
    flow.para(
      'Each sample can be redrawn from the same snapshot with its seed (entra-audit sample); the drawn items and their evidence are in csv/samples.csv.',
    );
    flow.table(
      columns([
        ['Population', 2.6],
        ['Size', 0.8],
        ['Seed', 1.9],
        ['Population size', 1.5],
        ['Algorithm', 4.2],
      ]),
      l.samples.map((s) => [
        s.sample.population,
        String(s.sample.sampleSize),
        s.sample.seed,
        String(s.sample.populationSize),
        s.sample.algorithm.split(':')[0],
      ]),
      7.5,
    );
  }
}
