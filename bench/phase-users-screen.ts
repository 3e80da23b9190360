/**
 * The users screen as the app serves it: the services behind the bridge (the same dispatch the Electron
 * IPC and the HTTP bridge use) open the snapshot for review, then the screen asks for its first page.
 * Open time is `snapshotOpen` (validate the file, read meta and coverage; the content hash and the
 * checks then run as a background job in a worker thread, which closing the backend cancels).
 * First-rows time is that first `users` call: one SQL page of users with their MFA state, sorted by
 * name, while that background job runs beside it.
 */
import { inProcessBackend } from '../main/app/backend.js';
import { peakRss, resetPeakRss } from './peak-rss.js';
import type { UsersScreenResult } from './types.js';

export interface UsersScreenJob {
  snapshotPath: string;
  dataDir: string;
}

/** Rows the users screen asks for first (one screenful and a little more). */
const FIRST_PAGE = 100;

export async function runUsersScreenPhase(job: UsersScreenJob): Promise<UsersScreenResult> {
  resetPeakRss();
  const backend = inProcessBackend({ transport: 'http', appVersion: 'bench', dataDir: job.dataDir });
  try {
    let t0 = performance.now();
    const opened = await backend.call('snapshotOpen', { path: job.snapshotPath });
    const openMs = performance.now() - t0;
    if (!opened.ok) throw new Error(`snapshotOpen failed: ${opened.error.message}`);
    t0 = performance.now();
    const page = await backend.call('users', { offset: 0, limit: FIRST_PAGE });
    const firstRowsMs = performance.now() - t0;
    if (!page.ok) throw new Error(`users failed: ${page.error.message}`);
    const result = page.result as { total: number; rows: unknown[] };
    return { kind: 'usersScreen', openMs, firstRowsMs, rows: result.rows.length, total: result.total, peakRssBytes: peakRss() };
  } finally {
    await backend.close();
  }
}
