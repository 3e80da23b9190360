/** PIM-eligible directory role assignments (roleEligibilitySchedules; P2). */
import { collectList, oneTable } from '../collect-list.js';
import { obj, str } from '../map-values.js';
import { COMPLETE, type Collector } from '../types.js';

export const pimEligibilityCollector: Collector = {
  dataset: 'pimEligibility',
  rows: (w) => w.countRows('role_assignments', { column: 'kind', value: 'eligible' }),
  async run(ctx) {
    await collectList(ctx, {
      path: '/roleManagement/directory/roleEligibilitySchedules',
      bucket: 'identity',
      query: { $select: 'id,principalId,roleDefinitionId,directoryScopeId,scheduleInfo,memberType,status' },
      toRecords: oneTable('role_assignments', (o) => {
        const schedule = obj(o.scheduleInfo);
        return {
          id: o.id,
          principalId: str(o.principalId) ?? '',
          roleDefinitionId: str(o.roleDefinitionId) ?? '',
          directoryScopeId: str(o.directoryScopeId) ?? '/',
          kind: 'eligible' as const,
          startDateTime: str(schedule.startDateTime),
          endDateTime: str(obj(schedule.expiration).endDateTime),
        };
      }),
      onPage: (n) => ctx.advance(n),
    });
    return COMPLETE;
  },
};
