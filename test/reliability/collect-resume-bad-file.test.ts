/**
 * `collect --resume` into a file that is not a good snapshot (overwritten pages, a newer schema,
 * another program's SQLite database) should be refused like every other command refuses it: exit 3,
 * the store's specific message, no stack trace, the file unchanged.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../main/cli/cli-error.js';
import { startEmulator, type Emulator } from '../../main/demo/emulator/index.js';
import { generateTenant } from '../../main/demo/generator/index.js';
import { cli, runMain, STACK_LINE, tempDir } from './harness.js';

let dir: string;
let cleanup: () => void;
let emulator: Emulator;
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  const generated = generateTenant({ users: 10, licence: 'p1', seed: 2 });
  emulator = await startEmulator({ tenant: generated.tenant, timeScale: 100 });
  expect((await runMain(['demo', '--users', '10', '--out', join(dir, 'demo')])).code).toBe(0);
}, 60_000);

afterAll(async () => {
  await emulator?.close();
  cleanup?.();
});

describe('collect --resume into a bad file', () => {
  it('is refused with exit 3 and the specific message, the file unchanged', async () => {
    const good = join(dir, 'demo', 'snapshot.sqlite');
    const over = Buffer.from(readFileSync(good));
    over.fill(0xa5, 4096);
    writeFileSync(join(dir, 'overwritten.sqlite'), over);
    copyFileSync(good, join(dir, 'newer.sqlite'));
    const newer = new Database(join(dir, 'newer.sqlite'));
    newer.prepare("INSERT INTO schema_migrations (version, name, appliedAt) VALUES (99, 'future', '2030-01-01')").run();
    newer.close();
    const other = new Database(join(dir, 'other.sqlite'));
    other.exec('CREATE TABLE t (x)');
    other.close();
    const cases: [string, RegExp][] = [
      ['overwritten.sqlite', /is damaged/],
      ['newer.sqlite', /made by a newer version \(schema 99\)/],
      ['other.sqlite', /is a SQLite database but not an Entra Audit snapshot/],
    ];
    for (const [name, message] of cases) {
      const path = join(dir, name);
      const before = sha(path);
      const r = await cli(
        [
          'collect',
          '--out',
          path,
          '--resume',
          '--access-token-env',
          'EAD_REL_TOKEN',
          '--graph-url',
          emulator.url,
          '--ca-cert',
          emulator.caCertPath,
          '--time-scale',
          '100',
        ],
        { EAD_REL_TOKEN: emulator.issueToken() },
      );
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.code).toBe(EXIT.badInput);
      expect(sha(path)).toBe(before);
    }
  });
});
