/**
 * An access review campaign: for chosen groups, roles and applications, every principal who has
 * access, how they got it, and the evidence a reviewer needs to decide keep or remove (last sign-in,
 * MFA, department, manager). Built from a snapshot only; group memberships are transitive there,
 * so a member reached through a nested group is shown "via nested group X".
 */
import type { Evidence } from '../../shared/results.js';
import type { UserRow } from '../../shared/snapshot.js';
import type { SnapshotView } from '../diff/snapshot-view.js';
import { strongMethods } from '../diff/strong-methods.js';

export type ResourceType = 'group' | 'role' | 'application';

/** What the campaign covers, as the user named it: ids or display names. */
export interface ReviewScope {
  groups?: string[];
  roles?: string[];
  apps?: string[];
}

export interface ReviewItem {
  /** Stable within the campaign: R-0001, R-0002 ... in resource then principal order. */
  itemId: string;
  resourceType: ResourceType;
  resourceId: string;
  resourceName: string;
  principalType: 'user' | 'servicePrincipal';
  principalId: string;
  principalName: string;
  /** "direct member", "active assignment via group Tier0", ... (several joined with "; "). */
  grantedVia: string;
  evidence: Evidence;
}

export interface Campaign {
  id: string;
  name: string;
  createdAt: string;
  createdBy: string;
  tenantId: string;
  snapshotId: string;
  /** The snapshot's content hash when the campaign was made: the evidence it shows. */
  contentHash: string | null;
  resources: { type: ResourceType; id: string; name: string }[];
  items: ReviewItem[];
}

/** A name in the scope that matches no object, or several. */
export class ReviewScopeError extends Error {}

interface Named {
  id: string;
  name: string;
  alt?: string;
}

function resolve(kind: string, wanted: string, all: Named[]): Named {
  const exact = all.filter((o) => o.id === wanted || o.alt === wanted);
  if (exact.length) return exact[0];
  const byName = all.filter((o) => o.name.toLowerCase() === wanted.toLowerCase());
  if (byName.length === 1) return byName[0];
  if (byName.length > 1) throw new ReviewScopeError(`${kind} "${wanted}" is ambiguous: ${byName.map((o) => o.id).join(', ')}; give the id`);
  throw new ReviewScopeError(`no ${kind} "${wanted}" in this snapshot (give its id or exact display name)`);
}

/** Options for buildCampaign: who makes it, when, and its name. */
export interface CampaignInfo {
  id: string;
  name: string;
  createdAt: string;
  createdBy: string;
}

/** Builds the campaign's items for `scope` from one snapshot. Throws ReviewScopeError for unknown names. */
export function buildCampaign(view: SnapshotView, scope: ReviewScope, info: CampaignInfo): Campaign {
  const users = new Map(view.users().map((u) => [u.id, u]));
  const groups = view.groups();
  const groupName = new Map(groups.map((g) => [g.id, g.displayName]));
  const sps = view.servicePrincipals();
  const spName = new Map(sps.map((s) => [s.id, s.displayName]));
  const members = new Map<string, { id: string; type: string }[]>();
  for (const m of view.groupMembers()) {
    const list = members.get(m.groupId) ?? [];
    list.push({ id: m.memberId, type: m.memberType });
    members.set(m.groupId, list);
  }
  const mfaComplete = view.coverageOf('mfaRegistration').status === 'complete';
  const mfa = new Map(view.mfaRegistrations().map((r) => [r.userId, r.methods]));
  const signInsKnown = view.coverageOf('signInActivity').status === 'complete';

  const resources: Campaign['resources'] = [];
  // resourceKey -> principalId -> ways
  const grants = new Map<string, Map<string, Set<string>>>();
  const grant = (resKey: string, principalId: string, way: string) => {
    const byPrincipal = grants.get(resKey) ?? new Map<string, Set<string>>();
    const ways = byPrincipal.get(principalId) ?? new Set<string>();
    ways.add(way);
    byPrincipal.set(principalId, ways);
    grants.set(resKey, byPrincipal);
  };
  const viaGroup = (resKey: string, groupId: string, how: string) => {
    for (const m of members.get(groupId) ?? []) if (m.type !== 'group' && m.type !== 'device') grant(resKey, m.id, `${how} via group ${groupName.get(groupId) ?? groupId}`);
  };

  for (const wanted of scope.groups ?? []) {
    const g = resolve('group', wanted, groups.map((x) => ({ id: x.id, name: x.displayName })));
    resources.push({ type: 'group', id: g.id, name: g.name });
    const key = `group|${g.id}`;
    const list = members.get(g.id) ?? [];
    const nested = list.filter((m) => m.type === 'group').map((m) => ({ id: m.id, ids: new Set((members.get(m.id) ?? []).map((x) => x.id)) }));
    for (const m of list) {
      if (m.type === 'group' || m.type === 'device') continue;
      const through = nested.filter((n) => n.ids.has(m.id)).map((n) => n.id);
      grant(key, m.id, through.length ? `member via nested group ${through.map((n) => groupName.get(n) ?? n).join(', ')}` : 'direct member');
    }
  }
  const roleDefs = view.roleDefinitions();
  const assignments = view.roleAssignments();
  for (const wanted of scope.roles ?? []) {
    const r = resolve('role', wanted, roleDefs.map((x) => ({ id: x.id, name: x.displayName, alt: x.templateId })));
    const def = roleDefs.find((d) => d.id === r.id)!;
    resources.push({ type: 'role', id: r.id, name: r.name });
    const key = `role|${r.id}`;
    for (const a of assignments) {
      if (a.roleDefinitionId !== def.id && a.roleDefinitionId !== def.templateId) continue;
      if (groupName.has(a.principalId)) viaGroup(key, a.principalId, `${a.kind} assignment`);
      else grant(key, a.principalId, `direct ${a.kind} assignment${a.directoryScopeId !== '/' ? ` at scope ${a.directoryScopeId}` : ''}`);
    }
  }
  const appAssignments = view.appAssignments();
  for (const wanted of scope.apps ?? []) {
    const s = resolve('application', wanted, sps.map((x) => ({ id: x.id, name: x.displayName, alt: x.appId })));
    resources.push({ type: 'application', id: s.id, name: s.name });
    const key = `application|${s.id}`;
    for (const a of appAssignments) {
      if (a.resourceId !== s.id) continue;
      if (a.principalType === 'Group') viaGroup(key, a.principalId, 'assignment');
      else grant(key, a.principalId, 'direct assignment');
    }
  }

  const lastSignIn = (u: UserRow) => {
    if (!signInsKnown) return 'not collected';
    const times = [u.lastSignInDateTime, u.lastNonInteractiveSignInDateTime].filter((t): t is string => !!t).sort();
    return times.length ? times[times.length - 1] : 'never';
  };
  const userEvidence = (u: UserRow, grantedVia: string): Evidence => {
    const manager = u.managerId ? users.get(u.managerId) : undefined;
    const methods = mfa.get(u.id);
    return {
      upn: u.userPrincipalName, accountEnabled: u.accountEnabled, userType: u.userType, lastSignIn: lastSignIn(u),
      mfaMethods: !mfaComplete ? 'not collected' : methods ? strongMethods(methods).join(';') || 'none' : 'none',
      department: u.department, jobTitle: u.jobTitle,
      manager: manager ? `${manager.displayName} (${manager.userPrincipalName})` : u.managerId, grantedVia,
    };
  };

  const items: ReviewItem[] = [];
  for (const res of resources) {
    const byPrincipal = grants.get(`${res.type}|${res.id}`) ?? new Map<string, Set<string>>();
    const rows = [...byPrincipal].map(([principalId, ways]) => {
      const grantedVia = [...ways].sort().join('; ');
      const u = users.get(principalId);
      return u
        ? { principalType: 'user' as const, principalId, principalName: u.displayName, grantedVia, evidence: userEvidence(u, grantedVia) }
        : { principalType: 'servicePrincipal' as const, principalId, principalName: spName.get(principalId) ?? principalId, grantedVia,
          evidence: { upn: null, accountEnabled: sps.find((s) => s.id === principalId)?.accountEnabled ?? null, userType: 'servicePrincipal',
            lastSignIn: null, mfaMethods: null, department: null, jobTitle: null, manager: null, grantedVia } };
    });
    rows.sort((a, b) => a.principalName.localeCompare(b.principalName, 'en') || (a.principalId < b.principalId ? -1 : 1));
    for (const r of rows) items.push({ itemId: '', resourceType: res.type, resourceId: res.id, resourceName: res.name, ...r });
  }
  items.forEach((it, i) => (it.itemId = `R-${String(i + 1).padStart(4, '0')}`));
  const meta = view.meta();
  return { ...info, tenantId: meta.tenantId, snapshotId: meta.snapshotId, contentHash: meta.contentHash, resources, items };
}
