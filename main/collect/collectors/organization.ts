/** Organization: tenant id, name and default domain (also written to meta). */
import type { GraphObject } from '../../graph/types.js';
import { collectList } from '../collect-list.js';
import { obj, str } from '../map-values.js';
import { COMPLETE, type Collector } from '../types.js';

const SELECT =
  'id,displayName,verifiedDomains,onPremisesSyncEnabled,onPremisesLastSyncDateTime,countryLetterCode,createdDateTime,tenantType';

function defaultDomain(o: GraphObject): string | null {
  const domains = Array.isArray(o.verifiedDomains) ? o.verifiedDomains.map(obj) : [];
  return str((domains.find((d) => d.isDefault === true) ?? domains[0])?.name);
}

export const organizationCollector: Collector = {
  dataset: 'organization',
  rows: (w) => w.countRows('organization'),
  async run(ctx) {
    await collectList(ctx, {
      path: '/organization',
      bucket: 'identity',
      query: { $select: SELECT },
      toRecords: (items) => {
        const org = items[0];
        if (org) {
          const meta: Record<string, unknown> = { tenantId: org.id };
          if (str(org.displayName)) meta.tenantName = org.displayName;
          const domain = defaultDomain(org);
          if (domain) meta.primaryDomain = domain;
          ctx.writer.setMeta(meta);
        }
        return {
          organization: items.map((o) => ({ row: { id: o.id, displayName: str(o.displayName) ?? '' }, raw: o })),
        };
      },
      onPage: (n) => ctx.advance(n),
    });
    return COMPLETE;
  },
};
