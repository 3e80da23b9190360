/**
 * The two tenant facts the preflight reads through Graph before collecting: the Entra ID licence tier
 * (from /subscribedSkus service plans) and the federated domains (whose MFA happens at another IdP).
 */
import type { LicenceTier } from '../../shared/datasets.js';
import type { GraphReader, GraphObject } from '../graph/types.js';

/** Service plans that carry Entra ID P1 / P2 (servicePlanName in subscribedSku.servicePlans). */
export const P1_SERVICE_PLANS: readonly string[] = ['AAD_PREMIUM'];
export const P2_SERVICE_PLANS: readonly string[] = ['AAD_PREMIUM_P2'];

/** SKU states in which the tenant still has the features (Warning = grace period). */
const ACTIVE_SKU = new Set(['enabled', 'warning']);

/** The highest Entra ID tier any active subscribed SKU grants. */
export function licenceTierFromSkus(skus: readonly GraphObject[]): LicenceTier {
  let tier: LicenceTier = 'free';
  for (const sku of skus) {
    const status = typeof sku.capabilityStatus === 'string' ? sku.capabilityStatus.toLowerCase() : 'enabled';
    if (!ACTIVE_SKU.has(status)) continue;
    const plans = Array.isArray(sku.servicePlans) ? (sku.servicePlans as { servicePlanName?: string; provisioningStatus?: string }[]) : [];
    for (const p of plans) {
      if (p.provisioningStatus === 'Disabled') continue;
      if (P2_SERVICE_PLANS.includes(p.servicePlanName ?? '')) return 'p2';
      if (P1_SERVICE_PLANS.includes(p.servicePlanName ?? '')) tier = 'p1';
    }
  }
  return tier;
}

export interface LicenceProbe {
  tier: LicenceTier | 'unknown';
  /** skuPartNumber of every subscribed SKU. */
  skus: string[];
  /** Why the tier is unknown (Graph's refusal), when it is. */
  error?: unknown;
}

/** Reads /subscribedSkus; a refusal gives tier 'unknown' with the error instead of stopping the run. */
export async function probeLicence(reader: GraphReader, signal?: AbortSignal): Promise<LicenceProbe> {
  try {
    const skus: GraphObject[] = [];
    for await (const page of reader.pages('/subscribedSkus', { bucket: 'identity', signal })) skus.push(...page.items);
    return { tier: licenceTierFromSkus(skus), skus: skus.map((s) => String(s.skuPartNumber ?? s.id)) };
  } catch (error) {
    return { tier: 'unknown', skus: [], error };
  }
}

/** Names of domains whose authenticationType is Federated; undefined when /domains cannot be read. */
export async function probeFederatedDomains(reader: GraphReader, signal?: AbortSignal): Promise<string[] | undefined> {
  try {
    const names: string[] = [];
    for await (const page of reader.pages('/domains', { bucket: 'identity', signal })) {
      for (const d of page.items) if (String(d.authenticationType).toLowerCase() === 'federated') names.push(d.id);
    }
    return names;
  } catch {
    return undefined;
  }
}
