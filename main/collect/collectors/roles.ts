/** Directory role definitions and active role assignments (permanent or activated). */
import type { RoleDefinitionRow } from '../../../shared/snapshot.js';
import type { GraphObject } from '../../graph/types.js';
import { collectList, oneTable } from '../collect-list.js';
import { str } from '../map-values.js';
import { PRIVILEGED_ROLE_TEMPLATE_IDS } from '../privileged-roles.js';
import { COMPLETE, type Collector } from '../types.js';

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
        startDateTime: null,
        endDateTime: null,
      })),
      onPage: (n) => ctx.advance(n),
    });
    return COMPLETE;
  },
};
