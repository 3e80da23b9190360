/**
 * The services the UI drives, in-process over real parts: the demo tenant served by the Graph
 * emulator over HTTPS, the real collectors into a SQLite snapshot, the checks, the pack writer and
 * verifier. Server-side paging/sorting/filtering of users, policies in words, sign-in filters,
 * exceptions (live only), export, and review mode (read-only, integrity, tampering).
 */
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput, ChannelName, ChannelResult } from '../../shared/ipc.js';
import { dispatch } from '../../main/app/services/dispatch.js';
import { frameworkTitle, runChecks } from '../../main/app/services/engines.js';
import { createHandlers } from '../../main/app/services/handlers.js';
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
async function call<K extends ChannelName>(name: K, input: ChannelInput<K>): Promise<ChannelResult<K>> {
  const env = await dispatch(handlers, name, input);
  if (!env.ok) throw Object.assign(new Error(env.error.message), { code: env.error.code });
  return env.result as ChannelResult<K>;
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
  }, 120_000);
  afterAll(async () => {
    await session.close();
  });

  it('reports the live snapshot with its integrity and coverage, never carrying a token', async () => {
    const s = await call('session', {});
    expect(s.snapshot).toMatchObject({ mode: 'live', readOnly: false, integrity: { status: 'intact' } });
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
    expect((await call('session', {})).snapshot).toMatchObject({
      path: resumed.snapshotPath,
      integrity: { status: 'intact' },
    });
  }, 120_000);

  it('opens a snapshot for review: read-only, intact, exceptions shown but not writable', async () => {
    const state = await call('snapshotOpen', { path: snapshotPath });
    expect(state).toMatchObject({ mode: 'review', readOnly: true, integrity: { status: 'intact' } });
    expect(state.meta.collectedBy).toMatch(/^consultant@/);
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

  it('shows a tampered snapshot as altered and refuses to make a pack from it', async () => {
    const tampered = join(dir, 'tampered.sqlite');
    copyFileSync(snapshotPath, tampered);
    const db = new Database(tampered);
    db.prepare("UPDATE users SET department = 'Changed' WHERE rowid = (SELECT min(rowid) FROM users)").run();
    db.close();
    expect(await call('snapshotOpen', { path: tampered })).toMatchObject({ integrity: { status: 'altered' } });
    await expect(call('exportStart', { frameworks: [], signer: { kind: 'self-signed' } })).rejects.toMatchObject({
      code: 'read-only',
    });
    await expect(call('snapshotOpen', { path: join(dir, 'missing.sqlite') })).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });
});
