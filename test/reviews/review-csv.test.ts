import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restoreCell } from '../../main/export/csv/csv-cell.js';
import { writeCsvTable } from '../../main/export/csv/csv-table.js';
import { buildCampaign } from '../../main/reviews/campaign.js';
import { parseCsv } from '../../main/reviews/csv-parse.js';
import { completedReviewRows, REVIEW_TABLE } from '../../main/reviews/review-csv.js';
import { memoryView } from '../diff/memory-view.js';
import { tempDir } from '../diff/sqlite-snapshot.js';
import { reviewTenant } from './fixture.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('completed review CSV for the pack', () => {
  it('writes one row per item with its decision, through the exporter\'s CSV writer', async () => {
    const c = buildCampaign(memoryView(reviewTenant()), { groups: ['g1'] }, { id: 'rc-1', name: 'Q3', createdAt: '2026-06-02T00:00:00Z', createdBy: 'a' });
    const rows = completedReviewRows(c, [{ itemId: 'R-0001', decision: 'remove', reviewer: 'm', decidedAt: '2026-06-03', comment: 'left',
      importedAt: '2026-06-04T00:00:00Z', source: 'wb.csv' }]);
    const path = join(dir, REVIEW_TABLE.file);
    expect(await writeCsvTable(path, REVIEW_TABLE, rows)).toBe(2);
    const [header, first, second] = parseCsv(readFileSync(path, 'utf8')).map((r) => r.cells.map(restoreCell));
    expect(header).toEqual(REVIEW_TABLE.columns.map((col) => col.name));
    const at = (row: string[], name: string) => row[header.indexOf(name)];
    expect([at(first, 'principal'), at(first, 'decision'), at(first, 'comment')]).toEqual(['=HYPERLINK("http://evil","Bob")', 'remove', 'left']);
    expect([at(second, 'upn'), at(second, 'decision')]).toEqual(['alice@contoso.com', '']);
  });
});
