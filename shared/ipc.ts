/**
 * The IPC contract, written once: every channel's name, zod input schema and result type.
 * The preload (contextBridge + ipcRenderer.invoke), main's ipcMain handlers and the HTTP bridge
 * (POST /api/<channel>) are all generated from CHANNELS, so a channel cannot exist on one side only.
 */
import { z } from 'zod';
import type {
  AppInfo,
  AppListRow,
  ChecksOverview,
  ConnectionInfo,
  ControlView,
  DeviceListRow,
  DiffView,
  ExceptionView,
  ExportOutcome,
  GroupListRow,
  JobStatus,
  Page,
  PolicyInWords,
  PreflightReport,
  RoleListRow,
  SessionState,
  SignInListRow,
  SnapshotState,
  UserDetail,
  UserListRow,
  VerifyLine,
} from './ipc-types.js';
import type { CheckResult, CheckSummary } from './results.js';

/** A channel: its input schema, and (at the type level only) its result. */
export interface Channel<I extends z.ZodType, R> {
  input: I;
  /** Never set: carries the result type for the typed bridge. */
  readonly result?: R;
}

const channel =
  <R>() =>
  <I extends z.ZodType>(input: I): Channel<I, R> => ({ input });

const none = z.strictObject({});
const id = z.string().min(1).max(512);
const text = (max = 1000) => z.string().max(max);
/** Absolute file-system path, as the user picked or typed it. */
const filePath = z.string().min(1).max(4096);
const cloud = z.enum(['global', 'usgov', 'usgovdod', 'china']);
const licence = z.enum(['free', 'p1', 'p2']);
const paging = { offset: z.number().int().min(0).max(10_000_000), limit: z.number().int().min(1).max(500) };
const sortDir = z.enum(['asc', 'desc']);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/, 'an ISO 8601 date (YYYY-MM-DD)');
const guid = z.string().regex(/^[0-9a-fA-F-]{36}$/, 'a GUID');

/** The user-table columns the server can sort by. */
export const USER_SORT_KEYS = [
  'displayName',
  'userPrincipalName',
  'department',
  'userType',
  'accountEnabled',
  'lastSignInDateTime',
  'mfa',
  'failing',
] as const;

/** Signer for an export: the consultant's P12 or the profile's self-signed identity. */
export const signerSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('self-signed') }),
  z.strictObject({ kind: z.literal('p12'), path: filePath, passphrase: z.string().max(1024) }),
]);

/** The channel table. Names are the bridge's method names. */
export const CHANNELS = {
  appInfo: channel<AppInfo>()(none),
  session: channel<SessionState>()(none),

  connectDemo: channel<ConnectionInfo>()(
    z.strictObject({
      users: z.number().int().min(10).max(200_000),
      seed: z
        .number()
        .int()
        .min(0)
        .max(2 ** 31 - 1),
      licence,
    }),
  ),
  connectAccessToken: channel<ConnectionInfo>()(z.strictObject({ accessToken: z.string().min(20).max(20_000), cloud })),
  connectAppRegistration: channel<ConnectionInfo>()(
    z.strictObject({
      tenant: z.string().min(1).max(256),
      clientId: guid,
      cloud,
      credential: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('secret'), secret: z.string().min(1).max(1024), remember: z.boolean() }),
        z.strictObject({ kind: z.literal('certificate'), path: filePath, passphrase: z.string().max(1024) }),
      ]),
    }),
  ),
  connectInteractive: channel<ConnectionInfo>()(
    z.strictObject({ tenant: z.string().max(256).optional(), clientId: guid.optional(), cloud }),
  ),
  disconnect: channel<SessionState>()(none),

  preflight: channel<PreflightReport>()(none),

  collectStart: channel<JobStatus>()(z.strictObject({ signInDays: z.number().int().min(1).max(30) })),
  collectResume: channel<JobStatus>()(z.strictObject({ jobId: id })),
  jobStatus: channel<JobStatus>()(z.strictObject({ jobId: id })),
  jobCancel: channel<JobStatus>()(z.strictObject({ jobId: id })),

  snapshotPick: channel<{ path: string | null }>()(none),
  snapshotOpen: channel<SnapshotState>()(z.strictObject({ path: filePath })),
  snapshotRecent: channel<{ path: string; tenantName: string; collectedAt: string }[]>()(none),

  checksOverview: channel<ChecksOverview>()(none),
  checkDetail: channel<CheckSummary>()(z.strictObject({ checkId: id })),
  checkResults: channel<Page<CheckResult>>()(
    z.strictObject({
      checkId: id,
      outcome: z.enum(['pass', 'fail', 'not-applicable', 'not-assessed', 'exception', 'external']).optional(),
      search: text(200).optional(),
      ...paging,
    }),
  ),

  exceptionsList: channel<ExceptionView[]>()(z.strictObject({ checkId: id.optional() })),
  exceptionAdd: channel<ExceptionView>()(
    z.strictObject({
      checkId: id,
      entityId: id,
      reason: z.string().trim().min(3).max(2000),
      approver: z.string().trim().min(2).max(200),
      expiresAt: isoDate,
    }),
  ),
  exceptionRemove: channel<{ removed: boolean }>()(z.strictObject({ id })),

  users: channel<Page<UserListRow>>()(
    z.strictObject({
      ...paging,
      search: text(200).optional(),
      sort: z.enum(USER_SORT_KEYS).optional(),
      dir: sortDir.optional(),
      userType: z.enum(['Member', 'Guest']).optional(),
      enabled: z.boolean().optional(),
      mfa: z.enum(['registered', 'not-registered', 'unknown']).optional(),
    }),
  ),
  userDetail: channel<UserDetail>()(z.strictObject({ userId: id })),
  policies: channel<PolicyInWords[]>()(none),
  signIns: channel<Page<SignInListRow>>()(
    z.strictObject({
      ...paging,
      from: isoDate.optional(),
      to: isoDate.optional(),
      result: z.enum(['success', 'failure']).optional(),
      risk: z.enum(['none', 'low', 'medium', 'high']).optional(),
      app: text(200).optional(),
      location: text(200).optional(),
      user: text(200).optional(),
    }),
  ),
  groups: channel<Page<GroupListRow>>()(z.strictObject({ ...paging, search: text(200).optional() })),
  roles: channel<RoleListRow[]>()(none),
  apps: channel<Page<AppListRow>>()(z.strictObject({ ...paging, search: text(200).optional() })),
  devices: channel<Page<DeviceListRow>>()(z.strictObject({ ...paging, search: text(200).optional() })),

  compliance: channel<{ framework: string; title: string; controls: ControlView[] }[]>()(none),

  exportPickDestination: channel<{ path: string | null }>()(none),
  exportStart: channel<JobStatus>()(
    z.strictObject({
      frameworks: z.array(z.string().min(1).max(64)).max(32),
      signer: signerSchema,
      destination: filePath.optional(),
    }),
  ),
  verifyPack: channel<{ ok: boolean; lines: VerifyLine[] }>()(z.strictObject({ path: filePath })),
  lastExport: channel<ExportOutcome | null>()(none),

  snapshotDiff: channel<DiffView>()(z.strictObject({ oldPath: filePath, newPath: filePath })),

  openExternal: channel<{ opened: boolean }>()(z.strictObject({ url: z.string().url().max(4096) })),
} as const;

export type ChannelName = keyof typeof CHANNELS;
export const CHANNEL_NAMES = Object.keys(CHANNELS) as ChannelName[];

export type ChannelInput<K extends ChannelName> = z.input<(typeof CHANNELS)[K]['input']>;
export type ChannelParsed<K extends ChannelName> = z.output<(typeof CHANNELS)[K]['input']>;
export type ChannelResult<K extends ChannelName> = (typeof CHANNELS)[K] extends Channel<z.ZodType, infer R> ? R : never;

/** The one object the renderer talks to (`window.entraAudit`): a named method per channel, no generic send. */
export type EntraAuditBridge = { [K in ChannelName]: (input: ChannelInput<K>) => Promise<ChannelResult<K>> };

/** Error codes a handler can return; the renderer shows the message, the code decides the tone. */
export type BridgeErrorCode =
  'invalid-input' | 'forbidden' | 'not-available' | 'not-found' | 'read-only' | 'conflict' | 'failed';

/** What travels back on every call, whatever the transport (IPC errors lose their class otherwise). */
export type Envelope<R> = { ok: true; result: R } | { ok: false; error: { code: BridgeErrorCode; message: string } };

/** Prefix of the Electron IPC channel names (ipcMain.handle / ipcRenderer.invoke). */
export const IPC_PREFIX = 'entra-audit:';

/** Validates a call's input; returns the parsed value or a readable error (first issues, with paths). */
export function parseInput<K extends ChannelName>(
  name: K,
  input: unknown,
): { ok: true; value: ChannelParsed<K> } | { ok: false; message: string } {
  const result = CHANNELS[name].input.safeParse(input ?? {});
  if (result.success) return { ok: true, value: result.data as ChannelParsed<K> };
  const issues = result.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join('.') + ': ' : ''}${i.message}`);
  return { ok: false, message: `invalid input for ${name}: ${issues.join('; ')}` };
}

/** True when `name` is one of our channels (an own key, never something from the prototype). */
export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(CHANNELS, name);
}
