/**
 * The services the UI drives, in-process over real parts: the demo tenant served by the Graph
 * emulator over HTTPS, the real collectors into a SQLite snapshot, the checks, the pack writer and
 * verifier. Server-side paging/sorting/filtering of users, policies in words, sign-in filters,
 * exceptions (live only), export, and review mode (read-only, integrity, tampering). Opening returns
 * before integrity and checks are known; they follow as a background job whose states are checked
 * here with a checks runner held at a gate (the real one, started when the test says).
 */
import Database from 'better-sqlite3';
import { closeSync, copyFileSync, mkdtempSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput, ChannelName, ChannelResult } from '../../shared/ipc.js';
import { dispatch } from '../../main/app/services/dispatch.js';
import { frameworkTitle, runChecks } from '../../main/app/services/engines.js';
import { createHandlers } from '../../main/app/services/handlers.js';
import type { ChecksRunner } from '../../main/app/services/open-snapshot.js';
import { AppSession } from '../../main/app/services/session.js';

const dir = mkdtempSync(join(tmpdir(), 'ea-services-'));
const session = new AppSession(
  {
    transport: 'http',
    appVersion: '0.1.0-test',
    dataDir: join(dir, 'data'),
    demoSpeedup: 500,
    signerDir: join(dir, 'signer'),
  },
  runChecks,
);
const handlers = createHandlers(session, frameworkTitle);

/** Calls a channel as the renderer would (validation included); throws on an error envelope. */
async function call<K extends ChannelName>(name: K, input: ChannelInput<K>, via = handlers): Promise<ChannelResult<K>> {
  const env = await dispatch(via, name, input);
  if (!env.ok) throw Object.assign(new Error(env.error.message), { code: env.error.code });
  return env.result as ChannelResult<K>;
}

/** Waits for the open snapshot's background analysis (integrity, then checks) to leave "running". */
async function analysed(s = session) {
  return s.jobs.settled(s.state().snapshot!.analysis!.jobId);
}

let snapshotPath = '';

describe('app services on the demo tenant', () => {
  beforeAll(async () => {
    const conn = await call('connectDemo', { users: 150, seed: 11, licence: 'p2' });
    expect(conn).toMatchObject({ mode: 'demo', demo: { users: 150, seed: 11, licence: 'p2' } });
    const job = await call('collectStart', { signInDays: 7 });
    const done = await session.jobs.settled(job.jobId);
    expect(done.state, done.error ?? '').toBe('done');
    snapshotPath = done.snapshotPath!;
    expect(await analysed()).toMatchObject({ kind: 'analysis', state: 'done' });
  }, 120_000);
  afterAll(async () => {
    await session.close();
  });

  it('reports the live snapshot with its integrity and coverage, never carrying a token', async () => {
    const s = await call('session', {});
    expect(s.snapshot).toMatchObject({
      mode: 'live',
      readOnly: false,
      integrity: { status: 'intact' },
      checks: 'ready',
      analysis: { kind: 'analysis', state: 'done' },
    });
    expect(s.activeJob?.kind).toBe('collect');
    expect(s.snapshot!.coverage.every((c) => c.status === 'complete')).toBe(true);
    expect(JSON.stringify(s)).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
  });

  it('pages, sorts, searches and filters users on the server', async () => {
    const all = await call('users', { offset: 0, limit: 500 });
    expect(all.total).toBe(all.rows.length);
    const page = await call('users', { offset: 10, limit: 20, sort: 'userPrincipalName', dir: 'desc' });
    const sorted = [...all.rows]
      .map((r) => r.userPrincipalName.toLowerCase())
      .sort()
      .reverse();
    expect(page.rows.map((r) => r.userPrincipalName.toLowerCase())).toEqual(sorted.slice(10, 30));
    const guests = await call('users', { offset: 0, limit: 500, userType: 'Guest' });
    expect(guests.total).toBe(all.rows.filter((r) => r.userType === 'Guest').length);
    expect(guests.rows.every((r) => r.userType === 'Guest')).toBe(true);
    const needle = all.rows[3].userPrincipalName.split('@')[0];
    const found = await call('users', { offset: 0, limit: 50, search: needle.toUpperCase() });
    expect(found.rows.some((r) => r.id === all.rows[3].id)).toBe(true);
    const noMfa = await call('users', { offset: 0, limit: 500, mfa: 'not-registered', enabled: true });
    expect(noMfa.rows.every((r) => r.mfa === 'not-registered' && r.accountEnabled)).toBe(true);
  });

  it('gives the same order page by page as in one piece, for every sort column and direction', async () => {
    for (const sort of [
      'displayName',
      'department',
      'lastSignInDateTime',
      'mfa',
      'failing',
      'accountEnabled',
    ] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const whole = await call('users', { offset: 0, limit: 500, sort, dir });
        const pieces = [];
        for (let offset = 0; offset < whole.total; offset += 7)
          pieces.push(...(await call('users', { offset, limit: 7, sort, dir })).rows);
        expect(pieces.map((r) => r.id)).toEqual(whole.rows.map((r) => r.id));
      }
    }
  });

  it("gives a user's evidence: profile, methods, groups, roles and every check result", async () => {
    const failing = await call('checkResults', {
      checkId: 'mfa-registered-all-users',
      outcome: 'fail',
      offset: 0,
      limit: 5,
    });
    expect(failing.total).toBeGreaterThan(0);
    const d = await call('userDetail', { userId: failing.rows[0].entityId });
    expect(d.user.id).toBe(failing.rows[0].entityId);
    expect(d.results.find((r) => r.checkId === 'mfa-registered-all-users')).toMatchObject({
      outcome: 'fail',
      checkTitle: 'MFA Registered for All Users',
    });
    expect(JSON.parse(d.raw)).toMatchObject({ id: d.user.id });
    await expect(call('userDetail', { userId: 'no-such-user' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('puts conditional access policies into words and filters sign-ins', async () => {
    const policies = await call('policies', {});
    expect(policies.length).toBeGreaterThan(3);
    for (const p of policies) {
      expect(p.who.length).toBeGreaterThan(0);
      expect(p.requires.length).toBeGreaterThan(0);
      expect(p.who.join(' ')).not.toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(policies.some((p) => p.requires.some((r) => /multifactor authentication/.test(r)))).toBe(true);
    const failures = await call('signIns', { offset: 0, limit: 50, result: 'failure' });
    expect(failures.rows.every((s) => s.result === 'failure' && s.errorCode !== 0)).toBe(true);
    const all = await call('signIns', { offset: 0, limit: 1 });
    expect(all.total).toBeGreaterThan(failures.total);
  });

  it('records an exception in the live snapshot and the check result becomes "exception"', async () => {
    const failing = await call('checkResults', {
      checkId: 'mfa-registered-all-users',
      outcome: 'fail',
      offset: 0,
      limit: 1,
    });
    const target = failing.rows[0];
    await expect(
      call('exceptionAdd', {
        checkId: 'mfa-registered-all-users',
        entityId: target.entityId,
        reason: 'x',
        approver: 'CISO',
        expiresAt: '2099-01-01',
      }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(
      call('exceptionAdd', {
        checkId: 'mfa-registered-all-users',
        entityId: target.entityId,
        reason: 'Kiosk account',
        approver: 'CISO',
        expiresAt: '2001-01-01',
      }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    const e = await call('exceptionAdd', {
      checkId: 'mfa-registered-all-users',
      entityId: target.entityId,
      reason: 'Kiosk account, badge-only room',
      approver: 'CISO Jane Roe',
      expiresAt: '2099-01-01',
    });
    expect(e).toMatchObject({
      expired: false,
      checkTitle: 'MFA Registered for All Users',
      entityName: target.entityName,
    });
    const now = await call('checkResults', {
      checkId: 'mfa-registered-all-users',
      outcome: 'exception',
      offset: 0,
      limit: 10,
    });
    expect(now.rows.map((r) => r.entityId)).toContain(target.entityId);
    expect((await call('exceptionsList', { checkId: 'mfa-registered-all-users' })).map((x) => x.id)).toContain(e.id);
  });

  it('exports a pack that verifies, and verifies it again on request', async () => {
    const frameworks = (await call('checksOverview', {})).frameworks.map((f) => f.framework);
    expect(frameworks).toContain('SOC2');
    const job = await call('exportStart', { frameworks: ['SOC2', 'ISO27001-2022'], signer: { kind: 'self-signed' } });
    const done = await session.jobs.settled(job.jobId);
    expect(done.state, done.error ?? '').toBe('done');
    expect(done.pack).toMatchObject({ verified: true });
    expect(done.pack!.verification.every((l) => l.ok)).toBe(true);
    expect(await call('verifyPack', { path: done.pack!.packDir })).toMatchObject({ ok: true });
    await expect(
      call('exportStart', { frameworks: ['NOPE'], signer: { kind: 'self-signed' } }).then((j) =>
        session.jobs.settled(j.jobId),
      ),
    ).resolves.toMatchObject({ state: 'failed' });
  }, 120_000);

  it('cancels a collection, keeps what it has, and resumes it to a sealed snapshot', async () => {
    const job = await call('collectStart', { signInDays: 7 });
    await new Promise((r) => setTimeout(r, 150));
    await call('jobCancel', { jobId: job.jobId });
    const stopped = await session.jobs.settled(job.jobId);
    if (stopped.state === 'done') return; // finished before the cancel landed: nothing to resume
    expect(stopped).toMatchObject({ state: 'cancelled', resumable: true });
    await expect(call('collectResume', { jobId: 'unknown' })).rejects.toMatchObject({ code: 'not-found' });
    await call('collectResume', { jobId: job.jobId });
    const resumed = await session.jobs.settled(job.jobId);
    expect(resumed.state, resumed.error ?? '').toBe('done');
    await analysed();
    expect((await call('session', {})).snapshot).toMatchObject({
      path: resumed.snapshotPath,
      integrity: { status: 'intact' },
    });
  }, 120_000);

  it('opens a snapshot for review: read-only, intact, exceptions shown but not writable', async () => {
    const state = await call('snapshotOpen', { path: snapshotPath });
    expect(state).toMatchObject({ mode: 'review', readOnly: true, integrity: { status: 'pending' } });
    expect(state.meta.collectedBy).toMatch(/^consultant@/);
    await analysed();
    expect((await call('session', {})).snapshot).toMatchObject({ integrity: { status: 'intact' }, checks: 'ready' });
    expect((await call('exceptionsList', {})).length).toBe(1);
    await expect(
      call('exceptionAdd', {
        checkId: 'mfa-registered-all-users',
        entityId: '*',
        reason: 'Not allowed here',
        approver: 'Auditor',
        expiresAt: '2099-01-01',
      }),
    ).rejects.toMatchObject({ code: 'read-only' });
    await expect(call('exceptionRemove', { id: 'anything' })).rejects.toMatchObject({ code: 'read-only' });
  });

  it('says the snapshot is busy, at once, while another connection writes it, and keeps the header', async () => {
    await call('snapshotOpen', { path: snapshotPath });
    await analysed();
    const writer = new Database(snapshotPath);
    try {
      writer.exec('BEGIN EXCLUSIVE');
      await expect(call('users', { offset: 0, limit: 10 })).rejects.toMatchObject({
        code: 'conflict',
        message: expect.stringMatching(/busy storing its check results/),
      });
      expect((await call('session', {})).snapshot).toMatchObject({
        path: snapshotPath,
        integrity: { status: 'intact' },
      });
      writer.exec('ROLLBACK');
      expect((await call('users', { offset: 0, limit: 10 })).rows).toHaveLength(10);
    } finally {
      writer.close();
    }
  });

  it('shows a tampered snapshot as altered and refuses to make a pack from it', async () => {
    const tampered = join(dir, 'tampered.sqlite');
    copyFileSync(snapshotPath, tampered);
    const db = new Database(tampered);
    db.prepare("UPDATE users SET department = 'Changed' WHERE rowid = (SELECT min(rowid) FROM users)").run();
    db.close();
    expect(await call('snapshotOpen', { path: tampered })).toMatchObject({ integrity: { status: 'pending' } });
    await analysed();
    expect((await call('session', {})).snapshot).toMatchObject({ integrity: { status: 'altered' }, checks: 'ready' });
    await expect(call('exportStart', { frameworks: [], signer: { kind: 'self-signed' } })).rejects.toMatchObject({
      code: 'read-only',
    });
    await expect(call('snapshotOpen', { path: join(dir, 'missing.sqlite') })).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });

  describe('while the background analysis runs', () => {
    let release!: () => void;
    let gate!: Promise<void>;
    const hold = () => (gate = new Promise<void>((r) => (release = r)));
    const gated: ChecksRunner = async (reader, inputs) => {
      await gate;
      return runChecks(reader, inputs);
    };
    const slow = new AppSession(
      { transport: 'http', appVersion: '0.1.0-test', dataDir: join(dir, 'slow'), signerDir: join(dir, 'signer') },
      gated,
    );
    const slowHandlers = createHandlers(slow, frameworkTitle);
    const slowCall = <K extends ChannelName>(name: K, input: ChannelInput<K>) => call(name, input, slowHandlers);
    afterAll(async () => {
      release?.();
      await slow.close();
    });

    it('shows the snapshot at once, says what is still running, and never pretends checks have run', async () => {
      hold();
      const opened = await slowCall('snapshotOpen', { path: snapshotPath });
      expect(opened).toMatchObject({
        integrity: { status: 'pending', computed: null },
        checks: 'running',
        analysis: { kind: 'analysis', state: 'running', progress: { step: 'Verifying integrity' } },
      });
      expect(opened.integrity.recorded).toMatch(/^[0-9a-f]{64}$/);
      expect((await slowCall('session', {})).activeJob).toBeNull();

      const page = await slowCall('users', { offset: 0, limit: 50 });
      expect(page.total).toBeGreaterThan(50);
      expect(page.rows.every((r) => r.failing === null)).toBe(true);
      await expect(slowCall('users', { offset: 0, limit: 50, sort: 'failing' })).rejects.toMatchObject({
        code: 'not-available',
        message: expect.stringMatching(/still running/),
      });
      for (const name of ['checksOverview', 'compliance'] as const)
        await expect(slowCall(name, {})).rejects.toMatchObject({ code: 'not-available' });
      await expect(
        slowCall('checkResults', { checkId: 'mfa-registered-all-users', offset: 0, limit: 5 }),
      ).rejects.toMatchObject({ message: expect.stringMatching(/still running/) });
      await expect(slowCall('exportStart', { frameworks: [], signer: { kind: 'self-signed' } })).rejects.toMatchObject({
        code: 'not-available',
      });

      // The hash finishes on its own; the checks wait at the gate.
      while (slow.state().snapshot!.integrity.status === 'pending') await new Promise((r) => setTimeout(r, 20));
      expect(slow.state().snapshot).toMatchObject({
        integrity: { status: 'intact', computed: opened.integrity.recorded },
        checks: 'running',
        analysis: { state: 'running', progress: { step: 'Running checks', done: 1, total: 2 } },
      });

      release();
      expect(await analysed(slow)).toMatchObject({ state: 'done', progress: { done: 2 } });
      expect(slow.state().snapshot!.checks).toBe('ready');
      const ready = await slowCall('users', { offset: 0, limit: 500 });
      expect(ready.rows.every((r) => typeof r.failing === 'number')).toBe(true);
      const worst = await slowCall('users', { offset: 0, limit: 3, sort: 'failing', dir: 'desc' });
      expect(worst.rows[0].failing).toBe(Math.max(...ready.rows.map((r) => r.failing!)));
      for (const row of worst.rows) {
        const d = await slowCall('userDetail', { userId: row.id });
        expect(d.results.filter((r) => r.outcome === 'fail')).toHaveLength(row.failing!);
      }
    });

    it('cancels the analysis of a snapshot that is closed or replaced', async () => {
      hold();
      await slowCall('snapshotOpen', { path: snapshotPath });
      const first = slow.state().snapshot!.analysis!.jobId;
      await slowCall('snapshotOpen', { path: snapshotPath });
      expect(await slow.jobs.settled(first)).toMatchObject({ state: 'cancelled' });
      const second = slow.state().snapshot!.analysis!.jobId;
      expect(slow.jobs.status(second).state).toBe('running');
      await slow.close();
      expect(slow.jobs.status(second)).toMatchObject({ state: 'cancelled', error: 'Cancelled.' });
    });
  });

  it('shows a snapshot it cannot read through as "integrity failed" and the checks as failed', async () => {
    const damaged = join(dir, 'damaged.sqlite');
    copyFileSync(snapshotPath, damaged);
    const db = new Database(damaged, { readonly: true });
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const root = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'users'").pluck().get() as number;
    db.close();
    const fd = openSync(damaged, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (root - 1) * pageSize);
    closeSync(fd);
    expect(await call('snapshotOpen', { path: damaged })).toMatchObject({ integrity: { status: 'pending' } });
    expect(await analysed()).toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/integrity could not be verified: .*malformed.*; the checks failed/),
    });
    expect((await call('session', {})).snapshot).toMatchObject({ integrity: { status: 'failed' }, checks: 'failed' });
    await expect(call('checksOverview', {})).rejects.toMatchObject({ code: 'failed' });
  });
});
