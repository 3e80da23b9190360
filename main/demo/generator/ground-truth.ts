/**
 * Ground truth: the facts the generator intended, written from the same decisions that built the
 * tenant (plans, grants, app and policy specs), never re-derived from the Graph objects. Tests of
 * collectors and checks compare their findings against it.
 */
import { DAY_MS } from './dates.js';
import { TRAITS } from './mfa-methods.js';
import { LEAVER_GRACE_DAYS, STALE_DAYS } from './plans.js';
import { PRIVILEGED_ROLE_IDS, BUILT_IN_ROLES, HIGHLY_PRIVILEGED_ROLE_IDS } from './roles.js';
import { ALL_USERS_MFA_POLICY } from './conditional-access.js';
import { AZURE_MANAGEMENT_APP_ID, EVERY_APP, excludedFrom, inAudience, mfaRequired, ruleSignature, type RuleSubject } from './mfa-rules.js';
import type { CaDesign, MfaRule } from './conditional-access.js';
import type { PlantedSignIns } from './sign-ins.js';
import type { Activity, GenContext, LeaverKind, MfaProfile, UserKind, UserPlan } from './context.js';
import type { CredentialFact, SsoAppFact } from './apps.js';
import type { Coverage } from './apps-catalog.js';
import type { HrRow } from './hr-csv.js';
import type { RoleGrant } from './roles.js';
import type { DeviceFact, DeviceState } from './devices.js';
import type { AlertFact, RiskFact } from './security.js';

/** What the generator decided about one account (live or deleted). */
export interface UserTruth {
  id: string;
  userPrincipalName: string;
  kind: UserKind;
  /** An enabled, not deleted, member account of a person (kind 'member'). */
  activeMember: boolean;
  guest: boolean;
  /** accountEnabled false (deleted users count as disabled too). */
  disabled: boolean;
  /** In deletedUsers, not in users. */
  deleted: boolean;
  /** UPN in the federated domain: MFA happens at the federated IdP, no Entra methods. */
  federated: boolean;
  /** onPremisesSyncEnabled. */
  synced: boolean;
  /** passwordPolicies contains DisablePasswordExpiration. */
  passwordNeverExpires: boolean;
  mfaProfile: MfaProfile;
  /** Has a method usable as an Entra second factor (a strong method or a phone). */
  mfaRegistered: boolean;
  /** Has Authenticator, FIDO2, Windows Hello or software OATH. */
  strongMfaRegistered: boolean;
  /** Has FIDO2 or Windows Hello for Business. */
  phishingResistant: boolean;
  /** No strong method: password, and at most email, phone or a TAP. */
  onlyWeakMethods: boolean;
  /** Second factors are SMS/voice phones only. */
  onlySmsVoice: boolean;
  /** Only the password method. */
  passwordOnly: boolean;
  activity: Activity;
  lastSignInDateTime: string | null;
  lastNonInteractiveSignInDateTime: string | null;
  createdDateTime: string;
  /** Signed in at some point, but the latest of interactive and non-interactive is > 90 days ago. */
  stale: boolean;
  /** The last interactive sign-in is > 90 days ago or absent while non-interactive use is recent. */
  interactiveOnlyStale: boolean;
  neverSignedIn: boolean;
  /** createdDateTime is more than 90 days before now (meaningful with neverSignedIn). */
  createdBeforeThreshold: boolean;
  /** Holds an active directory role (directly or through the role-assignable group). */
  admin: boolean;
  /** Directory roles held, active or PIM-eligible, directly or through a group (template ids, sorted). */
  rolesHeld: string[];
  /** Holds a role Microsoft labels privileged or CISA SCuBA calls highly privileged (active or eligible). */
  privileged: boolean;
  /**
   * What the MFA rules of the enabled policies (or security defaults) require of the user every time
   * (mfa-rules.ts): MFA on every app, phishing-resistant MFA on every app, MFA on Azure management.
   */
  mfaEnforced: { everyApp: boolean; phishingResistantEveryApp: boolean; azureManagement: boolean };
  /** Left out (by name or group) of an enabled policy that requires MFA. */
  excludedFromMfaPolicy: boolean;
}

/** A leaver row of the HR CSV and what the tenant shows for it. */
export interface LeaverTruth {
  /** 0-based data row of the CSV (header excluded). */
  row: number;
  userPrincipalName: string;
  employeeId: string;
  terminationDate: string;
  /** Matched account id, or null when the row matches no account. */
  userId: string | null;
  kind: LeaverKind | 'unmatched';
  /** Deleted, or disabled with no group, role or app assignment and no sign-in after termination + grace. */
  offboardedCorrectly: boolean;
  /** What access the account still has (empty lists when none). */
  keptAccess: { enabled: boolean; groups: string[]; roles: string[]; apps: string[] };
  /** Interactive sign-in after terminationDate + grace days. */
  signInAfterGrace: boolean;
}

export interface AppCoverageTruth {
  servicePrincipalId: string;
  appId: string;
  displayName: string;
  sso: 'saml' | 'oidc';
  /** The intended coverage kind (apps-catalog.ts). */
  intent: Coverage;
  /**
   * Counting only enabled policies that require MFA (grant or strength) without risk, location or
   * client-app conditions, over the users who can sign in to the app (its assignees when assignment is
   * required): full = all of them but the break-glass accounts are covered; partial = some are left out
   * (an excluded group with members among them, or only a group is included); none = no such policy.
   */
  coverage: 'full' | 'partial' | 'none';
  /** Enabled policies requiring MFA (grant or strength) that include the app. */
  enforcingPolicyIds: string[];
  /**
   * Who the enabled policies leave out: the break-glass users (excluded from every policy, by design),
   * excluded groups, "only these groups are included", or everyone (no coverage).
   */
  leftOut: { excludedUserIds: string[]; excludedGroupIds: string[]; onlyIncludedGroupIds: string[]; everyone: boolean };
}

/** Who can sign in to an SSO app and who of them no MFA rule covers there. */
export interface SsoAppMfaTruth {
  /** Enabled users who can sign in (assignees when assignment is required), emergency-access accounts apart (ids, unsorted). */
  population: string[];
  /** Those of `population` no MFA rule covers on this app (ids, unsorted). */
  notEnforced: string[];
}

export interface GroundTruth {
  now: string;
  staleDays: number;
  leaverGraceDays: number;
  licence: GenContext['licence'];
  counts: {
    users: number;
    members: number;
    guests: number;
    serviceAccounts: number;
    disabled: number;
    deleted: number;
    federated: number;
    synced: number;
    groups: number;
    devices: number;
    signIns: number;
  };
  /** Every account by id (live and deleted). */
  users: Map<string, UserTruth>;
  breakGlassIds: string[];
  /** Users holding an active (permanent or time-bound) Global Administrator assignment. */
  globalAdminIds: string[];
  /** Every role decision (active and eligible), each with whether Microsoft labels the role privileged. */
  roleGrants: (RoleGrant & { privileged: boolean })[];
  permanentPrivileged: RoleGrant[];
  timeBoundPrivileged: RoleGrant[];
  eligiblePrivileged: RoleGrant[];
  /** Special role-holder cases. */
  guestRoleHolderIds: string[];
  syncedPrivilegedHolderIds: string[];
  disabledPrivilegedHolderIds: string[];
  /** Users with an active privileged role and no strong method (SMS-only, password-only, ...). */
  privilegedWithoutStrongMfaIds: string[];
  /** Users with an active privileged role and no MFA method at all. */
  privilegedWithoutMfaIds: string[];
  leavers: LeaverTruth[];
  apps: AppCoverageTruth[];
  credentials: CredentialFact[];
  expiredCredentialKeyIds: string[];
  expiringCredentialKeyIds: string[];
  /** Credentials whose lifetime (end - start) exceeds 365 days / 180 days. */
  credentialsOver365DaysKeyIds: string[];
  credentialsOver180DaysKeyIds: string[];
  /** servicePrincipalId -> high-privilege Microsoft Graph application permissions held. */
  highPrivilegeServicePrincipals: Map<string, string[]>;
  ownerlessApplicationIds: string[];
  /** Every app registration (object ids). */
  applicationIds: string[];
  /** Service principals granted any Microsoft Graph application permission, high-privilege or not. */
  graphPermissionSpIds: string[];
  conditionalAccess: {
    securityDefaultsEnabled: boolean;
    policyIds: Map<string, string>;
    legacyAuthBlocked: boolean;
    /** The CA exclusion group (left out of the all-users MFA policy). */
    exclusionGroupId: string;
    /** Every policy with its state (enabled, enabledForReportingButNotEnforced, disabled). */
    policies: { id: string; name: string; state: string }[];
    /** The unconditional MFA requirements of enabled policies (or security defaults on a free tenant). */
    mfaRules: MfaRule[];
    /** Tenant-wide protections the policies were designed to give. */
    design: CaDesign;
    /** Enabled accounts left out of every enabled policy: the break-glass accounts (none without policies). */
    emergencyAccessIds: string[];
  };
  devices: Record<DeviceState, number>;
  deviceFacts: DeviceFact[];
  risk: RiskFact[];
  alerts: AlertFact[];
  /** Who can use an SSO app (by service principal id) and who gets no MFA on it, computed on demand. */
  ssoAppMfa(servicePrincipalId: string): SsoAppMfaTruth;
  /** The planted successful interactive sign-ins per user id within [from, to] (ISO; default all 30 days), computed on demand. */
  signIns(from?: string, to?: string): Map<string, PlantedSignIns>;
}

export interface TruthInputs {
  ctx: GenContext;
  grants: RoleGrant[];
  adminIds: Set<string>;
  breakGlassIds: string[];
  hrRows: HrRow[];
  ssoApps: SsoAppFact[];
  credentials: CredentialFact[];
  highPrivilegeSps: Map<string, string[]>;
  ownerlessApplicationIds: string[];
  applicationIds: string[];
  graphPermissionSpIds: string[];
  policyIdsByApp: Map<string, string[]>;
  policyIds: Map<string, string>;
  enabledPolicyIds: Set<string>;
  exclusionGroupId: string;
  /** Direct members of each group the generator made (group id -> member ids). */
  groupMembers: Map<string, string[]>;
  salesforceGroupId: string | undefined;
  devices: DeviceFact[];
  risk: RiskFact[];
  alerts: AlertFact[];
  mfaRules: MfaRule[];
  policyStates: { id: string; name: string; state: string }[];
  caDesign: CaDesign;
  signIns(from?: string, to?: string): Map<string, PlantedSignIns>;
  groupCount: number;
  signInCount: number;
}

const COVERAGE: Record<Coverage, AppCoverageTruth['coverage']> = {
  full: 'full',
  globalOnly: 'partial',
  groupOnly: 'partial',
  reportOnly: 'none',
  disabledOnly: 'none',
  none: 'none',
};

/** Assembles the ground truth from the generator's decisions. */
export function buildTruth(t: TruthInputs): GroundTruth {
  const { ctx } = t;
  const staleMs = STALE_DAYS * DAY_MS;
  const users = new Map<string, UserTruth>();
  /** Users in a group, through nested groups too. */
  const membersOf = (groupId: string, seen = new Set<string>()): string[] => {
    if (seen.has(groupId)) return [];
    seen.add(groupId);
    return (t.groupMembers.get(groupId) ?? []).flatMap((m) => (t.groupMembers.has(m) ? membersOf(m, seen) : [m]));
  };
  const memberSets = new Map<string, ReadonlySet<string>>();
  const members = (groupId: string): ReadonlySet<string> => {
    let set = memberSets.get(groupId);
    if (!set) memberSets.set(groupId, (set = new Set(membersOf(groupId))));
    return set;
  };
  // Roles each user holds, from the grants (a group's grant reaches its members).
  const rolesHeld = new Map<string, Set<string>>();
  for (const g of t.grants) {
    for (const id of g.principalType === 'user' ? [g.principalId] : members(g.principalId)) {
      const held = rolesHeld.get(id);
      if (held) held.add(g.roleDefinitionId);
      else rolesHeld.set(id, new Set([g.roleDefinitionId]));
    }
  }
  const noRoles: ReadonlySet<string> = new Set();
  const subjectOf = (p: UserPlan): RuleSubject => ({ id: p.id, guest: p.kind === 'guest', roles: rolesHeld.get(p.id) ?? noRoles });
  const signatureOf = ruleSignature(t.mfaRules, members);
  /** Each plan's rule signature, filled by the user loop below. */
  const signatures: string[] = new Array(ctx.plans.length);
  const answers = new Map<string, boolean>();
  /** Does a rule require `level` of plan `index` on the app? One evaluation per signature, app and level. */
  const required = (index: number, appId: string, level: MfaRule['level']): boolean => {
    const key = `${signatures[index]}|${appId}|${level}`;
    let answer = answers.get(key);
    if (answer === undefined) answers.set(key, (answer = mfaRequired(t.mfaRules, subjectOf(ctx.plans[index]), appId, level, members)));
    return answer;
  };
  type CaFacts = Pick<UserTruth, 'mfaEnforced' | 'excludedFromMfaPolicy'>;
  const caFactsBySignature = new Map<string, CaFacts>();
  /** The conditional access facts of plan `index` (shared by users of one signature). */
  const caFactsOf = (index: number): CaFacts => {
    let f = caFactsBySignature.get(signatures[index]);
    if (!f) {
      const mfaEnforced = {
        everyApp: required(index, EVERY_APP, 'mfa'),
        phishingResistantEveryApp: required(index, EVERY_APP, 'phishing-resistant'),
        azureManagement: required(index, AZURE_MANAGEMENT_APP_ID, 'mfa'),
      };
      const subject = subjectOf(ctx.plans[index]);
      const excludedFromMfaPolicy = t.mfaRules.some((r) => inAudience(r, subject, members) && excludedFrom(r, subject.id, members));
      caFactsBySignature.set(signatures[index], (f = { mfaEnforced, excludedFromMfaPolicy }));
    }
    return f;
  };
  // The break-glass accounts are excluded from every policy: with policies in place, conditional access shows them as emergency access.
  const emergencyAccessIds = t.policyStates.some((p) => p.state === 'enabled') ? t.breakGlassIds : [];
  const counts = { users: 0, members: 0, guests: 0, serviceAccounts: 0, disabled: 0, deleted: 0, federated: 0, synced: 0, groups: t.groupCount, devices: t.devices.length, signIns: t.signInCount };
  for (const p of ctx.plans) {
    const m = TRAITS[p.mfa];
    const deleted = p.deleted;
    const li = p.lastInteractiveMs;
    const ln = p.lastNonInteractiveMs;
    const last = li === null && ln === null ? null : Math.max(li ?? 0, ln ?? 0);
    const roles = rolesHeld.get(p.id) ?? noRoles;
    signatures[p.index] = signatureOf({ id: p.id, guest: p.kind === 'guest', roles });
    const ca = caFactsOf(p.index);
    users.set(p.id, {
      id: p.id,
      userPrincipalName: p.upn,
      kind: p.kind,
      activeMember: p.kind === 'member' && p.enabled && !deleted,
      guest: p.kind === 'guest',
      disabled: !p.enabled || deleted,
      deleted,
      federated: p.federated,
      synced: p.synced,
      passwordNeverExpires: p.passwordNeverExpires,
      mfaProfile: p.mfa,
      mfaRegistered: m.mfaRegistered,
      strongMfaRegistered: m.strong,
      phishingResistant: m.phishingResistant,
      onlyWeakMethods: m.onlyWeakMethods,
      onlySmsVoice: m.onlySmsVoice,
      passwordOnly: m.passwordOnly,
      activity: p.activity,
      lastSignInDateTime: p.iso.lastInteractive,
      lastNonInteractiveSignInDateTime: p.iso.lastNonInteractive,
      createdDateTime: p.iso.created,
      stale: last !== null && ctx.nowMs - last > staleMs,
      interactiveOnlyStale: (li === null || ctx.nowMs - li > staleMs) && ln !== null && ctx.nowMs - ln <= staleMs,
      neverSignedIn: last === null,
      createdBeforeThreshold: ctx.nowMs - p.createdMs > staleMs,
      admin: t.adminIds.has(p.id),
      rolesHeld: roles.size ? [...roles].sort() : [],
      privileged: roles.size > 0 && [...roles].some((r) => PRIVILEGED_ROLE_IDS.has(r) || HIGHLY_PRIVILEGED_ROLE_IDS.has(r)),
      mfaEnforced: ca.mfaEnforced,
      excludedFromMfaPolicy: ca.excludedFromMfaPolicy,
    });
    if (deleted) {
      counts.deleted++;
      continue;
    }
    counts.users++;
    if (p.kind === 'guest') counts.guests++;
    else if (p.kind === 'service') counts.serviceAccounts++;
    else counts.members++;
    if (!p.enabled) counts.disabled++;
    if (p.federated) counts.federated++;
    if (p.synced) counts.synced++;
  }

  const roleGrants = t.grants.map((g) => ({ ...g, privileged: PRIVILEGED_ROLE_IDS.has(g.roleDefinitionId) }));
  const priv = roleGrants.filter((g) => g.privileged);
  const activePrivUsers = [...new Set(priv.filter((g) => g.kind !== 'eligible' && g.principalType === 'user').map((g) => g.principalId))];
  const u = (id: string): UserTruth => users.get(id)!;

  const leaverPlans = new Map(ctx.plans.filter((p) => p.leaver).map((p) => [p.id, p]));
  const leavers: LeaverTruth[] = t.hrRows.map((r, row) => {
    if (!r.userId) {
      return { row, userPrincipalName: r.userPrincipalName, employeeId: r.employeeId, terminationDate: r.terminationDate, userId: null, kind: 'unmatched', offboardedCorrectly: false, keptAccess: { enabled: false, groups: [], roles: [], apps: [] }, signInAfterGrace: false };
    }
    const plan = leaverPlans.get(r.userId)!;
    const deleted = plan.deleted;
    const keptAccess = {
      enabled: plan.enabled && !deleted,
      groups: ctx.ledger.groups.get(plan.id) ?? [],
      roles: ctx.ledger.roles.get(plan.id) ?? [],
      apps: ctx.ledger.apps.get(plan.id) ?? [],
    };
    const graceEnd = Date.parse(r.terminationDate) + LEAVER_GRACE_DAYS * DAY_MS;
    const signInAfterGrace = plan.lastInteractiveMs !== null && plan.lastInteractiveMs > graceEnd;
    const clean = !keptAccess.enabled && keptAccess.groups.length === 0 && keptAccess.roles.length === 0 && keptAccess.apps.length === 0;
    return {
      row,
      userPrincipalName: r.userPrincipalName,
      employeeId: r.employeeId,
      terminationDate: r.terminationDate,
      userId: r.userId,
      kind: plan.leaver!,
      offboardedCorrectly: deleted || (clean && !signInAfterGrace),
      keptAccess,
      signInAfterGrace,
    };
  });

  const excluded = new Set(membersOf(t.exclusionGroupId));
  /** Does the exclusion group leave out anyone who can sign in to the app (enabled, not break-glass)? */
  const exclusionBites = (a: SsoAppFact): boolean => {
    if (!a.assignmentRequired) return excluded.size > 0;
    const assignees = [...a.assignedUserIds, ...a.assignedGroupIds.flatMap((g) => membersOf(g))];
    return assignees.some((id) => excluded.has(id) && !users.get(id)!.disabled && !t.breakGlassIds.includes(id));
  };
  const apps: AppCoverageTruth[] = t.ssoApps.map((a) => {
    const enforcing = (t.policyIdsByApp.get(a.appId) ?? []).filter((id) => t.enabledPolicyIds.has(id));
    const allUsersMfa = t.policyIds.get(ALL_USERS_MFA_POLICY);
    if (allUsersMfa && (a.coverage === 'full' || a.coverage === 'globalOnly')) enforcing.push(allUsersMfa);
    const bites = a.coverage === 'globalOnly' && exclusionBites(a);
    const coverage = ctx.licence === 'free' ? 'none' : a.coverage === 'globalOnly' && !bites ? 'full' : COVERAGE[a.coverage];
    const leftOut = {
      excludedUserIds: coverage === 'none' ? [] : t.breakGlassIds,
      excludedGroupIds: bites ? [t.exclusionGroupId] : [],
      onlyIncludedGroupIds: a.coverage === 'groupOnly' && t.salesforceGroupId ? [t.salesforceGroupId] : [],
      everyone: coverage === 'none',
    };
    return { servicePrincipalId: a.servicePrincipalId, appId: a.appId, displayName: a.displayName, sso: a.sso, intent: a.coverage, coverage, enforcingPolicyIds: ctx.licence === 'free' ? [] : enforcing, leftOut };
  });

  const ssoAppMfa = (servicePrincipalId: string): SsoAppMfaTruth => {
    const a = t.ssoApps.find((x) => x.servicePrincipalId === servicePrincipalId);
    if (!a) throw new Error(`not an SSO app: ${servicePrincipalId}`);
    const emergency = new Set(emergencyAccessIds);
    const canSignIn = (p: UserPlan): boolean => p.enabled && !p.deleted && !emergency.has(p.id);
    const byId = a.assignmentRequired ? new Map(ctx.plans.map((p) => [p.id, p])) : undefined;
    const population = byId
      ? [...new Set([...a.assignedUserIds, ...a.assignedGroupIds.flatMap((g) => [...members(g)])])].map((id) => byId.get(id)!).filter(canSignIn)
      : ctx.plans.filter(canSignIn);
    return { population: population.map((p) => p.id), notEnforced: population.filter((p) => !required(p.index, a.appId, 'mfa')).map((p) => p.id) };
  };

  const devices: Record<DeviceState, number> = { compliant: 0, nonCompliant: 0, unmanaged: 0 };
  for (const d of t.devices) devices[d.state]++;

  return {
    now: ctx.now,
    staleDays: STALE_DAYS,
    leaverGraceDays: LEAVER_GRACE_DAYS,
    licence: ctx.licence,
    counts,
    users,
    breakGlassIds: t.breakGlassIds,
    globalAdminIds: [...new Set(t.grants.filter((g) => g.roleDefinitionId === BUILT_IN_ROLES.globalAdministrator.id && g.kind !== 'eligible' && g.principalType === 'user').map((g) => g.principalId))],
    roleGrants,
    permanentPrivileged: priv.filter((g) => g.kind === 'permanent'),
    timeBoundPrivileged: priv.filter((g) => g.kind === 'timeBound'),
    eligiblePrivileged: priv.filter((g) => g.kind === 'eligible'),
    guestRoleHolderIds: [...new Set(t.grants.filter((g) => g.principalType === 'user' && u(g.principalId).guest).map((g) => g.principalId))],
    syncedPrivilegedHolderIds: activePrivUsers.filter((id) => u(id).synced),
    disabledPrivilegedHolderIds: activePrivUsers.filter((id) => u(id).disabled),
    privilegedWithoutStrongMfaIds: activePrivUsers.filter((id) => !u(id).strongMfaRegistered),
    privilegedWithoutMfaIds: activePrivUsers.filter((id) => !u(id).mfaRegistered),
    leavers,
    apps,
    credentials: t.credentials,
    expiredCredentialKeyIds: t.credentials.filter((c) => c.expired).map((c) => c.keyId),
    expiringCredentialKeyIds: t.credentials.filter((c) => c.expiringWithin30Days).map((c) => c.keyId),
    credentialsOver365DaysKeyIds: t.credentials.filter((c) => c.lifetimeDays > 365).map((c) => c.keyId),
    credentialsOver180DaysKeyIds: t.credentials.filter((c) => c.lifetimeDays > 180).map((c) => c.keyId),
    highPrivilegeServicePrincipals: t.highPrivilegeSps,
    ownerlessApplicationIds: t.ownerlessApplicationIds,
    applicationIds: t.applicationIds,
    graphPermissionSpIds: t.graphPermissionSpIds,
    conditionalAccess: {
      securityDefaultsEnabled: ctx.licence === 'free',
      policyIds: t.policyIds,
      legacyAuthBlocked: ctx.licence !== 'free',
      exclusionGroupId: t.exclusionGroupId,
      policies: t.policyStates,
      mfaRules: t.mfaRules,
      design: t.caDesign,
      emergencyAccessIds,
    },
    devices,
    deviceFacts: t.devices,
    risk: t.risk,
    alerts: t.alerts,
    ssoAppMfa,
    signIns: t.signIns,
  };
}
