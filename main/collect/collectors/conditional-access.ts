/**
 * Conditional access: policies, named locations, authentication strengths and the security-defaults
 * switch, each its own resumable slice. Policy objects are kept in Graph's own shape.
 */
import type { AuthenticationStrengthPolicy, ConditionalAccessPolicy, NamedLocation } from '../../../shared/snapshot.js';
import { collectList } from '../collect-list.js';
import { str } from '../map-values.js';
import { isEntitlementRefusal } from '../refusals.js';
import { COMPLETE, type Collector } from '../types.js';

export const conditionalAccessCollector: Collector = {
  dataset: 'conditionalAccess',
  rows: (w) => w.countRows('ca_policies'),
  async run(ctx) {
    await collectList(ctx, {
      slice: 'policies',
      path: '/identity/conditionalAccess/policies',
      bucket: 'policy',
      toRecords: (items) => ({
        ca_policies: items.map((o) => ({ row: o as unknown as ConditionalAccessPolicy, raw: o })),
      }),
      onPage: (n) => ctx.advance(n),
    });
    await collectList(ctx, {
      slice: 'namedLocations',
      path: '/identity/conditionalAccess/namedLocations',
      bucket: 'policy',
      toRecords: (items) => ({ named_locations: items.map((o) => ({ row: o as unknown as NamedLocation, raw: o })) }),
    });
    let strengthsMissing: { code: string; reason: string } | null = null;
    try {
      await collectList(ctx, {
        slice: 'authStrengths',
        path: '/policies/authenticationStrengthPolicies',
        bucket: 'policy',
        toRecords: (items) => ({
          auth_strengths: items.map((o) => ({ row: o as unknown as AuthenticationStrengthPolicy, raw: o })),
        }),
      });
    } catch (err) {
      // Policy.Read.AuthenticationMethod alone cannot be missing while policies were readable; a
      // refusal here still leaves the policies usable, so say what is missing instead of failing.
      if (!isEntitlementRefusal(err)) throw err;
      strengthsMissing = { code: err.code, reason: `Authentication strengths were not collected: ${ctx.explain(err)}` };
    }
    const defaults = ctx.pages.cursor('securityDefaults');
    if (!defaults?.done) {
      const o = await ctx.graph.get('/policies/identitySecurityDefaultsEnforcementPolicy', {
        bucket: 'policy',
        query: { $select: 'id,isEnabled,displayName' },
        signal: ctx.signal,
      });
      const { '@odata.context': _context, ...policy } = o;
      void _context;
      const id = str(policy.id) ?? '00000000-0000-0000-0000-000000000005';
      ctx.pages.writePage(
        { security_defaults: [{ row: { id, isEnabled: policy.isEnabled === true }, raw: policy }] },
        null,
        'securityDefaults',
      );
    }
    return strengthsMissing ? { status: 'partial', ...strengthsMissing } : COMPLETE;
  },
};
