/**
 * Bad files from the user, through the CLI's main() (the matrix) and the real binary in child processes
 * (one of each kind, proving what a terminal shows): snapshots that are not snapshots,
 * truncated, overwritten or from a newer version (also a folder, and resuming a collection into one),
 * malformed HR terminations CSVs, broken or wrongly unlocked P12 files, and tampered packs. Each gets
 * the documented exit code and a specific message saying what to do, never a stack trace, and no
 * input file changes by a byte.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../main/cli/cli-error.js';
import { cli, runMain, STACK_LINE, tempDir, type CliRun } from './harness.js';

let dir: string;
let cleanup: () => void;
let snapshot: string;
let pack: string;
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const at = (name: string) => join(dir, name);

/** Exit code, a message matching `message` on stderr (or stdout for verify), no stack trace. */
function expectRefusal(run: CliRun & { threw?: unknown }, code: number, message: RegExp): void {
  expect(run.threw).toBeUndefined();
  expect(run.stderr + run.stdout).toMatch(message);
  expect(run.stderr).not.toMatch(STACK_LINE);
  expect(run.stderr).not.toMatch(/Error:|TypeError|SqliteError/);
  expect(run.code).toBe(code);
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  const demo = await runMain(['demo', '--users', '20', '--seed', '4', '--out', at('demo')]);
  expect(demo.code).toBe(0);
  snapshot = at('demo/snapshot.sqlite');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      at('k.pem'),
      '-out',
      at('c.pem'),
      '-days',
      '30',
      '-subj',
      '/CN=Jane Consultant',
    ],
    { stdio: 'ignore' },
  );
  execFileSync(
    'openssl',
    ['pkcs12', '-export', '-inkey', at('k.pem'), '-in', at('c.pem'), '-out', at('id.p12'), '-passout', 'pass:s3cret'],
    { stdio: 'ignore' },
  );
  execFileSync(
    'openssl',
    ['pkcs12', '-export', '-nokeys', '-in', at('c.pem'), '-out', at('certonly.p12'), '-passout', 'pass:s3cret'],
    { stdio: 'ignore' },
  );
  writeFileSync(at('broken.p12'), readFileSync(at('id.p12')).subarray(0, 500));
  pack = at('pack');
  const exported = await runMain(
    ['export', snapshot, '--out', pack, '--sign', at('id.p12'), '--sign-passphrase-env', 'P12PASS'],
    { P12PASS: 's3cret' },
  );
  expect(exported.code).toBe(0);
}, 90_000);

afterAll(() => cleanup?.());

/** Snapshot-shaped files that are not good snapshots, each with the message it must get. */
function badSnapshots(): { name: string; path: string; message: RegExp }[] {
  writeFileSync(at('text.sqlite'), 'hello, I am a text file\n');
  writeFileSync(at('empty.sqlite'), '');
  rmSync(at('other.sqlite'), { force: true });
  const other = new Database(at('other.sqlite'));
  other.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
  other.close();
  const whole = readFileSync(snapshot);
  writeFileSync(at('truncated.sqlite'), whole.subarray(0, Math.floor(whole.length / 2)));
  const over = Buffer.from(whole);
  over.fill(0xa5, 4096);
  writeFileSync(at('overwritten.sqlite'), over);
  copyFileSync(snapshot, at('newer.sqlite'));
  const newer = new Database(at('newer.sqlite'));
  newer.prepare("INSERT INTO schema_migrations (version, name, appliedAt) VALUES (99, 'future', '2030-01-01')").run();
  newer.close();
  return [
    { name: 'missing file', path: at('nope.sqlite'), message: /nope\.sqlite does not exist/ },
    { name: 'a folder', path: at('demo'), message: /is a folder, not a snapshot: give the \.sqlite file inside it/ },
    { name: 'a text file', path: at('text.sqlite'), message: /is not a snapshot \(not a SQLite database file\)/ },
    { name: 'an empty file', path: at('empty.sqlite'), message: /is not a snapshot/ },
    {
      name: 'a SQLite database of another program',
      path: at('other.sqlite'),
      message: /is a SQLite database but not an Entra Audit snapshot/,
    },
    { name: 'a truncated snapshot', path: at('truncated.sqlite'), message: /is damaged: the file is truncated/ },
    {
      name: 'a snapshot with overwritten pages',
      path: at('overwritten.sqlite'),
      message: /is damaged \(database disk image is malformed\)/,
    },
    {
      name: 'a snapshot from a newer version',
      path: at('newer.sqlite'),
      message: /made by a newer version \(schema 99\); update Entra Audit Desktop to open it/,
    },
  ];
}

describe('bad snapshot files', () => {
  it('check refuses each with exit 3 and a specific message; export, diff and sample say the same; nothing changes', async () => {
    const cases = badSnapshots();
    const before = new Map(cases.map((c) => [c.path, /missing|folder/.test(c.name) ? '' : sha(c.path)]));
    const goodBefore = sha(snapshot);
    const byName = (n: string) => cases.find((c) => c.name.includes(n))!;
    const runs: { c: (typeof cases)[number]; r: CliRun & { threw?: unknown } }[] = [];
    const add = async (c: (typeof cases)[number], args: string[]) => runs.push({ c, r: await runMain(args) });
    for (const c of cases) await add(c, ['check', c.path]);
    await add(byName('folder'), ['export', byName('folder').path, '--out', at('p-1'), '--signer-dir', at('signer')]);
    await add(byName('newer'), ['export', byName('newer').path, '--out', at('p-2'), '--signer-dir', at('signer')]);
    await add(byName('truncated'), ['diff', snapshot, byName('truncated').path]);
    await add(byName('another program'), ['diff', byName('another program').path, snapshot]);
    await add(byName('overwritten'), ['sample', byName('overwritten').path, '--population', 'users', '--size', '3']);
    // What a terminal shows, through the real binary.
    runs.push({ c: byName('newer'), r: await cli(['check', byName('newer').path]) });
    for (const { c, r } of runs) expectRefusal(r, EXIT.badInput, c.message);
    for (const c of cases) if (before.get(c.path)) expect(sha(c.path), c.name).toBe(before.get(c.path));
    expect(sha(snapshot)).toBe(goodBefore);
  }, 60_000);
});

describe('malformed HR terminations CSV', () => {
  const header = 'userPrincipalName,terminationDate';
  // A BOM, semicolons, an exact duplicate row and a date-time with an offset, all in one file.
  const accepted =
    '\uFEFFupn;terminationDate\r\nleaver@example.test;2026-03-31\r\nleaver@example.test;2026-03-31\r\nother@example.test;2026-03-31T17:00:00+02:00\r\n';
  const refused: { file: string; body: string | Buffer; message: RegExp }[] = [
    {
      file: 'no-person.csv',
      body: 'name,department\nAnn,Sales\n',
      message:
        /line 1: no column identifies the person \(need userPrincipalName, upn, email, mail or employeeId; found "name", "department"\)/,
    },
    {
      file: 'no-date.csv',
      body: 'upn\nann@example.test\n',
      message: /line 1: no termination date column \(need terminationDate, termination_date or lastDay; found "upn"\)/,
    },
    {
      file: 'day-month.csv',
      body: `${header}\na@example.test,2026-03-31\nb@example.test,31/03/2026\n`,
      message:
        /line 3, column terminationDate: "31\/03\/2026" is not an ISO 8601 date \(expected YYYY-MM-DD, e.g. 2026-03-31\)/,
    },
    {
      file: 'month-day.csv',
      body: `${header}\na@example.test,03/31/2026\n`,
      message: /line 2, column terminationDate: "03\/31\/2026" is not an ISO 8601 date/,
    },
    {
      file: 'words.csv',
      body: `${header}\na@example.test,March 31 2026\n`,
      message: /line 2, column terminationDate: "March 31 2026" is not an ISO 8601 date/,
    },
    {
      file: 'empty-date.csv',
      body: `${header}\na@example.test,\n`,
      message: /line 2, column terminationDate: empty; give the termination date as YYYY-MM-DD/,
    },
    {
      file: 'open-quote.csv',
      body: `${header}\n"a@example.test,2026-03-31\n`,
      message: /line 2: a quoted field is never closed/,
    },
    { file: 'empty.csv', body: '', message: /the file is empty: expected a header line and one row per leaver/ },
    // Excel's "Unicode text" is UTF-16: refused with how to save it as UTF-8.
    {
      file: 'utf16.csv',
      body: Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(`upn,terminationDate\r\na@example.test,2026-03-31\r\n`, 'utf16le'),
      ]),
      message: /utf16\.csv: the file is UTF-16 \("Unicode text"\), not UTF-8: save it as "CSV UTF-8/,
    },
  ];

  it('accepts a BOM with semicolons, exact duplicates and a date-time with offset', async () => {
    const before = sha(snapshot);
    writeFileSync(at('accepted.csv'), accepted);
    const r = await runMain(['check', snapshot, '--terminations', at('accepted.csv'), '--no-store']);
    expect(r.threw).toBeUndefined();
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect([EXIT.ok, EXIT.findings]).toContain(r.code);
    expect(sha(snapshot)).toBe(before);
  }, 60_000);

  it('refuses each malformed file with exit 3, naming file, line and column, and stores nothing', async () => {
    const before = sha(snapshot);
    const runs: { c: (typeof refused)[number]; check: CliRun & { threw?: unknown } }[] = [];
    for (const c of refused) {
      writeFileSync(at(c.file), c.body);
      runs.push({ c, check: await runMain(['check', snapshot, '--terminations', at(c.file)]) });
    }
    runs.push({ c: refused[2], check: await cli(['check', snapshot, '--terminations', at(refused[2].file)]) });
    for (const { c, check } of runs) expectRefusal(check, EXIT.badInput, c.message);
    // export reads the same file through the same parser.
    const exp = await runMain([
      'export',
      snapshot,
      '--out',
      at('t-export'),
      '--signer-dir',
      at('signer'),
      '--terminations',
      at('day-month.csv'),
    ]);
    expectRefusal(exp, EXIT.badInput, refused.find((c) => c.file === 'day-month.csv')!.message);
    // `check` stores results in the snapshot's results layer: a refused CSV must leave it untouched.
    expect(sha(snapshot)).toBe(before);
  }, 60_000);
});

describe('signing certificate problems', () => {
  it('a wrong passphrase, a broken P12 and a P12 without its key: exit 3, no pack left', async () => {
    writeFileSync(at('text.p12'), 'not a p12\n');
    const cases: { p12: string; pass: string; message: RegExp }[] = [
      {
        p12: at('id.p12'),
        pass: 'wrong',
        message: /the passphrase does not open the signing certificate file \(wrong passphrase\?\)/,
      },
      {
        p12: at('broken.p12'),
        pass: 's3cret',
        message: /the signing certificate file is not a PKCS#12 \(\.p12\/\.pfx\) file/,
      },
      { p12: at('certonly.p12'), pass: 's3cret', message: /holds no private key \(export it with its key\)/ },
    ];
    const runs: (CliRun & { threw?: unknown })[] = [];
    for (const [i, c] of cases.entries())
      runs.push(
        await (i === 0 ? cli : runMain)(
          ['export', snapshot, '--out', at(`sig-${i}`), '--sign', c.p12, '--sign-passphrase-env', 'P12PASS'],
          { P12PASS: c.pass },
        ),
      );
    runs.forEach((r, i) => {
      expectRefusal(r, EXIT.badInput, cases[i].message);
      expect(r.stderr + r.stdout).not.toContain('s3cret');
      expect(() => readFileSync(join(at(`sig-${i}`), 'manifest.json'))).toThrow();
    });
  }, 60_000);
});

describe('tampered packs', () => {
  function variant(name: string, change: (d: string) => void): string {
    const d = at(name);
    rmSync(d, { recursive: true, force: true });
    cpSync(pack, d, { recursive: true });
    change(d);
    return d;
  }

  it('verify names every change with exit 1, and a file that is no pack with exit 3', async () => {
    const flipped = variant('v-flip', (d) => appendFileSync(join(d, 'csv', 'checks.csv'), 'x'));
    const missing = variant('v-missing', (d) => rmSync(join(d, 'report.pdf')));
    const extra = variant('v-extra', (d) => writeFileSync(join(d, 'notes.txt'), 'hi'));
    const resigned = variant('v-sig', (d) => {
      const p = join(d, 'manifest.json.p7s');
      const b = readFileSync(p);
      b[b.length >> 1] ^= 1;
      writeFileSync(p, b);
    });
    const zip = readFileSync(`${pack}.zip`);
    writeFileSync(at('truncated.zip'), zip.subarray(0, 5000));
    writeFileSync(at('fake.zip'), 'not a zip');
    mkdirSync(at('no-pack'), { recursive: true });
    writeFileSync(at('no-pack/a.txt'), 'a');
    const expectations: [string, number, RegExp][] = [
      [flipped, EXIT.findings, /csv\/checks\.csv: changed: SHA-256 or size differs from manifest\.json/],
      [missing, EXIT.findings, /report\.pdf: missing: report\.pdf is listed in manifest\.json but not in the pack/],
      [extra, EXIT.findings, /notes\.txt: extra: notes\.txt is not listed in manifest\.json/],
      [resigned, EXIT.findings, /manifest\.json\.p7s: /],
      [at('truncated.zip'), EXIT.badInput, /unreadable: not a zip file/],
      [at('fake.zip'), EXIT.badInput, /unreadable: not a zip file/],
      // A folder with neither manifest nor signature is no pack (exit 3), and still says what is missing.
      [at('no-pack'), EXIT.badInput, /manifest\.json: missing: manifest\.json is not in the pack[\s\S]*is not an evidence pack/],
      [at('nothing-here'), EXIT.badInput, /nothing-here does not exist/],
    ];
    const runs: (CliRun & { threw?: unknown })[] = [];
    for (const [i, [p]] of expectations.entries()) runs.push(await (i === 0 ? cli : runMain)(['verify', p]));
    runs.forEach((r, i) => {
      const [, code, message] = expectations[i];
      expectRefusal(r, code, message);
      expect(r.stdout).not.toMatch(/^OK:/m);
    });
    // The original pack still verifies: checking a copy never touched it.
    const ok = await runMain(['verify', pack]);
    expect(ok.code).toBe(EXIT.ok);
  }, 60_000);
});
