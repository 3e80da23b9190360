/**
 * What a policy's grant controls demand: block, MFA, phishing-resistant MFA, or nothing that is
 * MFA. With AND the strongest control counts; with OR the weakest alternative does, so a policy
 * that accepts "MFA or a compliant device" does not enforce MFA.
 */
import type { AuthenticationStrengthPolicy, ConditionalAccessPolicy } from '../../../shared/ca-types.js';
import { BUILT_IN_STRENGTHS, combinationLevel } from './well-known.js';

export type GrantLevel = 'none' | 'mfa' | 'phishing-resistant';

export interface GrantStrength {
  block: boolean;
  level: GrantLevel;
  /** Words for evidence: "requires MFA", "MFA or compliantDevice (OR)". */
  description: string;
}

const RANK: Record<GrantLevel, number> = { none: 0, mfa: 1, 'phishing-resistant': 2 };

/** The level an authentication strength guarantees: the weakest of its allowed combinations. */
export function strengthLevel(
  ref: { id: string; allowedCombinations?: string[] | null },
  strengths: ReadonlyMap<string, AuthenticationStrengthPolicy>,
): GrantLevel {
  const combos = strengths.get(ref.id)?.allowedCombinations ?? (ref.allowedCombinations?.length ? ref.allowedCombinations : undefined)
    ?? BUILT_IN_STRENGTHS[ref.id]?.allowedCombinations;
  if (!combos?.length) return 'none';
  let min: GrantLevel = 'phishing-resistant';
  for (const c of combos) {
    const l = combinationLevel(c);
    if (RANK[l] < RANK[min]) min = l;
  }
  return min;
}

/** Evaluate a policy's grant controls. */
export function grantStrength(policy: ConditionalAccessPolicy, strengths: ReadonlyMap<string, AuthenticationStrengthPolicy>): GrantStrength {
  const g = policy.grantControls;
  if (!g) return { block: false, level: 'none', description: 'no grant controls (session controls only)' };
  const builtIn = (g.builtInControls ?? []).map((c) => c.toString());
  if (builtIn.some((c) => c.toLowerCase() === 'block')) return { block: true, level: 'none', description: 'blocks access' };
  const alternatives: { name: string; level: GrantLevel }[] = builtIn.map((c) => ({ name: c, level: c.toLowerCase() === 'mfa' ? 'mfa' : 'none' }));
  if (g.authenticationStrength?.id) {
    const name = g.authenticationStrength.displayName ?? strengths.get(g.authenticationStrength.id)?.displayName
      ?? BUILT_IN_STRENGTHS[g.authenticationStrength.id]?.displayName ?? g.authenticationStrength.id;
    alternatives.push({ name: `authentication strength "${name}"`, level: strengthLevel(g.authenticationStrength, strengths) });
  }
  for (const f of g.customAuthenticationFactors ?? []) alternatives.push({ name: `custom control ${f}`, level: 'none' });
  for (const t of g.termsOfUse ?? []) alternatives.push({ name: `terms of use ${t}`, level: 'none' });
  if (!alternatives.length) return { block: false, level: 'none', description: 'no grant requirement' };
  const operator = (g.operator ?? 'OR').toUpperCase() === 'AND' ? 'AND' : 'OR';
  const ranks = alternatives.map((a) => RANK[a.level]);
  const rank = operator === 'AND' || alternatives.length === 1 ? Math.max(...ranks) : Math.min(...ranks);
  const level = (Object.keys(RANK) as GrantLevel[]).find((k) => RANK[k] === rank)!;
  const names = alternatives.map((a) => a.name);
  const description = alternatives.length === 1 ? `requires ${names[0]}` : `requires ${names.join(operator === 'AND' ? ' and ' : ' or ')} (${operator})`;
  return { block: false, level, description };
}
