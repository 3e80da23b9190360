/** Subscribed SKUs: which licences the tenant has (and so its Entra ID tier). */
import type { LicenceTier } from '../../../shared/datasets.js';
import type { SkuRow } from '../../../shared/snapshot.js';
import type { GraphObject } from '../../graph/types.js';
import { collectList } from '../collect-list.js';
import { num, obj, str } from '../map-values.js';
import { COMPLETE, type Collector } from '../types.js';

const SELECT = 'skuId,skuPartNumber,capabilityStatus,prepaidUnits,consumedUnits,servicePlans,appliesTo';

function toRow(o: GraphObject): SkuRow {
  const plans = Array.isArray(o.servicePlans) ? o.servicePlans.map(obj) : [];
  return {
    skuId: str(o.skuId) ?? o.id,
    skuPartNumber: str(o.skuPartNumber) ?? '',
    capabilityStatus: str(o.capabilityStatus) ?? '',
    enabledUnits: num(obj(o.prepaidUnits).enabled) ?? 0,
    consumedUnits: num(o.consumedUnits) ?? 0,
    servicePlanNames: plans.map((p) => str(p.servicePlanName)).filter((n): n is string => n !== null),
  };
}

/** Service plans that give Entra ID P1 and P2 (P2 SKUs carry both). */
const P2_PLANS = new Set(['AAD_PREMIUM_P2']);
const P1_PLANS = new Set(['AAD_PREMIUM', 'AAD_PREMIUM_P1']);

/** The Entra ID tier the enabled SKUs give. */
export function licenceTier(skus: SkuRow[]): LicenceTier {
  const live = skus.filter((s) => s.capabilityStatus === 'Enabled' || s.capabilityStatus === 'Warning');
  const plans = new Set(live.flatMap((s) => s.servicePlanNames));
  if ([...P2_PLANS].some((p) => plans.has(p))) return 'p2';
  if ([...P1_PLANS].some((p) => plans.has(p))) return 'p1';
  return 'free';
}

export const subscribedSkusCollector: Collector = {
  dataset: 'subscribedSkus',
  rows: (w) => w.countRows('skus'),
  async run(ctx) {
    const seen: SkuRow[] = [];
    await collectList(ctx, {
      path: '/subscribedSkus',
      bucket: 'identity',
      query: { $select: SELECT },
      toRecords: (items) => {
        const rows = items.map(toRow);
        seen.push(...rows);
        return { skus: rows.map((row, i) => ({ row, raw: items[i] })) };
      },
      onPage: (n) => ctx.advance(n),
    });
    if (seen.length > 0 || !ctx.writer.metaValue('licence')) ctx.writer.setMeta({ licence: licenceTier(seen) });
    return COMPLETE;
  },
};
