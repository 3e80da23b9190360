import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CsvTable } from '../../../main/export/csv/csv-table.js';
import {
  APP_ASSIGNMENTS_TABLE,
  APPS_TABLE,
  CA_TABLE,
  MEMBERSHIPS_TABLE,
  MFA_TABLE,
  SIGN_INS_TABLE,
  USERS_TABLE,
} from '../../../main/export/csv/tables-directory.js';
import {
  CHECKS_TABLE,
  controlsTable,
  COVERAGE_TABLE,
  EXCEPTIONS_TABLE,
  PASSTHROUGH_TABLE,
  RESULTS_TABLE,
} from '../../../main/export/csv/tables-results.js';
import { DIFF_TABLE } from '../../../main/diff/diff-csv.js';
import { REVIEW_TABLE } from '../../../main/reviews/review-csv.js';
import { SAMPLE_TABLE } from '../../../main/sampling/sample-csv.js';
import { EVIDENCE_ARTIFACTS } from '../../../shared/frameworks/artifacts.js';

const doc = readFileSync(new URL('../../../main/export/README-pack.md', import.meta.url), 'utf8');
const tables: CsvTable<never>[] = [
  USERS_TABLE,
  MFA_TABLE,
  CA_TABLE,
  SIGN_INS_TABLE,
  MEMBERSHIPS_TABLE,
  APPS_TABLE,
  APP_ASSIGNMENTS_TABLE,
  CHECKS_TABLE,
  RESULTS_TABLE,
  COVERAGE_TABLE,
  EXCEPTIONS_TABLE,
  PASSTHROUGH_TABLE,
  REVIEW_TABLE,
  SAMPLE_TABLE,
  DIFF_TABLE,
] as CsvTable<never>[];

describe('README-pack.md documents the CSV contract', () => {
  it.each(tables.map((t) => [t.file, t] as const))('%s: every column, in order', (file, table) => {
    const section = doc.split('\n### ').find((s) => s.startsWith(`csv/${file} `));
    expect(section, file).toBeDefined();
    const documented = [...section!.matchAll(/^\| (\w+) \|/gm)].map((m) => m[1]).filter((n) => n !== 'column');
    expect(documented).toEqual(table.columns.map((c) => c.name));
  });
  it('the control mapping columns too', () => {
    const section = doc.split('\n### ').find((s) => s.startsWith('csv/controls-<framework>.csv'))!;
    expect([...section.matchAll(/^\| (\w+) \|/gm)].map((m) => m[1]).filter((n) => n !== 'column')).toEqual(
      controlsTable('X').columns.map((c) => c.name),
    );
  });
  it("each of the seed's evidence artifacts has its CSV", () => {
    const files = new Set(tables.map((t) => t.file));
    for (const a of EVIDENCE_ARTIFACTS) expect(files).toContain(`${a.id}.csv`);
  });
});
