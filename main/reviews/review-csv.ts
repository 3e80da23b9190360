/**
 * Column contract of the pack's completed access review CSV (evidence for SOC 2 CC6.2/CC6.3 and
 * ISO 27001:2022 A.5.18), in the exporter's CsvTable form, and the rows it is written from.
 */
import type { CsvTable } from '../export/csv/csv-table.js';
import type { Campaign, ReviewItem } from './campaign.js';
import type { RecordedDecision } from './review-store.js';

/** One reviewed (or not yet reviewed) access, with its campaign and decision. */
export interface CompletedReviewRow {
  campaign: Campaign;
  item: ReviewItem;
  decision: RecordedDecision | null;
}

/** Joins a campaign's items with their recorded decisions, in item order. */
export function completedReviewRows(campaign: Campaign, decisions: readonly RecordedDecision[]): CompletedReviewRow[] {
  const byItem = new Map(decisions.map((d) => [d.itemId, d]));
  return campaign.items.map((item) => ({ campaign, item, decision: byItem.get(item.itemId) ?? null }));
}

const ev = (r: CompletedReviewRow, key: string) => r.item.evidence[key] ?? null;

export const REVIEW_TABLE: CsvTable<CompletedReviewRow> = {
  file: 'access-reviews.csv',
  title: 'Access reviews',
  doc: 'One row per access reviewed in a campaign, with the evidence shown to the reviewer and the decision recorded.',
  columns: [
    { name: 'campaignId', doc: 'campaign id', value: (r) => r.campaign.id },
    { name: 'campaignName', doc: 'campaign name', value: (r) => r.campaign.name },
    { name: 'itemId', doc: 'item id within the campaign', value: (r) => r.item.itemId },
    { name: 'resourceType', doc: 'group, role or application', value: (r) => r.item.resourceType },
    { name: 'resource', doc: 'display name of the group, role or application', value: (r) => r.item.resourceName },
    { name: 'resourceId', doc: 'object id of the resource', value: (r) => r.item.resourceId },
    { name: 'principalType', doc: 'user or servicePrincipal', value: (r) => r.item.principalType },
    { name: 'principal', doc: 'display name', value: (r) => r.item.principalName },
    { name: 'principalId', doc: 'object id', value: (r) => r.item.principalId },
    { name: 'upn', doc: 'user principal name', value: (r) => ev(r, 'upn') },
    { name: 'grantedVia', doc: 'how access was granted (direct, via group, role kind)', value: (r) => r.item.grantedVia },
    { name: 'accountEnabled', doc: 'account enabled at collection', value: (r) => ev(r, 'accountEnabled') },
    { name: 'lastSignIn', doc: 'last sign-in (interactive or not), "never" or "not collected"', value: (r) => ev(r, 'lastSignIn') },
    { name: 'mfaMethods', doc: 'strong MFA methods registered, "none" or "not collected"', value: (r) => ev(r, 'mfaMethods') },
    { name: 'department', doc: 'department', value: (r) => ev(r, 'department') },
    { name: 'manager', doc: 'manager', value: (r) => ev(r, 'manager') },
    { name: 'decision', doc: 'keep, remove, or empty when not decided', value: (r) => r.decision?.decision ?? null },
    { name: 'reviewer', doc: 'who decided', value: (r) => r.decision?.reviewer ?? null },
    { name: 'decidedAt', doc: 'date of the decision as the reviewer wrote it', value: (r) => r.decision?.decidedAt ?? null },
    { name: 'comment', doc: "reviewer's comment", value: (r) => r.decision?.comment ?? null },
    { name: 'importedAt', doc: 'when the decision was imported into the snapshot', value: (r) => r.decision?.importedAt ?? null },
  ],
};
