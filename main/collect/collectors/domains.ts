/** Domains: verified and federated (MFA of federated users happens at another IdP). */
import { collectList, oneTable } from '../collect-list.js';
import { str } from '../map-values.js';
import { COMPLETE, type Collector } from '../types.js';

export const domainsCollector: Collector = {
  dataset: 'domains',
  rows: (w) => w.countRows('domains'),
  async run(ctx) {
    await collectList(ctx, {
      path: '/domains',
      bucket: 'identity',
      query: { $select: 'id,authenticationType,isVerified,isDefault,isInitial,supportedServices' },
      toRecords: oneTable('domains', (o) => ({
        id: o.id,
        authenticationType: str(o.authenticationType) ?? 'Managed',
        isVerified: o.isVerified === true,
        isDefault: o.isDefault === true,
      })),
      onPage: (n) => ctx.advance(n),
    });
    return COMPLETE;
  },
};
