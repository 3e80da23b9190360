/**
 * Result types of the IPC channels (shared/ipc.ts): what main's services hand to the renderer.
 * Plain JSON only (structured clone and HTTP alike), so both bridges carry them unchanged.
 */
import type { DatasetId, LicenceTier } from './datasets.js';
import type {
  AuthMode,
  Cloud,
  DatasetCoverage,
  DatasetStatus,
  MfaRegistrationRow,
  SnapshotMeta,
  UserRow,
} from './snapshot.js';
import type { CheckResult, CheckSummary, ControlResult, Outcome, RiskException } from './results.js';

/** Which transport carries the bridge, and what the host can do (native dialogs only in the app). */
export interface AppInfo {
  version: string;
  transport: 'electron' | 'http';
  nativeDialogs: boolean;
  /** Where new snapshots and packs go unless the user picks another place. */
  dataDir: string;
}

/** A live connection to a tenant (never carries a token or secret). */
export interface ConnectionInfo {
  mode: AuthMode;
  tenantId: string;
  tenantName: string;
  cloud: Cloud;
  /** UPN of the signed-in user, or "app:<clientId>". */
  signedInAs: string;
  grantedPermissions: string[];
  /** Demo only: how the synthetic tenant was generated. */
  demo: { users: number; seed: number; licence: LicenceTier } | null;
}

/** One row of the preflight table: can this dataset be collected with what the token holds? */
export interface PreflightRow {
  dataset: DatasetId;
  title: string;
  /** Least-privileged permission that suffices. */
  permissionNeeded: string;
  /** The granted permission that satisfies it, or null. */
  grantedVia: string | null;
  licenceNeeded: LicenceTier;
  /** null when the tenant's tier could not be read. */
  licenceOk: boolean | null;
  collect: 'yes' | 'no' | 'partial';
  /** What to do so it is collected (empty when nothing is needed). */
  fix: string;
  consentUrl: string | null;
}

export interface PreflightReport {
  authKind: 'delegated' | 'application';
  licence: LicenceTier | 'unknown';
  grantedPermissions: string[];
  federatedDomains: string[];
  rows: PreflightRow[];
  /** Admin-consent URL for what is missing (null when nothing permission-related is missing). */
  adminConsentUrl: string | null;
  /** Sentences for the consultant: federated MFA, delegated roles, licence probe failures. */
  notes: string[];
}

/** Where one dataset stands during a collection. */
export interface DatasetProgress {
  dataset: DatasetId;
  status: 'pending' | 'running' | DatasetStatus | 'cancelled';
  done: number;
  total: number | null;
  requests: number;
  throttleWaits: number;
}

/** A progress event: step, done, total (never backwards within a job). */
export interface JobProgress {
  step: string;
  done: number;
  total: number | null;
  /** Per dataset, for collection; empty for export. */
  datasets: DatasetProgress[];
  requests: number;
  throttleWaits: number;
  /** Estimated seconds left, when it can be told. */
  secondsLeft: number | null;
}

/** `analysis` runs in the background after a snapshot opens: integrity verification, then the checks. */
export type JobKind = 'collect' | 'export' | 'analysis';
export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

/** A long job's state as the renderer polls it. `seq` grows with every progress event. */
export interface JobStatus {
  jobId: string;
  kind: JobKind;
  state: JobState;
  seq: number;
  progress: JobProgress;
  error: string | null;
  /** Set when done: the snapshot written (collect) or the pack written (export). */
  snapshotPath: string | null;
  pack: ExportOutcome | null;
  /** A cancelled or failed collection can resume from its last committed page. */
  resumable: boolean;
}

export interface IntegrityState {
  /** `pending` while the hash is recomputed in the background; `failed` when it could not be (unreadable file). */
  status: 'intact' | 'altered' | 'unknown' | 'pending' | 'failed';
  recorded: string | null;
  computed: string | null;
}

/** The snapshot the session has open: live (just collected) or review (opened from disk, read-only). */
export interface SnapshotState {
  path: string;
  mode: 'live' | 'review';
  readOnly: boolean;
  meta: SnapshotMeta;
  coverage: DatasetCoverage[];
  integrity: IntegrityState;
  /** The check results: `running` in the background after open, then `ready` (or `failed`, or `unavailable`). */
  checks: 'running' | 'ready' | 'failed' | 'unavailable';
  /** The background job verifying integrity and running the checks (its step, and its error if it failed). */
  analysis: JobStatus | null;
}

/** Session state the shell shows in its header. */
export interface SessionState {
  connection: ConnectionInfo | null;
  snapshot: SnapshotState | null;
  activeJob: JobStatus | null;
}

/** A slice of a large list: the bridge never carries a whole 200k-row table at once. */
export interface Page<T> {
  total: number;
  offset: number;
  rows: T[];
}

export type MfaState = 'registered' | 'not-registered' | 'unknown';

/** A user as the Data → Users table shows it. */
export interface UserListRow {
  id: string;
  displayName: string;
  userPrincipalName: string;
  department: string | null;
  userType: 'Member' | 'Guest';
  accountEnabled: boolean;
  lastSignInDateTime: string | null;
  mfa: MfaState;
  methods: string[];
  /** Failing check results for this user; null until the checks have run. */
  failing: number | null;
}

/** Everything about one user, for the evidence drill-down. */
export interface UserDetail {
  user: UserRow;
  mfa: MfaRegistrationRow | null;
  groups: { id: string; displayName: string }[];
  roles: { roleName: string; kind: 'active' | 'eligible'; privileged: boolean; endDateTime: string | null }[];
  apps: { resourceId: string; resourceDisplayName: string }[];
  results: (CheckResult & { checkTitle: string })[];
  /** Graph's raw JSON of the user, pretty-printed. */
  raw: string;
}

/** A conditional access policy in words. */
export interface PolicyInWords {
  id: string;
  displayName: string;
  state: 'enabled' | 'disabled' | 'enabledForReportingButNotEnforced';
  who: string[];
  excluded: string[];
  apps: string[];
  conditions: string[];
  requires: string[];
}

export interface SignInListRow {
  id: string;
  createdDateTime: string;
  userPrincipalName: string;
  appDisplayName: string;
  result: 'success' | 'failure';
  errorCode: number;
  failureReason: string | null;
  clientAppUsed: string | null;
  location: string | null;
  ipAddress: string | null;
  riskLevel: string | null;
  mfa: string | null;
}

export interface GroupListRow {
  id: string;
  displayName: string;
  kind: string;
  members: number;
  isAssignableToRole: boolean;
  onPremisesSyncEnabled: boolean;
}

export interface RoleListRow {
  roleName: string;
  privileged: boolean;
  active: number;
  eligible: number;
  principals: { id: string; name: string; kind: 'active' | 'eligible' }[];
}

export interface AppListRow {
  id: string;
  appId: string;
  displayName: string;
  ssoMode: string | null;
  assigned: number;
  /** MFA passthrough coverage from the checks engine, when it ran. */
  mfaCoverage: 'full' | 'partial' | 'none' | 'not-assessed' | null;
  uncovered: number;
}

export interface DeviceListRow {
  id: string;
  displayName: string;
  operatingSystem: string | null;
  trustType: string | null;
  isCompliant: boolean | null;
  isManaged: boolean | null;
  accountEnabled: boolean;
  approximateLastSignInDateTime: string | null;
}

/** Per framework: how many controls pass, fail, ... */
export interface FrameworkStatus {
  framework: string;
  title: string;
  counts: Record<ControlResult['status'], number>;
}

/** What the Overview and Checks screens start from. */
export interface ChecksOverview {
  checks: CheckSummary[];
  frameworks: FrameworkStatus[];
  coverage: DatasetCoverage[];
  totals: Record<Outcome, number>;
}

export interface ExceptionView extends RiskException {
  expired: boolean;
  checkTitle: string;
  entityName: string;
}

export interface ControlView extends ControlResult {
  checks: Pick<CheckSummary, 'id' | 'title' | 'severity' | 'status' | 'counts'>[];
}

/** One line of a pack verification. */
export interface VerifyLine {
  item: string;
  ok: boolean;
  detail: string;
}

export interface ExportOutcome {
  packDir: string;
  zipPath: string | null;
  files: number;
  verified: boolean;
  verification: VerifyLine[];
}

export type { DatasetCoverage };

/** One change between two snapshots, in words (the Diff screen). */
export interface DiffChangeView {
  kind: 'added' | 'removed' | 'changed';
  entityType: string;
  entityId: string;
  entityName: string;
  description: string;
}

/** One section of a diff: its changes, or why it could not be compared. */
export interface DiffSectionView {
  section: string;
  title: string;
  changes: DiffChangeView[];
  /** Reasons the section (or part of it) was not compared; empty when fully compared. */
  notCompared: string[];
}

/** The diff of two snapshots of one tenant, as the Diff screen shows it. */
export interface DiffView {
  tenantName: string;
  old: { path: string; collectedAt: string };
  new: { path: string; collectedAt: string };
  /** True when the "old" snapshot was collected after the "new" one. */
  reversed: boolean;
  total: number;
  sections: DiffSectionView[];
}
