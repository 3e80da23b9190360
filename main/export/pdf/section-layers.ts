/**
 * The report's section on what the auditor recorded in the snapshot: each access review campaign
 * with decisions (items, keep/remove, reviewers) and each sample (population, size, seed, population
 * size, algorithm), pointing to csv/access-reviews.csv and csv/samples.csv for every row; and,
 * when asked, the changes since an older snapshot per section (every change in csv/diff.csv).
 */
import { DIFF_SECTIONS } from '../../diff/diff-types.js';
import { columns, type Flow } from './layout.js';
import type { ReportInput } from './report-input.js';

/** Changes listed per diff section in the PDF; the rest are in csv/diff.csv. */
const DIFF_LIMIT = 15;

/** Draws the section; nothing when there is no reviewed campaign, no sample and no diff. */
export function auditLayersSection(flow: Flow, r: ReportInput): void {
  const l = r.layers;
  if (!l || (!l.reviews.length && !l.samples.length && !l.diff)) return;
  flow.heading(l.reviews.length || l.samples.length ? 'Access reviews and samples' : 'Changes since the previous snapshot');
  if (l.diff) {
    const d = l.diff;
    if (l.reviews.length || l.samples.length) flow.heading('Changes since the previous snapshot', 2);
    flow.para(
      `${d.changes.length} changes since the snapshot collected ${d.old.collectedAt} (${d.old.snapshotId}). Every change is in csv/diff.csv.`,
    );
    for (const s of DIFF_SECTIONS) {
      const changes = d.changes.filter((c) => c.section === s);
      const skipped = d.skipped.filter((k) => k.section === s);
      if (!changes.length && !skipped.length) continue;
      flow.heading(`${s} (${changes.length})`, 3);
      for (const k of skipped) flow.para(`Not compared: ${k.reason}.`, { size: 8.5 });
      for (const c of changes.slice(0, DIFF_LIMIT)) flow.para(`${c.kind}: ${c.description}`, { size: 8.5 });
      if (changes.length > DIFF_LIMIT) flow.para(`… and ${changes.length - DIFF_LIMIT} more: see csv/diff.csv.`, { size: 8.5 });
    }
  }
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
