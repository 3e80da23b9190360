/**
 * The populations an auditor samples from, each read from a snapshot: the ids that make up the
 * population, and per-item evidence fetched only for the items drawn (sign-ins are streamed, so a
 * million of them never sit in memory as objects).
 */
import type { Evidence } from '../../shared/results.js';
import type { RoleAssignmentRow, UserRow } from '../../shared/snapshot.js';
import type { SnapshotView } from '../diff/snapshot-view.js';
import { strongMethods } from '../diff/strong-methods.js';
import { matchLeavers, type LeaverMatch } from '../checks/leaver-match.js';
import type { TerminationRecord } from '../checks/types.js';

export interface Population {
  name: string;
  description: string;
  ids: string[];
  /** Name and evidence of the given ids (all of which are in `ids`). */
  describe(ids: readonly string[]): Map<string, { name: string; evidence: Evidence }>;
}

export type PopulationName = 'users' | 'enabled-users' | 'guests' | 'leavers' | 'privileged-assignments' | 'role-assignments'
  | 'sign-ins' | 'applications' | 'service-principals' | 'app-credentials' | 'devices' | 'groups';

/** Every population with a one-line description (for --help and errors). */
export const POPULATIONS: Record<PopulationName, string> = {
  users: 'every user account',
  'enabled-users': 'user accounts that are enabled',
  guests: 'guest accounts',
  leavers: 'people on the HR terminations list (needs --terminations)',
  'privileged-assignments': 'active and eligible assignments of privileged directory roles',
  'role-assignments': 'every active and eligible directory role assignment',
  'sign-ins': 'sign-in events in the snapshot',
  applications: 'app registrations',
  'service-principals': 'enterprise applications (service principals)',
  'app-credentials': 'client secrets and certificates of app registrations',
  devices: 'registered devices',
  groups: 'groups',
};

export function isPopulationName(s: string): s is PopulationName {
  return Object.hasOwn(POPULATIONS, s);
}

/** A leaver's id: the account's object id, or "csv-line:N" for a row that matched no account (or several). */
function leaverId(m: LeaverMatch): string {
  return m.kind === 'live' ? m.user.id : m.kind === 'deleted' ? m.deleted.id : `csv-line:${m.record.line}`;
}

function leaverName(m: LeaverMatch): string {
  if (m.kind === 'live') return m.user.userPrincipalName;
  if (m.kind === 'deleted') return m.deleted.userPrincipalName;
  return m.record.userPrincipalName ?? m.record.mail ?? m.record.employeeId ?? `line ${m.record.line}`;
}

function leaverEvidence(m: LeaverMatch): Evidence {
  const records = m.kind === 'live' || m.kind === 'deleted' ? m.records : [m.record];
  return {
    csvLines: records.map((r) => r.line).join(';'), terminationDate: m.kind === 'live' || m.kind === 'deleted' ? m.terminationDate : m.record.terminationDate,
    match: m.kind === 'live' ? 'account' : m.kind === 'deleted' ? 'deleted account' : m.kind === 'ambiguous' ? `ambiguous: ${m.candidates.join(';')}` : 'no account found',
    accountEnabled: m.kind === 'live' ? m.user.accountEnabled : null,
    lastSignInDateTime: m.kind === 'live' ? m.user.lastSignInDateTime : null,
    deletedDateTime: m.kind === 'deleted' ? m.deleted.deletedDateTime : null,
  };
}

/** A population over rows already in memory. */
function fromRows<T>(name: PopulationName, rows: T[], id: (r: T) => string, label: (r: T) => string, evidence: (r: T) => Evidence): Population {
  const byId = new Map(rows.map((r) => [id(r), r]));
  return {
    name, description: POPULATIONS[name], ids: [...byId.keys()],
    describe: (ids) => new Map(ids.map((i) => [i, { name: label(byId.get(i)!), evidence: evidence(byId.get(i)!) }])),
  };
}

/** Builds the named population from a snapshot. `leavers` is required for the leavers population. */
export function population(view: SnapshotView, name: PopulationName, leavers?: readonly TerminationRecord[]): Population {
  const users = view.users();
  const userById = new Map(users.map((u) => [u.id, u]));
  const mfa = new Map(view.mfaRegistrations().map((r) => [r.userId, r.methods]));
  const mfaKnown = view.coverageOf('mfaRegistration').status === 'complete';
  const userEvidence = (u: UserRow): Evidence => ({
    upn: u.userPrincipalName, displayName: u.displayName, userType: u.userType, accountEnabled: u.accountEnabled, department: u.department,
    employeeId: u.employeeId, createdDateTime: u.createdDateTime, lastSignInDateTime: u.lastSignInDateTime,
    lastNonInteractiveSignInDateTime: u.lastNonInteractiveSignInDateTime,
    strongMfaMethods: mfaKnown ? strongMethods(mfa.get(u.id) ?? []).join(';') || 'none' : 'not collected',
  });
  const userPop = (n: PopulationName, keep: (u: UserRow) => boolean) =>
    fromRows(n, users.filter(keep), (u) => u.id, (u) => u.userPrincipalName, userEvidence);

  const roles = new Map(view.roleDefinitions().map((r) => [r.id, r]));
  const groupName = new Map(view.groups().map((g) => [g.id, g.displayName]));
  const spName = new Map(view.servicePrincipals().map((s) => [s.id, s.displayName]));
  const principal = (id: string) => userById.get(id)?.userPrincipalName ?? groupName.get(id) ?? spName.get(id) ?? id;
  const assignmentPop = (n: PopulationName, keep: (a: RoleAssignmentRow) => boolean) =>
    fromRows(n, view.roleAssignments().filter(keep), (a) => `${a.kind}:${a.id}`,
      (a) => `${principal(a.principalId)}: ${roles.get(a.roleDefinitionId)?.displayName ?? a.roleDefinitionId}`,
      (a) => ({ assignmentId: a.id, kind: a.kind, principalId: a.principalId, principal: principal(a.principalId),
        principalType: userById.has(a.principalId) ? 'user' : groupName.has(a.principalId) ? 'group' : 'servicePrincipal',
        role: roles.get(a.roleDefinitionId)?.displayName ?? a.roleDefinitionId, privileged: roles.get(a.roleDefinitionId)?.isPrivileged ?? null,
        scope: a.directoryScopeId, startDateTime: a.startDateTime, endDateTime: a.endDateTime }));

  switch (name) {
    case 'users': return userPop(name, () => true);
    case 'enabled-users': return userPop(name, (u) => u.accountEnabled);
    case 'guests': return userPop(name, (u) => u.userType === 'Guest');
    case 'privileged-assignments': return assignmentPop(name, (a) => roles.get(a.roleDefinitionId)?.isPrivileged === true);
    case 'role-assignments': return assignmentPop(name, () => true);
    case 'leavers': {
      if (!leavers) throw new RangeError('the leavers population needs a terminations list');
      return fromRows(name, matchLeavers(leavers, users, view.deletedUsers()), leaverId, leaverName, leaverEvidence);
    }
    case 'applications': return fromRows(name, view.applications(), (a) => a.id, (a) => a.displayName, (a) => ({
      appId: a.appId, signInAudience: a.signInAudience, createdDateTime: a.createdDateTime, owners: a.ownerIds.map(principal).join(';') }));
    case 'service-principals': return fromRows(name, view.servicePrincipals(), (s) => s.id, (s) => s.displayName, (s) => ({
      appId: s.appId, accountEnabled: s.accountEnabled, servicePrincipalType: s.servicePrincipalType,
      preferredSingleSignOnMode: s.preferredSingleSignOnMode, appRoleAssignmentRequired: s.appRoleAssignmentRequired }));
    case 'app-credentials': return fromRows(name, view.appCredentials(), (c) => `${c.appObjectId}:${c.keyId}`, (c) => `${c.appDisplayName}: ${c.displayName ?? c.keyId}`,
      (c) => ({ appId: c.appId, kind: c.kind, keyId: c.keyId, startDateTime: c.startDateTime, endDateTime: c.endDateTime }));
    case 'devices': return fromRows(name, view.devices(), (d) => d.id, (d) => d.displayName, (d) => ({
      operatingSystem: d.operatingSystem, accountEnabled: d.accountEnabled, isCompliant: d.isCompliant, isManaged: d.isManaged,
      trustType: d.trustType, approximateLastSignInDateTime: d.approximateLastSignInDateTime }));
    case 'groups': return fromRows(name, view.groups(), (g) => g.id, (g) => g.displayName, (g) => ({
      securityEnabled: g.securityEnabled, mailEnabled: g.mailEnabled, groupTypes: g.groupTypes.join(';'), isAssignableToRole: g.isAssignableToRole }));
    case 'sign-ins': {
      const ids: string[] = [];
      for (const s of view.signIns()) ids.push(s.id);
      return {
        name, description: POPULATIONS[name], ids,
        describe: (wanted) => {
          const want = new Set(wanted);
          const out = new Map<string, { name: string; evidence: Evidence }>();
          for (const s of view.signIns()) {
            if (!want.has(s.id)) continue;
            out.set(s.id, { name: `${s.userPrincipalName} → ${s.appDisplayName} at ${s.createdDateTime}`, evidence: {
              createdDateTime: s.createdDateTime, userPrincipalName: s.userPrincipalName, appDisplayName: s.appDisplayName,
              clientAppUsed: s.clientAppUsed, ipAddress: s.ipAddress, location: [s.city, s.countryOrRegion].filter(Boolean).join(', ') || null,
              errorCode: s.errorCode, conditionalAccessStatus: s.conditionalAccessStatus, authenticationRequirement: s.authenticationRequirement,
              riskLevelDuringSignIn: s.riskLevelDuringSignIn, deviceIsCompliant: s.deviceIsCompliant } });
          }
          return out;
        },
      };
    }
  }
}
