/**
 * Groups and their direct members: one security group per department (with nested sub-groups in
 * Engineering), Microsoft 365 groups, a synced group, a guest group, the CA exclusion and pilot
 * groups, app access groups and a role-assignable group. Clean leavers are in none.
 */
import { DAY_MS, isoSeconds } from './dates.js';
import { DEPARTMENTS } from './names.js';
import { Rng } from './prng.js';
import { grant } from './context.js';
import type { GenContext, UserPlan } from './context.js';
import type { GraphObject } from '../tenant.js';

/** Ids of the groups other builders refer to by purpose. */
export interface WellKnownGroups {
  caExclusion: string;
  mfaPilot: string;
  tier0: string;
  guests: string;
  engineering: string;
  appAccess: Record<string, string>;
  /** Department index -> group id. */
  departments: string[];
}

export const APP_ACCESS_GROUPS = ['Salesforce', 'Zoom', 'GitHub Enterprise', 'Atlassian Cloud'] as const;

interface GroupSpec {
  name: string;
  description: string;
  kind: 'security' | 'unified' | 'roleAssignable';
  synced?: boolean;
}

function groupObject(ctx: GenContext, rng: Rng, spec: GroupSpec): GraphObject {
  const id = rng.guid();
  const nick = spec.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const unified = spec.kind === 'unified';
  const created = isoSeconds(ctx.nowMs - (30 + rng.int(1500)) * DAY_MS);
  return {
    id,
    deletedDateTime: null,
    classification: null,
    createdDateTime: created,
    description: spec.description,
    displayName: spec.name,
    expirationDateTime: null,
    groupTypes: unified ? ['Unified'] : [],
    isAssignableToRole: spec.kind === 'roleAssignable' ? true : null,
    mail: unified ? `${nick}@${ctx.domain}` : null,
    mailEnabled: unified,
    mailNickname: nick,
    membershipRule: null,
    membershipRuleProcessingState: null,
    onPremisesLastSyncDateTime: spec.synced ? isoSeconds(ctx.nowMs - 20 * 60_000) : null,
    onPremisesSecurityIdentifier: spec.synced ? `S-1-5-21-1004336348-1177238915-682003330-${5000 + rng.int(1000)}` : null,
    onPremisesSyncEnabled: spec.synced ? true : null,
    preferredDataLocation: null,
    preferredLanguage: null,
    proxyAddresses: unified ? [`SMTP:${nick}@${ctx.domain}`, `smtp:${nick}@${ctx.initialDomain}`] : [],
    renewedDateTime: created,
    resourceBehaviorOptions: [],
    resourceProvisioningOptions: unified ? ['Team'] : [],
    securityEnabled: !unified || spec.kind !== 'unified',
    theme: null,
    visibility: unified ? 'Private' : null,
    onPremisesProvisioningErrors: [],
  };
}

/** Builds every group, the direct-member map, and the ids other builders need. */
export function buildGroups(ctx: GenContext, tier0Ids: string[]): {
  groups: GraphObject[];
  groupMembers: Map<string, string[]>;
  wellKnown: WellKnownGroups;
} {
  const rng = new Rng(ctx.seed, 20);
  const groups: GraphObject[] = [];
  const groupMembers = new Map<string, string[]>();
  const add = (spec: GroupSpec, members: string[]): string => {
    const g = groupObject(ctx, rng, spec);
    groups.push(g);
    groupMembers.set(g.id, members);
    for (const m of members) grant(ctx.ledger, ctx.ledger.groups, m, spec.name);
    return g.id;
  };
  const live = ctx.plans.filter((p) => !p.noAccess);
  const members = live.filter((p) => p.kind === 'member');
  const sample = (pool: UserPlan[], n: number): string[] => {
    const out = new Set<string>();
    const want = Math.min(n, pool.length);
    while (out.size < want) out.add(pool[rng.int(pool.length)].id);
    return [...out];
  };

  // Department groups; Engineering nests two sub-teams.
  const departments: string[] = [];
  let engineering = '';
  for (let d = 0; d < DEPARTMENTS.length; d++) {
    const dept = DEPARTMENTS[d];
    const inDept = members.filter((p) => p.department === d);
    if (dept.name === 'Engineering') {
      const half = Math.floor(inDept.length / 2);
      const backend = add({ name: 'Engineering - Backend', description: 'Backend engineers', kind: 'security' }, inDept.slice(0, half).map((p) => p.id));
      const frontend = add({ name: 'Engineering - Frontend', description: 'Frontend engineers', kind: 'security' }, inDept.slice(half).map((p) => p.id));
      engineering = add({ name: 'SG-Engineering', description: 'All engineering (nested teams)', kind: 'security' }, [backend, frontend]);
      departments.push(engineering);
    } else {
      departments.push(add({ name: `SG-${dept.name.replace(/ /g, '')}`, description: `${dept.name} department`, kind: 'security' }, inDept.map((p) => p.id)));
    }
  }

  const synced = members.filter((p) => p.synced);
  add({ name: 'SG-OnPrem-FileShare', description: 'Synced from Active Directory', kind: 'security', synced: true }, sample(synced, Math.max(3, synced.length / 3)));
  const guests = add({ name: 'External Partners', description: 'Guest users from partner organisations', kind: 'security' }, live.filter((p) => p.kind === 'guest').map((p) => p.id));
  const caExclusion = add(
    { name: 'CA-Exclusion-MFA', description: 'Temporarily excluded from the MFA policy', kind: 'security' },
    sample(members.filter((p) => p.index > 20), Math.max(2, Math.min(25, Math.floor(members.length / 200)))),
  );
  const mfaPilot = add({ name: 'MFA-Pilot', description: 'Pilot users for app MFA', kind: 'security' }, sample(members, Math.max(3, Math.floor(members.length / 20))));
  const tier0 = add({ name: 'Tier0 Role Admins', description: 'Role-assignable group for privileged roles', kind: 'roleAssignable' }, tier0Ids);

  const appAccess: Record<string, string> = {};
  for (const app of APP_ACCESS_GROUPS) {
    appAccess[app] = add({ name: `App-${app.replace(/ /g, '')}-Users`, description: `Users of ${app}`, kind: 'security' }, sample(members, Math.max(3, Math.floor(members.length / 10))));
  }

  const projects = Math.max(3, Math.min(400, Math.floor(ctx.plans.length / 300)));
  const topics = ['Project', 'Team', 'Community', 'Initiative'];
  for (let k = 0; k < projects; k++) {
    const name = `${topics[k % topics.length]} ${String.fromCharCode(65 + (k % 26))}${Math.floor(k / 26) || ''}`;
    add({ name, description: `${name} collaboration space`, kind: 'unified' }, sample(live, 5 + rng.int(40)));
  }
  return { groups, groupMembers, wellKnown: { caExclusion, mfaPilot, tier0, guests, engineering, appAccess, departments } };
}

/**
 * Groups whose members are not users: a device group (Intune targeting) and a group of
 * service principals (automation identities). Built after devices and apps exist.
 */
export function buildNonUserGroups(ctx: GenContext, deviceIds: string[], servicePrincipalIds: string[]): {
  groups: GraphObject[];
  groupMembers: Map<string, string[]>;
} {
  const rng = new Rng(ctx.seed, 21);
  const groups: GraphObject[] = [];
  const groupMembers = new Map<string, string[]>();
  const specs: [GroupSpec, string[]][] = [
    [{ name: 'Windows Autopilot Devices', description: 'Corporate Windows devices for Intune policy targeting', kind: 'security' }, deviceIds],
    [{ name: 'Automation Identities', description: 'Service principals used by automation', kind: 'security' }, servicePrincipalIds],
  ];
  for (const [spec, members] of specs) {
    const g = groupObject(ctx, rng, spec);
    groups.push(g);
    groupMembers.set(g.id, members);
  }
  return { groups, groupMembers };
}
