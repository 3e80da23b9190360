/**
 * Directory roles: built-in role definitions with their real template ids, active assignments
 * (permanent, and time-bound through PIM schedules on P2), and PIM-eligible schedules.
 * Who holds what comes from the special tags at the head of the plan list.
 */
import { DAY_MS, isoSeconds } from './dates.js';
import { Rng } from './prng.js';
import { grant } from './context.js';
import type { GenContext, UserPlan } from './context.js';
import type { SpecialTag } from './plans.js';
import type { GraphObject } from '../tenant.js';

/** Built-in roles we emit: name, template id (= definition id for built-ins), Microsoft's PRIVILEGED label. */
export const BUILT_IN_ROLES = {
  globalAdministrator: { name: 'Global Administrator', id: '62e90394-69f5-4237-9190-012177145e10', privileged: true },
  privilegedRoleAdministrator: { name: 'Privileged Role Administrator', id: 'e8611ab8-c189-46e8-94e1-60213ab1f814', privileged: true },
  privilegedAuthenticationAdministrator: { name: 'Privileged Authentication Administrator', id: '7be44c8a-adaf-4e2a-84d6-ab2649e08a13', privileged: true },
  securityAdministrator: { name: 'Security Administrator', id: '194ae4cb-b126-40b2-bd5b-6091b380977d', privileged: true },
  userAdministrator: { name: 'User Administrator', id: 'fe930be7-5e62-47db-91af-98c3a49a38b1', privileged: true },
  applicationAdministrator: { name: 'Application Administrator', id: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3', privileged: true },
  cloudApplicationAdministrator: { name: 'Cloud Application Administrator', id: '158c047a-c907-4556-b7ef-446551a6b5f7', privileged: true },
  authenticationAdministrator: { name: 'Authentication Administrator', id: 'c4e39bd9-1100-46d3-8c65-fb160da0071f', privileged: true },
  conditionalAccessAdministrator: { name: 'Conditional Access Administrator', id: 'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9', privileged: true },
  helpdeskAdministrator: { name: 'Helpdesk Administrator', id: '729827e3-9c14-49f7-bb1b-9608f156bbb8', privileged: true },
  hybridIdentityAdministrator: { name: 'Hybrid Identity Administrator', id: '8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2', privileged: true },
  intuneAdministrator: { name: 'Intune Administrator', id: '3a2c62db-5318-420d-8d74-23affee5d9d5', privileged: true },
  globalReader: { name: 'Global Reader', id: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451', privileged: true },
  securityReader: { name: 'Security Reader', id: '5d6b6bb7-de71-4623-b4af-96380a352509', privileged: true },
  exchangeAdministrator: { name: 'Exchange Administrator', id: '29232cdf-9323-42fd-ade2-1d097af3e4de', privileged: false },
  sharePointAdministrator: { name: 'SharePoint Administrator', id: 'f28a1f50-f6e7-4571-818b-6a12f2af6b6c', privileged: false },
  groupsAdministrator: { name: 'Groups Administrator', id: 'fdd7a751-b60b-444a-984c-02652fe8fa1c', privileged: false },
  billingAdministrator: { name: 'Billing Administrator', id: 'b0f54661-2d74-4c50-afa3-1ec803f12efe', privileged: false },
} as const;

type RoleKey = keyof typeof BUILT_IN_ROLES;
const R = BUILT_IN_ROLES;

/** Ids of roles Microsoft labels PRIVILEGED (among those we emit). */
export const PRIVILEGED_ROLE_IDS: ReadonlySet<string> = new Set(Object.values(R).filter((r) => r.privileged).map((r) => r.id));

/** CISA SCuBA's "highly privileged" roles (MS.AAD section 7) among those we emit; some lack Microsoft's label. */
export const HIGHLY_PRIVILEGED_ROLE_IDS: ReadonlySet<string> = new Set([
  R.globalAdministrator, R.privilegedRoleAdministrator, R.userAdministrator, R.sharePointAdministrator,
  R.exchangeAdministrator, R.hybridIdentityAdministrator, R.applicationAdministrator, R.cloudApplicationAdministrator,
].map((r) => r.id));

const ADMIN_ROTATION: RoleKey[] = [
  'helpdeskAdministrator', 'userAdministrator', 'exchangeAdministrator', 'sharePointAdministrator',
  'cloudApplicationAdministrator', 'globalReader', 'securityReader', 'authenticationAdministrator',
  'intuneAdministrator', 'conditionalAccessAdministrator', 'billingAdministrator', 'groupsAdministrator',
];
const ELIGIBLE_ROTATION: RoleKey[] = ['globalAdministrator', 'privilegedRoleAdministrator', 'securityAdministrator'];

/** One assignment decision, kept for the ground truth. */
export interface RoleGrant {
  principalId: string;
  principalType: 'user' | 'group';
  roleDefinitionId: string;
  roleName: string;
  /** 'permanent' active, 'timeBound' active with an end date, 'eligible' through PIM. */
  kind: 'permanent' | 'timeBound' | 'eligible';
  endDateTime: string | null;
  /** The id of the role assignment (or eligibility) schedule emitted for it. */
  assignmentId: string;
}

const ACTIONS: Partial<Record<RoleKey, string[]>> = {
  globalAdministrator: ['microsoft.directory/*/allProperties/allTasks'],
  globalReader: ['microsoft.directory/*/allProperties/read'],
  securityReader: ['microsoft.directory/identityProtection/allProperties/read'],
};

function definition(key: RoleKey): GraphObject {
  const r = R[key];
  return {
    id: r.id,
    description: `Built-in role: ${r.name}.`,
    displayName: r.name,
    isBuiltIn: true,
    isEnabled: true,
    resourceScopes: ['/'],
    templateId: r.id,
    version: '1',
    rolePermissions: [{ allowedResourceActions: ACTIONS[key] ?? [`microsoft.directory/${key}/allTasks`], condition: null }],
    inheritsPermissionsFrom: [],
  };
}

/** Builds definitions, active assignments, PIM schedules, the grant list and the admin id set. */
export function buildRoles(ctx: GenContext, tags: SpecialTag[], tier0GroupId: string): {
  roleDefinitions: GraphObject[];
  roleAssignments: GraphObject[];
  roleAssignmentSchedules: GraphObject[];
  roleEligibilitySchedules: GraphObject[];
  grants: RoleGrant[];
  adminIds: Set<string>;
} {
  const rng = new Rng(ctx.seed, 30);
  const p2 = ctx.licence === 'p2';
  const grants: RoleGrant[] = [];
  const give = (principalId: string, principalType: 'user' | 'group', key: RoleKey, kind: RoleGrant['kind']): void => {
    const effective = !p2 && kind !== 'permanent' ? 'permanent' : kind; // without P2 there is no PIM
    const endDateTime = effective === 'permanent' ? null : isoSeconds(ctx.nowMs + (effective === 'eligible' ? 180 : 20) * DAY_MS);
    grants.push({ principalId, principalType, roleDefinitionId: R[key].id, roleName: R[key].name, kind: effective, endDateTime, assignmentId: '' });
    grant(ctx.ledger, ctx.ledger.roles, principalId, R[key].name);
  };

  let gaSeen = 0;
  let adminSeen = 0;
  let eligibleSeen = 0;
  const tier0: UserPlan[] = [];
  tags.forEach((tag, i) => {
    const p = ctx.plans[i];
    switch (tag) {
      case 'breakGlass':
        give(p.id, 'user', 'globalAdministrator', 'permanent');
        break;
      case 'globalAdmin':
        // The last non-break-glass global admin holds the role time-bound (through PIM) when there are several.
        give(p.id, 'user', 'globalAdministrator', gaSeen >= 2 && gaSeen === tags.filter((t) => t === 'globalAdmin').length - 1 ? 'timeBound' : 'permanent');
        gaSeen++;
        break;
      case 'guestAdmin':
        give(p.id, 'user', 'applicationAdministrator', 'permanent');
        break;
      case 'syncedAdmin':
        give(p.id, 'user', 'securityAdministrator', 'permanent');
        break;
      case 'disabledAdmin':
        give(p.id, 'user', 'privilegedRoleAdministrator', 'permanent');
        break;
      case 'admin':
        give(p.id, 'user', ADMIN_ROTATION[adminSeen % ADMIN_ROTATION.length], adminSeen % 5 === 4 ? 'timeBound' : 'permanent');
        adminSeen++;
        break;
      case 'eligibleAdmin': {
        // Without P2 there is no PIM: the role is held permanently, and never Global Administrator (that count is an option).
        const key = ELIGIBLE_ROTATION[eligibleSeen % ELIGIBLE_ROTATION.length];
        give(p.id, 'user', !p2 && key === 'globalAdministrator' ? 'globalReader' : key, 'eligible');
        eligibleSeen++;
        break;
      }
      case 'tier0':
        tier0.push(p);
        break;
    }
  });
  if (tags.includes('tier0')) give(tier0GroupId, 'group', 'privilegedAuthenticationAdministrator', 'permanent');
  // Some leavers who kept access also kept a role.
  let leaverRoles = 0;
  for (const p of ctx.plans) {
    if (p.leaver === 'disabledWithAccess' && leaverRoles++ % 2 === 0) give(p.id, 'user', 'helpdeskAdministrator', 'permanent');
  }

  const roleAssignments: GraphObject[] = [];
  const roleAssignmentSchedules: GraphObject[] = [];
  const roleEligibilitySchedules: GraphObject[] = [];
  const adminIds = new Set<string>();
  for (const g of grants) {
    const id = `${rng.hex(8)}${rng.hex(8)}${rng.hex(8)}${rng.hex(8)}${rng.hex(11)}-1`;
    g.assignmentId = id; // ids are drawn here, after every grant is decided, so the random sequence stays as it was
    const start = isoSeconds(ctx.nowMs - (30 + rng.int(700)) * DAY_MS);
    const schedule = {
      id,
      principalId: g.principalId,
      roleDefinitionId: g.roleDefinitionId,
      directoryScopeId: '/',
      appScopeId: null,
      createdUsing: id,
      createdDateTime: start,
      modifiedDateTime: null,
      status: 'Provisioned',
      memberType: 'Direct',
      scheduleInfo: {
        startDateTime: start,
        recurrence: null,
        expiration: g.endDateTime
          ? { type: 'afterDateTime', endDateTime: g.endDateTime, duration: null }
          : { type: 'noExpiration', endDateTime: null, duration: null },
      },
    };
    if (g.kind === 'eligible') {
      roleEligibilitySchedules.push(schedule);
      continue;
    }
    roleAssignments.push({ id, principalId: g.principalId, resourceScope: '/', directoryScopeId: '/', roleDefinitionId: g.roleDefinitionId });
    if (p2) roleAssignmentSchedules.push({ ...schedule, assignmentType: 'Assigned' });
    if (g.principalType === 'user') adminIds.add(g.principalId);
  }
  for (const p of tier0) adminIds.add(p.id);
  return {
    roleDefinitions: (Object.keys(R) as RoleKey[]).map(definition),
    roleAssignments,
    roleAssignmentSchedules,
    roleEligibilitySchedules,
    grants,
    adminIds,
  };
}
