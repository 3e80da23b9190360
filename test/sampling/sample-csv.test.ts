import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeCsvTable } from '../../main/export/csv/csv-table.js';
import { DIFF_TABLE } from '../../main/diff/diff-csv.js';
import { parseCsv } from '../../main/reviews/csv-parse.js';
import { SAMPLE_TABLE } from '../../main/sampling/sample-csv.js';
import { sampleSnapshot } from '../../main/sampling/sample-snapshot.js';
import { memoryView, user } from '../diff/memory-view.js';
import { tempDir } from '../diff/sqlite-snapshot.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('pack CSVs of samples and diffs', () => {
  it('write every drawn item with the seed and population size needed to redraw it', async () => {
    const view = memoryView({ users: Array.from({ length: 30 }, (_, i) => user(`u${i}`, `p${i}@contoso.com`)) });
    const s = sampleSnapshot(view, 'users', 4, 'fy26');
    const path = join(dir, SAMPLE_TABLE.file);
    await writeCsvTable(path, SAMPLE_TABLE, s.items.map((item) => ({ sample: s, item })));
    const [header, ...rows] = parseCsv(readFileSync(path, 'utf8')).map((r) => r.cells);
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r[header.indexOf('id')])).toEqual(s.items.map((i) => i.id));
    expect(rows[0].slice(0, 5)).toEqual(['users', 'fy26', '30', '4', 'sha256-counter-fisher-yates-v1']);
    expect(JSON.parse(rows[0][header.indexOf('evidence')])).toEqual(s.items[0].evidence);
  });

  it('write a diff change per row', async () => {
    const path = join(dir, DIFF_TABLE.file);
    await writeCsvTable(path, DIFF_TABLE, [{ section: 'conditional-access', kind: 'changed', entityType: 'policy', entityId: 'p1', entityName: 'MFA',
      description: 'excluded group X from policy MFA', before: null, after: 'g1' }]);
    expect(parseCsv(readFileSync(path, 'utf8')).map((r) => r.cells)).toEqual([DIFF_TABLE.columns.map((c) => c.name),
      ['conditional-access', 'changed', 'policy', 'p1', 'MFA', 'excluded group X from policy MFA', '', 'g1']]);
  });
});
