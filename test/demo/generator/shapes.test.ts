/**
 * Every object the generator emits carries the keys Microsoft's own response samples carry
 * (../shared/graph-samples), with the same casing and @odata.type values.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tenantOf } from './fixtures.js';
import type { GraphObject } from '../../../main/demo/tenant.js';

const SAMPLES = fileURLToPath(new URL('../../../../shared/graph-samples/', import.meta.url));
const sample = (name: string): Record<string, unknown>[] => {
  const body = JSON.parse(readFileSync(SAMPLES + name, 'utf8')) as { value?: Record<string, unknown>[] };
  return body.value ?? [body as Record<string, unknown>];
};

/** Keys of the sample object that ours lacks (documented exceptions removed). */
function missingKeys(ours: Record<string, unknown>, theirs: Record<string, unknown>, except: string[] = []): string[] {
  return Object.keys(theirs).filter((k) => !k.startsWith('@odata.context') && !(k in ours) && !except.includes(k));
}

describe('generated objects match Graph sample shapes', () => {
  const { tenant } = tenantOf(400, 3, 'p2');
  const first = <T>(xs: T[]): T => {
    expect(xs.length).toBeGreaterThan(0);
    return xs[0];
  };

  const cases: [string, string, () => GraphObject[], string[]?][] = [
    ['users', 'users-list.json', () => tenant.users],
    ['groups', 'groups-list.json', () => tenant.groups],
    ['devices', 'devices.json', () => tenant.devices],
    ['roleAssignments', 'role-assignments.json', () => tenant.roleAssignments],
    ['servicePrincipals', 'service-principals.json', () => tenant.servicePrincipals],
    ['appRoleAssignedTo', 'sp-approleassignedto.json', () => [...tenant.appRoleAssignedTo.values()].flat()],
    ['userRegistrationDetails', 'user-registration-details.json', () => tenant.userRegistrationDetails],
    ['riskDetections', 'risk-detections.json', () => tenant.riskDetections],
    ['alerts', 'alerts-v2.json', () => tenant.alerts],
    ['conditionalAccessPolicies', 'conditional-access-policies.json', () => tenant.conditionalAccessPolicies],
    ['signIns', 'signins.fixed.json', () => tenant.signIns.page(undefined, undefined, 0, 50)],
  ];
  for (const [what, file, get, except] of cases) {
    it(`${what} carry every key of ${file}`, () => {
      const ours = get();
      const theirs = sample(file);
      expect(ours.length).toBeGreaterThan(0);
      for (const o of ours.slice(0, 50)) for (const t of theirs) expect(missingKeys(o, t, except), `${what} ${o.id}`).toEqual([]);
    });
  }

  it('signInActivity carries the sample keys', () => {
    const theirs = sample('users-signinactivity.json')[0].signInActivity as Record<string, unknown>;
    for (const u of tenant.users.slice(0, 50)) expect(missingKeys(u.signInActivity as Record<string, unknown>, theirs)).toEqual([]);
  });

  it('sign-in nested objects carry the sample keys', () => {
    const t = sample('signins.fixed.json')[0];
    for (const s of tenant.signIns.page(undefined, undefined, 0, 100)) {
      for (const k of ['status', 'deviceDetail', 'location'] as const) {
        expect(missingKeys(s[k] as Record<string, unknown>, t[k] as Record<string, unknown>)).toEqual([]);
      }
      for (const p of s.appliedConditionalAccessPolicies as Record<string, unknown>[]) {
        expect(missingKeys(p, (t.appliedConditionalAccessPolicies as Record<string, unknown>[])[0])).toEqual([]);
      }
    }
  });

  it('conditional access conditions and grant controls carry the sample keys', () => {
    const t = sample('conditional-access-policy-get.json')[0];
    const tc = t.conditions as Record<string, Record<string, unknown>>;
    for (const p of tenant.conditionalAccessPolicies) {
      const c = p.conditions as Record<string, Record<string, unknown>>;
      expect(missingKeys(c, tc)).toEqual([]);
      expect(missingKeys(c.users, tc.users)).toEqual([]);
      expect(missingKeys(c.applications, tc.applications)).toEqual([]);
      expect(missingKeys(p.grantControls as Record<string, unknown>, t.grantControls as Record<string, unknown>)).toEqual([]);
    }
  });

  it('authentication methods carry the keys and @odata.type of the sample methods', () => {
    const all = [...tenant.authenticationMethods.values()].flat();
    for (const t of sample('authentication-methods.json')) {
      const ours = all.find((m) => m['@odata.type'] === t['@odata.type']);
      expect(ours, String(t['@odata.type'])).toBeDefined();
      // The sample's fido2 example spells "creationDateTime"; the fido2AuthenticationMethod resource documents createdDateTime.
      expect(missingKeys(ours!, t, ['creationDateTime'])).toEqual([]);
      if (t.creationDateTime) expect(ours!.createdDateTime).toBeTypeOf('string');
    }
  });

  it('uses the @odata.type values Graph uses', () => {
    const types = new Set([...tenant.authenticationMethods.values()].flat().map((m) => m['@odata.type']));
    for (const t of [
      'passwordAuthenticationMethod', 'microsoftAuthenticatorAuthenticationMethod', 'fido2AuthenticationMethod', 'phoneAuthenticationMethod',
      'emailAuthenticationMethod', 'windowsHelloForBusinessAuthenticationMethod', 'softwareOathAuthenticationMethod', 'temporaryAccessPassAuthenticationMethod',
    ]) expect(types.has(`#microsoft.graph.${t}`), t).toBe(true);
    expect(first(tenant.alerts)['@odata.type']).toBe('#microsoft.graph.security.alert');
    expect(first(tenant.riskDetections)['@odata.type']).toBe('#microsoft.graph.riskDetection');
    expect(new Set(tenant.namedLocations.map((l) => l['@odata.type']))).toEqual(new Set(['#microsoft.graph.ipNamedLocation', '#microsoft.graph.countryNamedLocation']));
  });
});
