/**
 * Groups, then each group's transitive members (nested groups resolved by Graph) through $batch,
 * each group committed once its last member page is in (collect-per-entity.ts keeps the resume position).
 */
import type { GroupRow } from '../../../shared/snapshot.js';
import type { GraphObject } from '../../graph/types.js';
import { pageSizeFor } from '../../graph/page-sizes.js';
import { collectList, oneTable } from '../collect-list.js';
import { collectPerEntity, perEntityPosition } from '../collect-per-entity.js';
import { odataTypeName, str, strings } from '../map-values.js';
import { COMPLETE, type Collector } from '../types.js';

const SELECT = 'id,displayName,mail,securityEnabled,mailEnabled,groupTypes,isAssignableToRole,onPremisesSyncEnabled';
const GROUPS_PER_COMMIT = 100;

function toGroupRow(o: GraphObject): GroupRow {
  return {
    id: o.id,
    displayName: str(o.displayName) ?? '',
    mail: str(o.mail),
    securityEnabled: o.securityEnabled === true,
    mailEnabled: o.mailEnabled === true,
    groupTypes: strings(o.groupTypes),
    isAssignableToRole: o.isAssignableToRole === true,
    onPremisesSyncEnabled: o.onPremisesSyncEnabled === true,
  };
}

export const groupsCollector: Collector = {
  dataset: 'groups',
  rows: (w) => w.countRows('groups'),
  async run(ctx) {
    await collectList(ctx, {
      slice: 'groups',
      path: '/groups',
      bucket: 'identity',
      query: { $select: SELECT },
      toRecords: oneTable('groups', toGroupRow),
      onPage: (n) => ctx.advance(n),
    });
    const position = perEntityPosition(ctx, 'members');
    if (position === undefined) return COMPLETE;
    const top = pageSizeFor('/groups/x/transitiveMembers') ?? 999;
    await collectPerEntity(ctx, {
      slice: 'members',
      ids: ctx.writer.ids('groups', 'id', position),
      bucket: 'identity',
      chunk: GROUPS_PER_COMMIT,
      requests: (id) => [{ id, url: `/groups/${id}/transitiveMembers?$select=id&$top=${top}` }],
      toRecords: (results) => ({
        group_members: [...results].flatMap(([groupId, members]) =>
          members.map((m) => ({ row: { groupId, memberId: m.id, memberType: odataTypeName(m) }, raw: m })),
        ),
      }),
    });
    return COMPLETE;
  },
};
