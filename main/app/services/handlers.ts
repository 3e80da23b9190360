/**
 * The service behind every channel: thin calls into the session, the snapshot views and the engines.
 * Inputs arrive already validated (dispatch.ts); nothing here trusts the renderer for more than that.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type {
  ChecksOverview,
  ControlView,
  ExceptionView,
  ExportOutcome,
  FrameworkStatus,
} from '../../../shared/ipc-types.js';
import { OUTCOMES, type ControlResult, type Outcome, type RiskException } from '../../../shared/results.js';
import { connectAccessToken, connectAppRegistration, connectDemo, connectInteractive } from './connection.js';
import type { Handlers } from './dispatch.js';
import { collectInto, demoTerminations, exportPackTo, preflightFor, verifyPackAt } from './engines.js';
import { appRows, deviceRows, groupRows, roleRows } from './directory-views.js';
import { pageOf } from './paging.js';
import { nameBook, policyInWords } from './policy-words.js';
import { ServiceError } from './service-error.js';
import type { AppSession } from './session.js';
import { signInPage } from './sign-in-view.js';
import { snapshotDiff } from './snapshot-diff.js';
import { userDetail } from './user-detail.js';
import { isAllowedExternalUrl } from './external-urls.js';

const CONTROL_STATUSES: ControlResult['status'][] = ['pass', 'fail', 'partial', 'not-assessed', 'not-applicable'];

/** A file-name-safe timestamp (UTC). */
const stamp = () =>
  new Date()
    .toISOString()
    .replace(/[:.]/g, '-')
    .replace(/-\d{3}Z$/, 'Z');

/** Builds the handler table of one session. */
export function createHandlers(session: AppSession, frameworkTitle: (id: string) => string = (id) => id): Handlers {
  const host = session.host;
  const resumers = new Map<string, Parameters<AppSession['jobs']['restart']>[1]>();
  let lastPack: ExportOutcome | null = null;
  const checksOf = () => session.snapshot().requireChecks();
  const exceptionViews = (checkId?: string): ExceptionView[] => {
    const snap = session.snapshot();
    const out = snap.checks();
    const titles = new Map((out?.checks ?? []).map((c) => [c.id, c.title]));
    const names = new Map((out?.results ?? []).map((r) => [r.entityId, r.entityName]));
    const today = new Date().toISOString().slice(0, 10);
    return snap
      .exceptions()
      .filter((e) => !checkId || e.checkId === checkId)
      .map((e) => ({
        ...e,
        expired: e.expiresAt.slice(0, 10) < today,
        checkTitle: titles.get(e.checkId) ?? e.checkId,
        entityName: e.entityId === '*' ? 'every entity' : (names.get(e.entityId) ?? e.entityId),
      }));
  };
  const frameworks = (controls: ControlResult[]): FrameworkStatus[] => {
    const by = new Map<string, FrameworkStatus>();
    for (const c of controls) {
      const f = by.get(c.framework) ?? {
        framework: c.framework,
        title: frameworkTitle(c.framework),
        counts: Object.fromEntries(CONTROL_STATUSES.map((s) => [s, 0])) as FrameworkStatus['counts'],
      };
      f.counts[c.status]++;
      by.set(c.framework, f);
    }
    return [...by.values()];
  };

  return {
    appInfo: () => ({
      version: host.appVersion,
      transport: host.transport,
      nativeDialogs: Boolean(host.pickSnapshotFile),
      dataDir: host.dataDir,
    }),
    session: () => session.state(),

    connectDemo: async (input) => {
      await session.setConnection(await connectDemo(input, host));
      return session.connection().info;
    },
    connectAccessToken: async (input) => {
      await session.setConnection(await connectAccessToken(input));
      return session.connection().info;
    },
    connectAppRegistration: async (input) => {
      await session.setConnection(await connectAppRegistration(input, host));
      return session.connection().info;
    },
    connectInteractive: async (input) => {
      await session.setConnection(await connectInteractive(input, host));
      return session.connection().info;
    },
    disconnect: async () => {
      await session.setConnection(null);
      return session.state();
    },

    preflight: () => preflightFor(session.connection()),

    collectStart: (input) => {
      const conn = session.connection();
      mkdirSync(host.dataDir, { recursive: true });
      const safeTenant = conn.info.tenantName.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 60) || 'tenant';
      const out = join(host.dataDir, `${safeTenant}-${stamp()}.sqlite`);
      const run = async (ctx: Parameters<Parameters<typeof session.jobs.start>[2]>[0], resume: boolean) => {
        const path = await collectInto(conn, out, input.signInDays, ctx, resume, host.appVersion);
        await session.openSnapshot(path, 'live', demoTerminations(conn));
        return { snapshotPath: path };
      };
      const status = session.jobs.start('collect', 'Starting collection', (ctx) => run(ctx, false), true);
      resumers.set(status.jobId, (ctx) => run(ctx, true));
      return status;
    },
    collectResume: ({ jobId }) => {
      const resume = resumers.get(jobId);
      if (!resume) throw new ServiceError('not-found', 'this collection cannot be resumed');
      return session.jobs.restart(jobId, resume);
    },
    jobStatus: ({ jobId }) => session.jobs.status(jobId),
    jobCancel: ({ jobId }) => session.jobs.cancel(jobId),

    snapshotPick: async () => {
      if (!host.pickSnapshotFile)
        throw new ServiceError('not-available', 'no file dialog here: type the snapshot path');
      return { path: await host.pickSnapshotFile() };
    },
    snapshotOpen: async ({ path }) => (await session.openSnapshot(path, 'review')).state(),
    snapshotRecent: () => session.recentSnapshots(),

    checksOverview: (): ChecksOverview => {
      const snap = session.snapshot();
      const out = checksOf();
      const totals = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
      for (const c of out.checks) for (const o of OUTCOMES) totals[o] += c.counts[o] ?? 0;
      return { checks: out.checks, frameworks: frameworks(out.controls), coverage: snap.reader.coverage(), totals };
    },
    checkDetail: ({ checkId }) => {
      const check = checksOf().checks.find((c) => c.id === checkId);
      if (!check) throw new ServiceError('not-found', `no check "${checkId}"`);
      return check;
    },
    checkResults: ({ checkId, outcome, search, offset, limit }) => {
      const rows = checksOf().results.filter((r) => r.checkId === checkId && (!outcome || r.outcome === outcome));
      return pageOf(rows, { offset, limit, search }, (r) => `${r.entityName}\n${r.entityId}\n${r.reason}`);
    },

    exceptionsList: ({ checkId }) => exceptionViews(checkId),
    exceptionAdd: async (input) => {
      const snap = session.writableSnapshot();
      const check = checksOf().checks.find((c) => c.id === input.checkId);
      if (!check) throw new ServiceError('not-found', `no check "${input.checkId}"`);
      const today = new Date().toISOString().slice(0, 10);
      if (input.expiresAt.slice(0, 10) <= today)
        throw new ServiceError('invalid-input', 'the expiry date must be in the future');
      const e: RiskException = {
        id: randomUUID(),
        checkId: input.checkId,
        entityId: input.entityId,
        reason: input.reason,
        approver: input.approver,
        createdAt: new Date().toISOString(),
        expiresAt: input.expiresAt,
      };
      await snap.saveException(e);
      return exceptionViews().find((x) => x.id === e.id)!;
    },
    exceptionRemove: async ({ id }) => ({ removed: await session.writableSnapshot().removeException(id) }),

    users: (q) => session.snapshot().userPage(q),
    userDetail: ({ userId }) => {
      const snap = session.snapshot();
      const out = snap.checks();
      return userDetail(snap.reader, userId, out?.results ?? [], out?.checks ?? []);
    },
    policies: () => {
      const reader = session.snapshot().reader;
      const names = nameBook(reader);
      return reader
        .conditionalAccessPolicies()
        .map((p) => policyInWords(p, names))
        .sort((a, b) => a.displayName.localeCompare(b.displayName));
    },
    signIns: (q) => signInPage(session.snapshot().reader, q),
    groups: (q) => pageOf(groupRows(session.snapshot().reader), q, (g) => g.displayName),
    roles: () => roleRows(session.snapshot().reader),
    apps: (q) =>
      pageOf(
        appRows(session.snapshot().reader, session.snapshot().checks()?.passthrough),
        q,
        (a) => `${a.displayName}\n${a.appId}`,
      ),
    devices: (q) =>
      pageOf(deviceRows(session.snapshot().reader), q, (d) => `${d.displayName}\n${d.operatingSystem ?? ''}`),

    compliance: () => {
      const out = checksOf();
      const byId = new Map(out.checks.map((c) => [c.id, c]));
      const groups = new Map<string, ControlView[]>();
      for (const c of out.controls) {
        const view: ControlView = {
          ...c,
          checks: c.checkIds.flatMap((id) => {
            const s = byId.get(id);
            return s ? [{ id: s.id, title: s.title, severity: s.severity, status: s.status, counts: s.counts }] : [];
          }),
        };
        groups.set(c.framework, [...(groups.get(c.framework) ?? []), view]);
      }
      return [...groups.entries()].map(([framework, controls]) => ({
        framework,
        title: frameworkTitle(framework),
        controls,
      }));
    },

    exportPickDestination: async () => {
      if (!host.pickDirectory)
        throw new ServiceError('not-available', 'no folder dialog here: the pack goes to the default folder');
      return { path: await host.pickDirectory() };
    },
    exportStart: (input) => {
      const snap = session.snapshot();
      const checks = checksOf();
      const integrity = snap.integrity.status;
      if (integrity === 'pending')
        throw new ServiceError('conflict', "the snapshot's integrity is still being verified: export once it is");
      if (integrity !== 'intact') {
        throw new ServiceError(
          'read-only',
          integrity === 'altered'
            ? 'this snapshot was altered after collection: no pack is made from it'
            : integrity === 'failed'
              ? "this snapshot's integrity could not be verified: no pack is made from it"
              : 'this snapshot is unfinished (no content hash): resume its collection first',
        );
      }
      const destination =
        input.destination ??
        join(
          host.dataDir,
          'packs',
          `${snap.reader
            .meta()
            .tenantName.replace(/[^A-Za-z0-9._-]+/g, '-')
            .slice(0, 60)}-${stamp()}`,
        );
      return session.jobs.start('export', 'Writing the evidence pack', async (ctx) => {
        const pack = await exportPackTo(
          snap.reader,
          checks,
          snap.exceptions(),
          { destination, frameworks: input.frameworks, signer: input.signer },
          host,
          ctx,
        );
        lastPack = pack;
        return { pack };
      });
    },
    verifyPack: ({ path }) => verifyPackAt(path),
    snapshotDiff: ({ oldPath, newPath }) => snapshotDiff(oldPath, newPath),
    lastExport: () => lastPack,

    openExternal: async ({ url }) => {
      if (!host.openExternal) throw new ServiceError('not-available', 'open this link in your browser yourself');
      if (!isAllowedExternalUrl(url))
        throw new ServiceError('forbidden', 'only Microsoft sign-in and admin-consent links are opened');
      await host.openExternal(url);
      return { opened: true };
    },
  };
}
