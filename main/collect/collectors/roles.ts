/**
 * Directory role definitions and active role assignments. On P2 tenants the PIM assignment schedules
 * tell a permanent assignment from a time-bound or activated one (their start and end dates).
 */
import type { RoleDefinitionRow } from '../../../shared/snapshot.js';
import type { GraphObject } from '../../graph/types.js';
import { collectList, oneTable } from '../collect-list.js';
import { str } from '../map-values.js';
import { PRIVILEGED_ROLE_TEMPLATE_IDS } from '../privileged-roles.js';
import { isEntitlementRefusal } from '../refusals.js';
import { COMPLETE, type CollectContext, type Collector } from '../types.js';

type Window = { startDateTime: string | null; endDateTime: string | null };
const scheduleKey = (o: GraphObject) => `${str(o.principalId)}|${str(o.roleDefinitionId)}|${str(o.directoryScopeId) ?? '/'}`;

/**
 * Start and end of each active assignment from roleAssignmentSchedules, by principal, role and scope.
 * Small (privileged assignments only) and read whole on every run, so a resumed run gets it too.
 * Without P2 (or the permission) there is no PIM: every active assignment is permanent.
 */
async function assignmentWindows(ctx: CollectContext): Promise<Map<string, Window>> {
  const windows = new Map<string, Window>();
  try {
    for await (const page of ctx.graph.pages('/roleManagement/directory/roleAssignmentSchedules', {
      bucket: 'identity',
      query: { $select: 'id,principalId,roleDefinitionId,directoryScopeId,scheduleInfo' },
      signal: ctx.signal,
    })) {
      for (const o of page.items) {
        const info = o.scheduleInfo as { startDateTime?: string | null; expiration?: { endDateTime?: string | null } | null } | null;
        windows.set(scheduleKey(o), { startDateTime: info?.startDateTime ?? null, endDateTime: info?.expiration?.endDateTime ?? null });
      }
    }
  } catch (err) {
    if (!isEntitlementRefusal(err)) throw err;
    windows.clear();
  }
  return windows;
}

function toDefinitionRow(o: GraphObject): RoleDefinitionRow {
  const templateId = str(o.templateId) ?? o.id;
  return {
    id: o.id,
    templateId,
    displayName: str(o.displayName) ?? '',
    isBuiltIn: o.isBuiltIn === true,
    isPrivileged: typeof o.isPrivileged === 'boolean' ? o.isPrivileged : PRIVILEGED_ROLE_TEMPLATE_IDS.has(templateId),
  };
}

export const rolesCollector: Collector = {
  dataset: 'roles',
  rows: (w) => w.countRows('role_assignments', { column: 'kind', value: 'active' }),
  async run(ctx) {
    await collectList(ctx, {
      slice: 'definitions',
      path: '/roleManagement/directory/roleDefinitions',
      bucket: 'identity',
      query: { $select: 'id,templateId,displayName,isBuiltIn,isEnabled' },
      toRecords: oneTable('role_definitions', toDefinitionRow),
    });
    const windows = await assignmentWindows(ctx);
    await collectList(ctx, {
      slice: 'assignments',
      path: '/roleManagement/directory/roleAssignments',
      bucket: 'identity',
      query: { $select: 'id,principalId,roleDefinitionId,directoryScopeId' },
      toRecords: oneTable('role_assignments', (o) => ({
        id: o.id,
        principalId: str(o.principalId) ?? '',
        roleDefinitionId: str(o.roleDefinitionId) ?? '',
        directoryScopeId: str(o.directoryScopeId) ?? '/',
        kind: 'active' as const,
        startDateTime: windows.get(scheduleKey(o))?.startDateTime ?? null,
        endDateTime: windows.get(scheduleKey(o))?.endDateTime ?? null,
      })),
      onPage: (n) => ctx.advance(n),
    });
    return COMPLETE;
  },
};
