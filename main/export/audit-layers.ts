/**
 * What an auditor recorded in a snapshot beside the collected data (access review campaigns with
 * their decisions, drawn samples), read once so the pack's CSVs and PDF state the same thing.
 */
import { existsSync } from 'node:fs';
import type { SnapshotDiff } from '../diff/diff-types.js';
import { completedReviewRows, type CompletedReviewRow } from '../reviews/review-csv.js';
import { ReviewLayer } from '../reviews/review-store.js';
import type { RecordedSample } from '../sampling/sample-store.js';
import { SampleLayer } from '../sampling/sample-store.js';
import type { SampleRow } from '../sampling/sample-csv.js';

/** A campaign as the pack reports it: counts and who decided. */
export interface ReviewedCampaign {
  id: string;
  name: string;
  items: number;
  keep: number;
  remove: number;
  reviewers: string[];
  rows: CompletedReviewRow[];
}

export interface AuditLayers {
  /** Campaigns with at least one recorded decision, oldest first. */
  reviews: ReviewedCampaign[];
  samples: RecordedSample[];
  /** Changes since an older snapshot of the tenant, when the export was asked for them. */
  diff?: SnapshotDiff;
}

/** Reads the review and sample layers of the snapshot file at `path` (none when it is not a file). */
export function readAuditLayers(path: string): AuditLayers {
  if (!existsSync(path)) return { reviews: [], samples: [] };
  const reviews: ReviewedCampaign[] = [];
  const rl = ReviewLayer.open(path, true);
  try {
    for (const c of rl.campaigns()) {
      if (c.keep + c.remove === 0) continue;
      const campaign = rl.campaign(c.id);
      if (!campaign) continue;
      const decisions = rl.decisions(c.id);
      reviews.push({
        id: c.id,
        name: c.name,
        items: c.items,
        keep: c.keep,
        remove: c.remove,
        reviewers: [...new Set(decisions.map((d) => d.reviewer))].sort(),
        rows: completedReviewRows(campaign, decisions),
      });
    }
  } finally {
    rl.close();
  }
  const sl = SampleLayer.open(path, true);
  try {
    return { reviews, samples: sl.samples() };
  } finally {
    sl.close();
  }
}

/** Every review row of the campaigns, in campaign then item order. */
export function* reviewRows(layers: AuditLayers): Generator<CompletedReviewRow> {
  for (const c of layers.reviews) yield* c.rows;
}

/** Every drawn item of the samples, in recording then draw order. */
export function* sampleRows(layers: AuditLayers): Generator<SampleRow> {
  for (const s of layers.samples) for (const item of s.sample.items) yield { sample: s.sample, item };
}
