import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCampaign, type Campaign } from '../../main/reviews/campaign.js';
import { parseCsv } from '../../main/reviews/csv-parse.js';
import { ReviewLayer } from '../../main/reviews/review-store.js';
import { readWorkbook, WORKBOOK_COLUMNS, writeWorkbook } from '../../main/reviews/workbook.js';
import { openSnapshot, verifyContentHash } from '../../main/store/index.js';
import { tempDir, writeSnapshot } from '../diff/sqlite-snapshot.js';
import { reviewTenant } from './fixture.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const NOW = new Date('2026-06-20T00:00:00Z');
const info = { id: 'rc-1', name: 'Q3 review', createdAt: '2026-06-02T00:00:00Z', createdBy: 'auditor' };

/** What a spreadsheet does when a reviewer fills in the last four columns and saves as CSV (every cell quoted, no BOM). */
function fillIn(workbook: string, fill: Record<string, string[]>): string {
  const [header, ...rows] = parseCsv(workbook).map((r) => r.cells);
  const itemCol = header.indexOf('item_id');
  const quote = (c: string) => `"${c.replace(/"/g, '""')}"`;
  return [header, ...rows.map((r) => (fill[r[itemCol]] ? [...r.slice(0, -4), ...fill[r[itemCol]]] : r))]
    .map((r) => r.map(quote).join(',')).join('\r\n');
}

function campaignFromSnapshot(path: string): Campaign {
  const reader = openSnapshot(path);
  try {
    return buildCampaign(reader, { groups: ['Finance Team'], roles: ['Global Administrator'], apps: ['Salesforce'] }, info);
  } finally {
    reader.close();
  }
}

describe('review workbook', () => {
  it('is RFC 4180 with a BOM and CRLF, and neutralises formula cells', () => {
    const reader = openSnapshot(writeSnapshotAt('w.sqlite'));
    const c = buildCampaign(reader, { groups: ['g1'] }, info);
    reader.close();
    const text = writeWorkbook(c);
    expect(text.startsWith('\uFEFFcampaign_id,item_id,')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(c.items.length + 2);
    expect(text).not.toMatch(/[^\r]\n/);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"",""Bob"")"`);
    expect(text).toContain(",'+Ops,");
    expect(parseCsv(text)[0].cells).toEqual([...WORKBOOK_COLUMNS]);
  });

  it('round-trips a campaign through its workbook into the review layer without touching collected data', () => {
    const path = writeSnapshotAt('s.sqlite');
    const before = openSnapshot(path);
    const hash = before.meta().contentHash;
    const users = before.users();
    before.close();

    const campaign = campaignFromSnapshot(path);
    const layer = ReviewLayer.open(path);
    layer.saveCampaign(campaign);
    const returned = fillIn(writeWorkbook(campaign), {
      'R-0001': ['Keep', 'mgr@contoso.com', '2026-06-10', 'still on the project'],
      'R-0002': ['remove', 'mgr@contoso.com', '2026-06-10T09:30:00Z', '=moved to sales'],
    });
    const imported = readWorkbook(returned, campaign, NOW);
    expect(imported.errors).toEqual([]);
    expect(imported.undecided).toHaveLength(campaign.items.length - 2);
    layer.recordDecisions(campaign.id, imported.decisions, 'returned.csv', '2026-06-11T00:00:00Z');
    layer.close();

    const again = ReviewLayer.open(path, true);
    expect(again.campaign(campaign.id)).toEqual(campaign);
    expect(again.campaigns()).toEqual([{ id: 'rc-1', name: 'Q3 review', createdAt: info.createdAt, createdBy: 'auditor', items: 8, keep: 1, remove: 1 }]);
    const recorded = again.decisions(campaign.id);
    expect(recorded).toEqual([
      { itemId: 'R-0001', decision: 'keep', reviewer: 'mgr@contoso.com', decidedAt: '2026-06-10', comment: 'still on the project', importedAt: '2026-06-11T00:00:00Z', source: 'returned.csv' },
      { itemId: 'R-0002', decision: 'remove', reviewer: 'mgr@contoso.com', decidedAt: '2026-06-10T09:30:00Z', comment: '=moved to sales', importedAt: '2026-06-11T00:00:00Z', source: 'returned.csv' },
    ]);
    // The completed workbook (decisions filled in, formula neutralised again) reads back to the same decisions.
    const completed = writeWorkbook(campaign, recorded);
    expect(completed).toContain(",'=moved to sales");
    expect(readWorkbook(completed, campaign, NOW).decisions).toEqual(imported.decisions);
    again.close();

    const after = openSnapshot(path);
    expect(after.meta().contentHash).toBe(hash);
    expect(verifyContentHash(after).intact).toBe(true);
    expect(after.users()).toEqual(users);
    after.close();
  });

  it('names every bad row with its line and records nothing from such a workbook', () => {
    const campaign = campaignFromSnapshot(writeSnapshotAt('b.sqlite'));
    const good = writeWorkbook(campaign);
    const bad = fillIn(good, {
      'R-0001': ['maybe', 'x', '2026-06-10', ''],
      'R-0002': ['keep', '', '10/06/2026', ''],
      'R-0003': ['remove', 'x', '2026-06-10', ''],
      'R-0004': ['keep', 'x', '2027-01-01', ''],
      'R-0005': ['', 'x', '', 'no idea'],
    }).replace('R-0008', 'R-0099') + '\r\n"other",R-0006' + ',x'.repeat(18);
    const r = readWorkbook(bad, campaign, NOW);
    expect(r.decisions).toEqual([]);
    expect(r.errors).toEqual([
      'line 2 (R-0001): decision "maybe" is not keep or remove',
      'line 3 (R-0002): the reviewer is missing; decision date "10/06/2026" is not a date (YYYY-MM-DD)',
      'line 4 (R-0003): a remove decision needs a comment saying why',
      'line 5 (R-0004): decision date 2027-01-01 is in the future',
      'line 6 (R-0005): reviewer, date or comment given but no decision (keep or remove)',
      'line 9 (R-0099): no item "R-0099" in campaign rc-1',
      'line 10 (R-0006): campaign id "other" is not this campaign\'s (rc-1)',
    ]);
    const dup = good + good.split('\r\n')[1] + '\r\n';
    expect(readWorkbook(dup, campaign, NOW).errors).toEqual(['line 10 (R-0001): item R-0001 appears again (first on line 2)']);
    const edited = good.replace(/,u4,/, ',u1,');
    expect(readWorkbook(edited, campaign, NOW).errors[0]).toMatch(/principal_id was changed \(expected u4\)/);
    expect(readWorkbook('a,b\r\n1,2\r\n', campaign, NOW).errors[0]).toMatch(/header lacks the column\(s\) campaign_id, item_id/);
    expect(readWorkbook('campaign_id,"item_id\r\n', campaign, NOW).errors[0]).toMatch(/line 1: a quoted cell is never closed/);
  });
});

function writeSnapshotAt(name: string): string {
  const path = join(dir, name);
  writeSnapshot(path, reviewTenant());
  return path;
}
