/**
 * Cross-IdP MFA passthrough: for each enterprise app that signs users in through Microsoft SSO
 * (SAML or OIDC, e.g. GitHub Enterprise, Slack, Salesforce), does conditional access enforce MFA
 * for everyone who can use it? Who can use it: the users assigned (directly or through groups)
 * when the app requires assignment, otherwise every enabled user; emergency-access accounts apart.
 * "full" means every one of them gets MFA enforced on that app, so the app's own MFA checks pass by
 * passthrough; "partial" lists who is left out and why; "none" means nobody is covered.
 */
import type { AppRoleAssignmentRow, ServicePrincipalRow, UserRow } from '../../shared/snapshot.js';
import type { SnapshotReader } from '../store/types.js';
import type { MfaEvaluation } from './conditional-access/evaluate.js';
import { CheckContext } from './context.js';
import { resolveSettings } from './engine-settings.js';
import type { CheckSettings } from './types.js';

export type PassthroughCoverage = 'full' | 'partial' | 'none';

export interface PassthroughPrincipal {
  userId: string;
  userPrincipalName: string;
  /** Why MFA is not enforced for this user on this app (the evaluator's summary). */
  why: string;
}

export interface PassthroughApp {
  servicePrincipalId: string;
  appId: string;
  displayName: string;
  ssoMode: string;
  assignmentRequired: boolean;
  coverage: PassthroughCoverage;
  usersInScope: number;
  usersCovered: number;
  leftOut: PassthroughPrincipal[];
  /** Enabled policies enforcing MFA on the app for at least one user in scope. */
  enforcingPolicies: string[];
}

/** Enterprise apps signing users in through Microsoft SSO (SAML or OIDC), in name order. */
export function ssoApps(ctx: CheckContext): ServicePrincipalRow[] {
  return ctx.reader.servicePrincipals()
    .filter((s) => s.accountEnabled && (s.preferredSingleSignOnMode === 'saml' || s.preferredSingleSignOnMode === 'oidc'))
    .sort((a, b) => (a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : a.id < b.id ? -1 : 1));
}

/** Assignments of users and groups to enterprise apps, by the app's service principal id (in reader order). */
function assignmentsByResource(ctx: CheckContext): Map<string, AppRoleAssignmentRow[]> {
  const out = new Map<string, AppRoleAssignmentRow[]>();
  for (const a of ctx.appAssignments()) {
    const list = out.get(a.resourceId);
    if (list) list.push(a);
    else out.set(a.resourceId, [a]);
  }
  return out;
}

/** Users assigned to an app requiring assignment (enabled; emergency-access accounts apart), by id. */
function assignedPopulation(ctx: CheckContext, assignments: readonly AppRoleAssignmentRow[]): string[] {
  const users = ctx.usersById();
  const emergency = ctx.emergencyAccounts();
  const ids = new Set<string>();
  for (const a of assignments) {
    if (a.principalType === 'User') ids.add(a.principalId);
    else if (a.principalType === 'Group') for (const u of ctx.directory().usersOfGroup(a.principalId)) ids.add(u);
  }
  return [...ids].filter((id) => users.get(id)?.accountEnabled && !emergency.has(id)).sort();
}

/** The passthrough verdict of each SSO app, computed from a run's context. */
export function passthroughApps(ctx: CheckContext): PassthroughApp[] {
  const ca = ctx.ca();
  const users = ctx.usersById();
  const apps = ssoApps(ctx);
  // Apps without assignment reach every enabled user (emergency-access accounts apart): that
  // population is listed once, in (UPN, id) order, with each user's conditional access signature,
  // and each app evaluates each signature once.
  let everyone: { users: UserRow[]; signatures: Int32Array } | undefined;
  const everyoneOnce = () => {
    if (!everyone) {
      const emergency = ctx.emergencyAccounts();
      const all = ctx.users();
      const signatures = ctx.caSignatures();
      const list: UserRow[] = [];
      const listed: number[] = [];
      for (let i = 0; i < all.length; i++) {
        if (all[i].accountEnabled && !emergency.has(all[i].id)) {
          list.push(all[i]);
          listed.push(signatures[i]);
        }
      }
      everyone = { users: list, signatures: Int32Array.from(listed) };
    }
    return everyone;
  };
  let byResource: Map<string, AppRoleAssignmentRow[]> | undefined;
  return apps.map((sp) => {
    const answer = ca.question({ appId: sp.appId });
    const leftOut: PassthroughPrincipal[] = [];
    const enforcing = new Set<string>();
    const seen = new Set<MfaEvaluation>();
    const consider = (e: MfaEvaluation) => {
      if (seen.has(e)) return;
      seen.add(e);
      for (const p of e.enforcedBy) enforcing.add(p.displayName);
    };
    let inScope: number;
    if (sp.appRoleAssignmentRequired) {
      byResource ??= assignmentsByResource(ctx);
      const scope = assignedPopulation(ctx, byResource.get(sp.id) ?? []);
      inScope = scope.length;
      for (const id of scope) {
        const e = answer(id);
        consider(e);
        if (e.verdict !== 'enforced') leftOut.push({ userId: id, userPrincipalName: users.get(id)!.userPrincipalName, why: e.summary });
      }
      leftOut.sort((a, b) => (a.userPrincipalName < b.userPrincipalName ? -1 : a.userPrincipalName > b.userPrincipalName ? 1 : 0));
    } else {
      // Already in left-out order: UPN, then id (what sorting the id-ordered scope by UPN gives).
      const all = everyoneOnce();
      inScope = all.users.length;
      const bySignature: MfaEvaluation[] = [];
      for (let i = 0; i < all.users.length; i++) {
        const u = all.users[i];
        const n = all.signatures[i];
        let e = n < 0 ? undefined : bySignature[n];
        if (!e) {
          e = answer(u.id);
          if (n >= 0) bySignature[n] = e;
          consider(e);
        }
        if (e.verdict !== 'enforced') leftOut.push({ userId: u.id, userPrincipalName: u.userPrincipalName, why: e.summary });
      }
    }
    const covered = inScope - leftOut.length;
    const coverage: PassthroughCoverage = inScope && !leftOut.length ? 'full' : covered > 0 ? 'partial' : 'none';
    return {
      servicePrincipalId: sp.id, appId: sp.appId, displayName: sp.displayName, ssoMode: sp.preferredSingleSignOnMode ?? '',
      assignmentRequired: sp.appRoleAssignmentRequired, coverage, usersInScope: inScope, usersCovered: covered, leftOut,
      enforcingPolicies: [...enforcing].sort(),
    };
  });
}

/** One row per app and left-out user (an app fully covered gets one row with no user): the passthrough artifact. */
export interface PassthroughRow {
  application: string;
  appId: string;
  ssoMode: string;
  coverage: PassthroughCoverage;
  usersInScope: number;
  usersCovered: number;
  enforcingPolicies: string;
  leftOutUserId: string;
  leftOutUser: string;
  why: string;
}

/** The MFA passthrough list for a snapshot, as flat rows an exporter writes to CSV. */
export function listMfaPassthrough(reader: SnapshotReader, settings: Partial<CheckSettings> = {}): PassthroughRow[] {
  const ctx = new CheckContext(reader, resolveSettings(reader, settings));
  if (ctx.missingReason(['users', 'conditionalAccess', 'applications', 'groups', 'roles'])) return [];
  const rows: PassthroughRow[] = [];
  for (const app of passthroughApps(ctx)) {
    const base = { application: app.displayName, appId: app.appId, ssoMode: app.ssoMode, coverage: app.coverage, usersInScope: app.usersInScope,
      usersCovered: app.usersCovered, enforcingPolicies: app.enforcingPolicies.join('; ') };
    if (!app.leftOut.length) rows.push({ ...base, leftOutUserId: '', leftOutUser: '', why: '' });
    for (const p of app.leftOut) rows.push({ ...base, leftOutUserId: p.userId, leftOutUser: p.userPrincipalName, why: p.why });
  }
  return rows;
}
