/** Soft-deleted users (30-day recycle bin): evidence that leavers were removed. */
import { collectList, oneTable } from '../collect-list.js';
import { str } from '../map-values.js';
import { COMPLETE, type Collector } from '../types.js';

export const deletedUsersCollector: Collector = {
  dataset: 'deletedUsers',
  rows: (w) => w.countRows('deleted_users'),
  async run(ctx) {
    await collectList(ctx, {
      path: '/directory/deletedItems/microsoft.graph.user',
      bucket: 'identity',
      query: { $select: 'id,userPrincipalName,displayName,mail,employeeId,deletedDateTime' },
      toRecords: oneTable('deleted_users', (o) => ({
        id: o.id,
        userPrincipalName: str(o.userPrincipalName) ?? '',
        displayName: str(o.displayName) ?? '',
        mail: str(o.mail),
        employeeId: str(o.employeeId),
        deletedDateTime: str(o.deletedDateTime),
      })),
      onPage: (n) => ctx.advance(n),
    });
    return COMPLETE;
  },
};
