/**
 * Cross-IdP MFA passthrough: for each enterprise app that signs users in through Microsoft SSO
 * (SAML or OIDC, e.g. GitHub Enterprise, Slack, Salesforce), does conditional access enforce MFA
 * for everyone who can use it? Who can use it: the users assigned (directly or through groups)
 * when the app requires assignment, otherwise every enabled user; emergency-access accounts apart.
 * "full" means every one of them gets MFA enforced on that app, so the app's own MFA checks pass by
 * passthrough; "partial" lists who is left out and why; "none" means nobody is covered.
 */
import type { ServicePrincipalRow } from '../../shared/snapshot.js';
import type { SnapshotReader } from '../store/types.js';
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

/** Users who can sign in to the app (enabled; emergency-access accounts apart), by id. */
function population(ctx: CheckContext, sp: ServicePrincipalRow): string[] {
  const users = ctx.usersById();
  const emergency = ctx.emergencyAccounts();
  const ids = new Set<string>();
  if (sp.appRoleAssignmentRequired) {
    for (const a of ctx.appAssignments()) {
      if (a.resourceId !== sp.id) continue;
      if (a.principalType === 'User') ids.add(a.principalId);
      else if (a.principalType === 'Group') for (const u of ctx.directory().usersOfGroup(a.principalId)) ids.add(u);
    }
  } else {
    for (const u of ctx.users()) ids.add(u.id);
  }
  return [...ids].filter((id) => users.get(id)?.accountEnabled && !emergency.has(id)).sort();
}

/** The passthrough verdict of each SSO app, computed from a run's context. */
export function passthroughApps(ctx: CheckContext): PassthroughApp[] {
  const ca = ctx.ca();
  const users = ctx.usersById();
  return ssoApps(ctx).map((sp) => {
    const scope = population(ctx, sp);
    const leftOut: PassthroughPrincipal[] = [];
    const enforcing = new Set<string>();
    for (const id of scope) {
      const e = ca.evaluate({ userId: id, appId: sp.appId });
      for (const p of e.enforcedBy) enforcing.add(p.displayName);
      if (e.verdict !== 'enforced') leftOut.push({ userId: id, userPrincipalName: users.get(id)!.userPrincipalName, why: e.summary });
    }
    leftOut.sort((a, b) => (a.userPrincipalName < b.userPrincipalName ? -1 : a.userPrincipalName > b.userPrincipalName ? 1 : 0));
    const covered = scope.length - leftOut.length;
    const coverage: PassthroughCoverage = scope.length && !leftOut.length ? 'full' : covered > 0 ? 'partial' : 'none';
    return {
      servicePrincipalId: sp.id, appId: sp.appId, displayName: sp.displayName, ssoMode: sp.preferredSingleSignOnMode ?? '',
      assignmentRequired: sp.appRoleAssignmentRequired, coverage, usersInScope: scope.length, usersCovered: covered, leftOut,
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
