/**
 * The SQLite implementation of SnapshotReader: opens a finished snapshot (read-only by default, no
 * network needed) and answers the typed queries checks, the exporter and the app make.
 */
import type Database from 'better-sqlite3';
import type { DatasetId } from '../../shared/datasets.js';
import type {
  AlertRow,
  AppCredentialRow,
  ApplicationRow,
  AppRoleAssignmentRow,
  AuthenticationStrengthPolicy,
  ConditionalAccessPolicy,
  DatasetCoverage,
  DeletedUserRow,
  DeviceRow,
  DomainRow,
  GroupMemberRow,
  GroupRow,
  MfaRegistrationRow,
  NamedLocation,
  RiskDetectionRow,
  RiskyUserRow,
  RoleAssignmentRow,
  RoleDefinitionRow,
  ServicePrincipalRow,
  SignInRow,
  SkuRow,
  SnapshotMeta,
  UserRow,
} from '../../shared/snapshot.js';
import { computeContentHash } from './content-hash.js';
import { sortByColumns } from './key-order.js';
import { decodeRow, selectList } from './row-codec.js';
import { notCollected, openValidated, readCoverage, readMeta } from './snapshot-queries.js';
import { TABLES, tableSpec, type TableName, type TableRows } from './tables.js';
import { readSignInSummaries } from './sign-in-summaries.js';
import type { EvidenceCounts, SignInSummary, SnapshotReader } from './types.js';

export interface OpenOptions {
  /** Default true: the file is never modified. */
  readonly?: boolean;
}

/** Opens a snapshot for reading; throws SnapshotOpenError (kind tells why) when it cannot. */
export function openSnapshot(path: string, options: OpenOptions = {}): SqliteSnapshotReader {
  return new SqliteSnapshotReader(openValidated(path, options.readonly ?? true), path);
}

/** A snapshot file read through SQL; also exposes the content hash and an integrity check. */
export class SqliteSnapshotReader implements SnapshotReader {
  constructor(
    private readonly db: Database.Database,
    readonly path: string,
  ) {}

  meta(): SnapshotMeta {
    return readMeta(this.db);
  }

  /** A meta key outside SnapshotMeta (e.g. signInWindowFrom), or undefined. */
  metaValue(key: string): unknown {
    const v = this.db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
    return v === undefined ? undefined : JSON.parse(v);
  }

  coverage(): DatasetCoverage[] {
    return readCoverage(this.db);
  }

  coverageOf(dataset: DatasetId): DatasetCoverage {
    return this.coverage().find((c) => c.dataset === dataset) ?? notCollected(dataset);
  }

  /**
   * A table's rows in key order. Read in storage order and sorted here: ORDER BY a TEXT primary key
   * walks its index with a page read per row, twice the time at 100k users with Graph's raw JSON in
   * the rows. sortByColumns keeps SQLite's BINARY order, so the result is the same.
   */
  private all<T extends TableName>(table: T, where = '', params: unknown[] = []): TableRows[T][] {
    const spec = tableSpec(table);
    const rows = this.db
      .prepare(`SELECT ${selectList(spec)} FROM ${table} ${where}`)
      .raw(true)
      .all(...params) as unknown[][];
    return sortByColumns(rows.map((r) => decodeRow<TableRows[T]>(spec, r)), spec.key as (keyof TableRows[T])[]);
  }

  users(): UserRow[] {
    return this.all('users');
  }
  deletedUsers(): DeletedUserRow[] {
    return this.all('deleted_users');
  }
  mfaRegistrations(): MfaRegistrationRow[] {
    return this.all('mfa_registrations');
  }
  groups(): GroupRow[] {
    return this.all('groups');
  }
  groupMembers(): GroupMemberRow[] {
    return this.all('group_members');
  }
  roleDefinitions(): RoleDefinitionRow[] {
    return this.all('role_definitions');
  }
  roleAssignments(): RoleAssignmentRow[] {
    return this.all('role_assignments');
  }
  servicePrincipals(): ServicePrincipalRow[] {
    return this.all('service_principals');
  }
  appAssignments(): AppRoleAssignmentRow[] {
    return this.all('app_assignments');
  }
  appPermissionGrants(): AppRoleAssignmentRow[] {
    return this.all('app_permission_grants');
  }
  applications(): ApplicationRow[] {
    return this.all('applications');
  }
  appCredentials(): AppCredentialRow[] {
    return this.all('app_credentials');
  }
  devices(): DeviceRow[] {
    return this.all('devices');
  }
  conditionalAccessPolicies(): ConditionalAccessPolicy[] {
    return this.all('ca_policies');
  }
  namedLocations(): NamedLocation[] {
    return this.all('named_locations');
  }
  authenticationStrengthPolicies(): AuthenticationStrengthPolicy[] {
    return this.all('auth_strengths');
  }
  alerts(): AlertRow[] {
    return this.all('alerts');
  }
  riskDetections(): RiskDetectionRow[] {
    return this.all('risk_detections');
  }
  riskyUsers(): RiskyUserRow[] {
    return this.all('risky_users');
  }
  domains(): DomainRow[] {
    return this.all('domains');
  }
  skus(): SkuRow[] {
    return this.all('skus');
  }

  securityDefaultsEnabled(): boolean | null {
    const v = this.db.prepare('SELECT isEnabled FROM security_defaults LIMIT 1').pluck().get() as
      number | null | undefined;
    return v === undefined || v === null ? null : v === 1;
  }

  /**
   * Newest first, streamed. While iterating, this connection is busy: finish (or break out of) the
   * loop before making another query on the same reader.
   */
  *signIns(filter: { from?: string; to?: string; userId?: string } = {}): IterableIterator<SignInRow> {
    const spec = tableSpec('sign_ins');
    const where: string[] = [];
    const params: string[] = [];
    if (filter.from) {
      where.push('"createdDateTime" >= ?');
      params.push(filter.from);
    }
    if (filter.to) {
      where.push('"createdDateTime" < ?');
      params.push(filter.to);
    }
    if (filter.userId) {
      where.push('"userId" = ?');
      params.push(filter.userId);
    }
    const sql = `SELECT ${selectList(spec)} FROM sign_ins ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY "createdDateTime" DESC, "id"`;
    for (const r of this.db.prepare(sql).raw(true).iterate(...params)) yield decodeRow<SignInRow>(spec, r as unknown[]);
  }

  directoryNames(): Map<string, string> {
    const names = new Map<string, string>();
    for (const [table, column] of [['users', 'userPrincipalName'], ['groups', 'displayName'], ['service_principals', 'displayName'], ['devices', 'displayName']]) {
      for (const [id, name] of this.db.prepare(`SELECT id, "${column}" FROM ${table}`).raw(true).iterate() as IterableIterator<[string, string | null]>)
        names.set(id, name ?? '');
    }
    return names;
  }

  userDisplayNames(ids: Iterable<string>): Map<string, string> {
    const lookup = this.db.prepare('SELECT displayName FROM users WHERE id = ?').pluck();
    const names = new Map<string, string>();
    for (const id of ids) {
      const name = lookup.get(id) as string | null | undefined;
      if (name !== undefined) names.set(id, name ?? '');
    }
    return names;
  }

  evidenceCounts(): EvidenceCounts {
    // coalesce: SUM over an empty table is NULL. Booleans are stored 0/1; a blank date counts as none.
    const one = (sql: string) => this.db.prepare(sql).raw(true).get() as number[];
    const [total, enabled, guests, neverSignedIn, synced] = one(`SELECT count(*),
      coalesce(sum("accountEnabled" = 1), 0), coalesce(sum("userType" = 'Guest'), 0),
      coalesce(sum(coalesce("lastSignInDateTime", '') = '' AND coalesce("lastNonInteractiveSignInDateTime", '') = ''), 0),
      coalesce(sum("onPremisesSyncEnabled" = 1), 0) FROM users`);
    const [mfaUsers, registered] = one('SELECT count(*), coalesce(sum("isMfaRegistered" = 1), 0) FROM mfa_registrations');
    const [servicePrincipals, sso] = one(
      `SELECT count(*), coalesce(sum("preferredSingleSignOnMode" IN ('saml', 'oidc')), 0) FROM service_principals`,
    );
    const count = (table: string) => one(`SELECT count(*) FROM ${table}`)[0];
    return {
      users: { total, enabled, guests, neverSignedIn, synced },
      mfa: { users: mfaUsers, registered },
      groups: { groups: count('groups'), memberships: count('group_members') },
      apps: { servicePrincipals, sso, assignments: count('app_assignments') },
    };
  }

  signInSummaries(): SignInSummary[] {
    return readSignInSummaries(this.db);
  }

  signInCount(): number {
    return this.db.prepare('SELECT count(*) FROM sign_ins').pluck().get() as number;
  }

  raw(dataset: DatasetId, id: string): unknown | null {
    for (const spec of TABLES) {
      if (!spec.datasets.includes(dataset)) continue;
      const keyCol = spec.key.includes('id') ? 'id' : spec.key[spec.key.length - 1];
      const v = this.db.prepare(`SELECT raw FROM ${spec.name} WHERE "${keyCol}" = ? LIMIT 1`).pluck().get(id) as
        string | undefined;
      if (v !== undefined) return JSON.parse(v);
    }
    return null;
  }

  /** Recomputes the content hash over the collected tables (see content-hash.ts for what it covers). */
  computeContentHash(): string {
    return computeContentHash(this.db);
  }

  /** SQLite's full integrity check: "ok" or the problems it found. */
  integrityCheck(): string {
    return (this.db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join('\n');
  }

  close(): void {
    this.db.close();
  }
}

/** Whether a snapshot's content still matches the hash recorded when collection finished. */
export function verifyContentHash(reader: SqliteSnapshotReader): {
  expected: string | null;
  actual: string;
  intact: boolean;
} {
  const expected = reader.meta().contentHash ?? null;
  const actual = reader.computeContentHash();
  return { expected, actual, intact: expected !== null && expected === actual };
}
