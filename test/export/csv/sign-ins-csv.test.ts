/**
 * sign-in-logs.csv written on a worker thread: the same bytes and tally as on this thread, Graph's
 * error codes carried back from the worker, and a cancel that stops it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSignInsHere, writeSignInsOffThread } from '../../../main/export/csv/sign-ins-csv.js';
import { openSnapshot } from '../../../main/store/snapshot-reader.js';
import { demoSnapshot } from '../demo-snapshot.js';

const root = mkdtempSync(join(tmpdir(), 'ead-sign-ins-csv-'));
let snapshotPath: string;
beforeAll(async () => {
  snapshotPath = (await demoSnapshot(root, { users: 60, seed: 7 })).path;
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('sign-in-logs.csv on a worker thread', () => {
  it('writes the same bytes and tally as on this thread', async () => {
    const here = await writeSignInsHere({ snapshotPath, file: join(root, 'here.csv') });
    const off = await writeSignInsOffThread({ snapshotPath, file: join(root, 'off.csv') }, new AbortController().signal);
    const reader = openSnapshot(snapshotPath, { readonly: true });
    const total = reader.signInCount();
    reader.close();
    expect(total).toBeGreaterThan(100);
    expect(off).toEqual(here);
    expect(off.rows).toBe(total);
    expect(off.tally.total).toBe(total);
    expect(off.tally.failed).toBeGreaterThan(0);
    expect(readFileSync(join(root, 'off.csv')).equals(readFileSync(join(root, 'here.csv')))).toBe(true);
  });

  it("rejects with the worker's error and its code", async () => {
    const file = join(root, 'no-such-folder', 'sign-in-logs.csv');
    await expect(writeSignInsOffThread({ snapshotPath, file }, new AbortController().signal)).rejects.toMatchObject({
      code: 'ENOENT',
      message: expect.stringContaining('no-such-folder'),
    });
    await expect(
      writeSignInsOffThread({ snapshotPath: join(root, 'missing.sqlite'), file: join(root, 'x.csv') }, new AbortController().signal),
    ).rejects.toThrow(/does not exist/);
  });

  it('stops when cancelled, with the reason', async () => {
    const stop = new AbortController();
    const written = writeSignInsOffThread({ snapshotPath, file: join(root, 'cancelled.csv') }, stop.signal);
    stop.abort(new Error('export cancelled'));
    await expect(written).rejects.toThrow('export cancelled');
  });
});
