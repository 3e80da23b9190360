/** Tenants shared by the generator tests (generated once per test file). */
import { generateTenant } from '../../../main/demo/generator/index.js';
import type { GeneratedTenant } from '../../../main/demo/generator/index.js';

const cache = new Map<string, GeneratedTenant>();

/** A generated tenant, memoised by its options. */
export function tenantOf(users: number, seed: number, licence: 'free' | 'p1' | 'p2' = 'p2'): GeneratedTenant {
  const key = `${users}/${seed}/${licence}`;
  let t = cache.get(key);
  if (!t) {
    t = generateTenant({ users, seed, licence });
    cache.set(key, t);
  }
  return t;
}
