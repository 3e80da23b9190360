/**
 * Hostile text from the tenant (hostile-tenant.ts) followed from Graph to the pack: served by the
 * emulator over HTTPS, collected by the real collectors into a real snapshot, checked and exported by
 * the CLI. The snapshot keeps Graph's JSON exactly (a lone surrogate travels as the \ud800 escape Graph
 * would send and stays one; the typed query column reads it back as U+FFFD: UTF-8 cannot hold it); no CSV cell can
 * start a formula; the PDF renders and the pack verifies. The UI side is test/e2e/app-flow.test.ts
 * ("renders hostile names as text") and the PDF's scripts test/export/pack/unicode-report.test.ts.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_PERMISSIONS } from '../../main/auth/permissions.js';
import { startEmulator } from '../../main/demo/emulator/index.js';
import { generateTenant } from '../../main/demo/generator/index.js';
import { createGraphReader } from '../../main/graph/reader.js';
import { parseCsv } from '../../main/reviews/csv-parse.js';
import { collectInto, TIME_SCALE, type Served } from '../collect/harness.js';
import { runMain, tempDir } from './harness.js';
import { hostileTenant, PAYLOADS, type Injection } from './hostile-tenant.js';

/** Characters a PDF text layer may drop: NUL, zero-width, BOM, RLO, tab, CR. */
const INVISIBLE = new Set(['\u0000', '\u200B', '\u200D', '\uFEFF', '\u202E', '\t', '\r']);

const TABLE: Record<string, string> = {
  users: 'users',
  groups: 'groups',
  servicePrincipals: 'service_principals',
  applications: 'applications',
  conditionalAccessPolicies: 'ca_policies',
  namedLocations: 'named_locations',
  devices: 'devices',
};

let served: Served;
let injections: Injection[];
let dir: string;
let cleanup: () => void;
let snapshot: string;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  const generated = generateTenant({ users: 30, licence: 'p2', seed: 13 });
  const hostile = hostileTenant(generated.tenant);
  injections = hostile.injections;
  const emulator = await startEmulator({ tenant: hostile.tenant, timeScale: TIME_SCALE });
  served = { generated: { ...generated, tenant: hostile.tenant }, emulator, close: () => emulator.close() };
  const token = emulator.issueToken({ roles: [...SIGN_IN_PERMISSIONS] });
  const graph = createGraphReader({
    baseUrl: emulator.url,
    caCertPem: emulator.caCertPem,
    tokenProvider: { getToken: async () => token },
    timeScale: TIME_SCALE,
  });
  snapshot = join(dir, 'hostile.sqlite');
  const r = await collectInto(served, graph, snapshot, { days: 3 });
  graph.close();
  expect(r.report.incomplete).toEqual([]);
}, 60_000);

afterAll(async () => {
  await served?.close();
  cleanup?.();
});

describe('hostile text from the tenant', () => {
  it('is stored exactly as Graph sent it in the raw JSON, and in the typed columns (a lone surrogate, invalid in UTF-8, reads back as U+FFFD)', () => {
    const db = new Database(snapshot, { readonly: true });
    let compared = 0;
    const seen = new Set<string>();
    for (const inj of injections) {
      const table = TABLE[inj.collection];
      const row = db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(inj.id) as Record<string, unknown> | undefined;
      if (!row) continue;
      const raw = JSON.parse(row.raw as string) as Record<string, unknown>;
      if (!(inj.field in raw)) continue;
      expect(raw[inj.field], `${table}.${inj.field} of ${inj.id}`).toBe(inj.value);
      if (inj.field in row && inj.field !== 'raw') {
        if (inj.value === PAYLOADS.loneSurrogate) expect(row[inj.field]).toMatch(/^lone\uFFFD+surrogate$/);
        else expect(row[inj.field]).toBe(inj.value);
      }
      compared++;
      seen.add(inj.value);
    }
    db.close();
    // Every kind of payload was compared, in every collection that holds one.
    expect(seen.size).toBe(Object.keys(PAYLOADS).length);
    for (const c of Object.keys(TABLE)) expect(injections.some((i) => i.collection === c)).toBe(true);
    expect(compared).toBeGreaterThan(100);
  });

  it('the checks run, and the exported pack verifies with no CSV cell able to start a formula; the PDF renders', async () => {
    const check = await runMain(['check', snapshot, '--no-store']);
    expect(check.threw).toBeUndefined();
    expect([0, 1]).toContain(check.code);
    const pack = join(dir, 'pack');
    const exported = await runMain(['export', snapshot, '--out', pack, '--signer-dir', join(dir, 'signer')]);
    expect(exported.threw).toBeUndefined();
    expect(exported.code).toBe(0);
    expect((await runMain(['verify', pack])).code).toBe(0);

    let cells = 0;
    const csvDir = join(pack, 'csv');
    const all: string[] = [];
    for (const f of readdirSync(csvDir)) {
      for (const rec of parseCsv(readFileSync(join(csvDir, f), 'utf8'))) {
        for (const cell of rec.cells) {
          cells++;
          all.push(cell);
          // A cell may start with - or + only as a number; =, @, tab and CR never.
          if (/^[=+\-@\t\r]/.test(cell)) expect(cell, `${f}: ${cell.slice(0, 40)}`).toMatch(/^[+-]?\d+(\.\d+)?$/);
        }
      }
    }
    expect(cells).toBeGreaterThan(1000);
    // The payloads are there, neutralised rather than dropped.
    for (const p of [PAYLOADS.formulaEquals, PAYLOADS.formulaAt, PAYLOADS.formulaPlus]) expect(all).toContain(`'${p}`);
    expect(all).toContain(PAYLOADS.cjk);
    expect(all).toContain(PAYLOADS.huge);

    const text = execFileSync('pdftotext', [join(pack, 'report.pdf'), '-'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(text).toContain('Conditional access');
    const shown = Object.entries(PAYLOADS).filter(
      ([, p]) => p.length < 200 && text.includes([...p].filter((ch) => !INVISIBLE.has(ch)).join('')),
    );
    expect(shown.length).toBeGreaterThan(0);
  }, 90_000);
});
