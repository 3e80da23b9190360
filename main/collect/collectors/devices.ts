/** Devices with compliance and management state, and their registered owners. */
import { collectList, oneTable } from '../collect-list.js';
import { boolOrNull, expandedIds, str } from '../map-values.js';
import { COMPLETE, type Collector } from '../types.js';

const SELECT =
  'id,deviceId,displayName,operatingSystem,operatingSystemVersion,accountEnabled,isCompliant,isManaged,trustType,approximateLastSignInDateTime';

export const devicesCollector: Collector = {
  dataset: 'devices',
  rows: (w) => w.countRows('devices'),
  async run(ctx) {
    await collectList(ctx, {
      path: '/devices',
      bucket: 'identity',
      query: { $select: SELECT, $expand: 'registeredOwners($select=id)' },
      toRecords: oneTable('devices', (o) => ({
        id: o.id,
        deviceId: str(o.deviceId) ?? '',
        displayName: str(o.displayName) ?? '',
        operatingSystem: str(o.operatingSystem),
        operatingSystemVersion: str(o.operatingSystemVersion),
        accountEnabled: o.accountEnabled === true,
        isCompliant: boolOrNull(o.isCompliant),
        isManaged: boolOrNull(o.isManaged),
        trustType: str(o.trustType),
        approximateLastSignInDateTime: str(o.approximateLastSignInDateTime),
        registeredOwnerIds: expandedIds(o.registeredOwners),
      })),
      onPage: (n) => ctx.advance(n),
    });
    return COMPLETE;
  },
};
