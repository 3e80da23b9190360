/**
 * The review workbook: one CSV (RFC 4180, UTF-8 with BOM, CRLF, formula-injection-safe cells, the
 * same rule as the pack's CSVs) that goes to reviewers and comes back with a decision per row.
 * Reading it back checks every row and reports each problem with its line; nothing is recorded
 * from a workbook that has any.
 */
import { csvRecord, restoreCell } from '../export/csv/csv-cell.js';
import { BOM } from '../export/csv/csv-writer.js';
import type { Campaign, ReviewItem } from './campaign.js';
import { CsvSyntaxError, parseCsv } from './csv-parse.js';

export type Decision = 'keep' | 'remove';

/** A reviewer's decision on one item. */
export interface ReviewDecision {
  itemId: string;
  decision: Decision;
  reviewer: string;
  /** As written by the reviewer: YYYY-MM-DD or a full ISO 8601 time. */
  decidedAt: string;
  comment: string;
}

/** The workbook's columns, in order. The last four are the reviewer's to fill. */
export const WORKBOOK_COLUMNS = ['campaign_id', 'item_id', 'resource_type', 'resource', 'resource_id', 'principal_type', 'principal',
  'principal_id', 'upn', 'granted_via', 'account_enabled', 'last_sign_in', 'mfa_methods', 'department', 'job_title', 'manager',
  'decision', 'reviewer', 'decision_date', 'comment'] as const;

const ev = (item: ReviewItem, key: string) => item.evidence[key] ?? null;

/** The workbook text for a campaign, with any decisions already recorded filled in. */
export function writeWorkbook(campaign: Campaign, decisions: readonly ReviewDecision[] = []): string {
  const byItem = new Map(decisions.map((d) => [d.itemId, d]));
  let out = BOM + csvRecord([...WORKBOOK_COLUMNS]);
  for (const it of campaign.items) {
    const d = byItem.get(it.itemId);
    out += csvRecord([campaign.id, it.itemId, it.resourceType, it.resourceName, it.resourceId, it.principalType, it.principalName,
      it.principalId, ev(it, 'upn'), it.grantedVia, ev(it, 'accountEnabled'), ev(it, 'lastSignIn'), ev(it, 'mfaMethods'), ev(it, 'department'),
      ev(it, 'jobTitle'), ev(it, 'manager'), d?.decision ?? '', d?.reviewer ?? '', d?.decidedAt ?? '', d?.comment ?? '']);
  }
  return out;
}

/** What a returned workbook holds: decisions to record, rows left undecided, and every problem found. */
export interface WorkbookImport {
  decisions: ReviewDecision[];
  undecided: string[];
  errors: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Reads a returned workbook against its campaign. `now` bounds decision dates (none in the future). */
export function readWorkbook(text: string, campaign: Campaign, now: Date = new Date()): WorkbookImport {
  const result: WorkbookImport = { decisions: [], undecided: [], errors: [] };
  let records;
  try {
    records = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) return { ...result, errors: [err.message] };
    throw err;
  }
  if (records.length === 0) return { ...result, errors: ['the workbook is empty'] };
  const header = records[0].cells.map((h) => h.trim().toLowerCase());
  const missing = ['campaign_id', 'item_id', 'principal_id', 'decision', 'reviewer', 'decision_date', 'comment'].filter((c) => !header.includes(c));
  if (missing.length) return { ...result, errors: [`line 1: the header lacks the column(s) ${missing.join(', ')}; send back the workbook as it was made`] };
  const col = (name: string) => header.indexOf(name);
  const items = new Map(campaign.items.map((i) => [i.itemId, i]));
  const seen = new Map<string, number>();
  const latest = now.toISOString().slice(0, 10);
  for (const { line, cells } of records.slice(1)) {
    const cell = (name: string) => restoreCell((cells[col(name)] ?? '').replace(/\0/g, '')).trim();
    const itemId = cell('item_id');
    const at = `line ${line}${itemId ? ` (${itemId})` : ''}`;
    const campaignId = cell('campaign_id');
    if (campaignId !== campaign.id) {
      result.errors.push(`${at}: campaign id "${campaignId}" is not this campaign's (${campaign.id})`);
      continue;
    }
    const item = items.get(itemId);
    if (!item) {
      result.errors.push(`${at}: no item "${itemId}" in campaign ${campaign.id}`);
      continue;
    }
    if (seen.has(itemId)) {
      result.errors.push(`${at}: item ${itemId} appears again (first on line ${seen.get(itemId)})`);
      continue;
    }
    seen.set(itemId, line);
    if (cell('principal_id') !== item.principalId) {
      result.errors.push(`${at}: principal_id was changed (expected ${item.principalId}); do not edit the evidence columns`);
      continue;
    }
    const decision = cell('decision').toLowerCase();
    const reviewer = cell('reviewer');
    const decidedAt = cell('decision_date');
    const comment = cell('comment');
    if (!decision) {
      if (reviewer || decidedAt || comment) result.errors.push(`${at}: reviewer, date or comment given but no decision (keep or remove)`);
      else result.undecided.push(itemId);
      continue;
    }
    const problems: string[] = [];
    if (decision !== 'keep' && decision !== 'remove') problems.push(`decision "${cell('decision')}" is not keep or remove`);
    if (!reviewer) problems.push('the reviewer is missing');
    if (!DATE.test(decidedAt) || Number.isNaN(Date.parse(decidedAt))) problems.push(`decision date "${decidedAt}" is not a date (YYYY-MM-DD)`);
    else if (decidedAt.slice(0, 10) > latest) problems.push(`decision date ${decidedAt} is in the future`);
    if (decision === 'remove' && !comment) problems.push('a remove decision needs a comment saying why');
    if (problems.length) result.errors.push(`${at}: ${problems.join('; ')}`);
    else result.decisions.push({ itemId, decision: decision as Decision, reviewer, decidedAt, comment });
  }
  return result;
}
