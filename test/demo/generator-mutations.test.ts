import { describe, expect, it } from 'vitest';
import { generateTenant } from '../../main/demo/generator/index.js';
import { mutateTenant } from '../../main/demo/generator-mutations.js';

describe('mutateTenant', () => {
  const { tenant } = generateTenant({ users: 50, seed: 3, licence: 'p2' });

  it('changes a copy, never the tenant it was given, and is deterministic', () => {
    const before = JSON.stringify({ ...tenant, signIns: null, m: [...tenant.authenticationMethods] });
    const user = tenant.users.find((u) => u.accountEnabled === true)!;
    const changes = [{ kind: 'disableAccount' as const, userId: user.id }, { kind: 'addApplication' as const, displayName: 'New App' },
      { kind: 'removeStrongMethods' as const, userId: user.id }];
    const a = mutateTenant(tenant, changes);
    expect(JSON.stringify({ ...tenant, signIns: null, m: [...tenant.authenticationMethods] })).toBe(before);
    expect(a.tenant.users.find((u) => u.id === user.id)!.accountEnabled).toBe(false);
    expect(a.tenant.signIns).toBe(tenant.signIns);
    expect(a.applied[1].created).toEqual(mutateTenant(tenant, changes).applied[1].created);
    const methods = a.tenant.authenticationMethods.get(user.id)!.map((m) => m['@odata.type']);
    expect(methods.every((t) => t === '#microsoft.graph.passwordAuthenticationMethod' || t === '#microsoft.graph.emailAuthenticationMethod')).toBe(true);
    const row = a.tenant.userRegistrationDetails.find((r) => r.id === user.id)!;
    expect(row.isMfaRegistered).toBe(false);
    expect((row.methodsRegistered as string[]).every((m) => m === 'email')).toBe(true);
  });

  it('adds role assignments, credentials and policy exclusions in Graph\'s shapes', () => {
    const policy = tenant.conditionalAccessPolicies[0];
    const group = tenant.groups[0];
    const app = tenant.applications[0];
    const m = mutateTenant(tenant, [
      { kind: 'addRoleAssignment', principalId: tenant.users[3].id, role: 'Global Administrator', eligible: true },
      { kind: 'excludeGroupFromPolicy', policyId: policy.id, groupId: group.id },
      { kind: 'setPolicyState', policyId: policy.id, state: 'disabled' },
      { kind: 'addAppCredential', applicationId: app.id, credential: 'certificate', displayName: 'CN=new', endDateTime: '2030-01-01T00:00:00Z' },
    ]);
    const schedule = m.tenant.roleEligibilitySchedules.find((s) => s.id === m.applied[0].created!.assignmentId)!;
    expect(schedule).toMatchObject({ principalId: tenant.users[3].id, directoryScopeId: '/', status: 'Provisioned' });
    const p = m.tenant.conditionalAccessPolicies[0] as unknown as { state: string; conditions: { users: { excludeGroups: string[] } } };
    expect(p.state).toBe('disabled');
    expect(p.conditions.users.excludeGroups).toContain(group.id);
    const keys = m.tenant.applications[0].keyCredentials as { keyId: string; type: string }[];
    expect(keys.find((k) => k.keyId === m.applied[3].created!.keyId)?.type).toBe('AsymmetricX509Cert');
  });

  it('refuses a change naming an object the tenant lacks', () => {
    expect(() => mutateTenant(tenant, [{ kind: 'enableAccount', userId: 'nope' }])).toThrow(/user nope is not in the tenant/);
    expect(() => mutateTenant(tenant, [{ kind: 'removeRoleAssignment', assignmentId: 'nope' }])).toThrow(/role assignment nope/);
  });
});
