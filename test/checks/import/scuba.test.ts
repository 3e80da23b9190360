/**
 * A real tenant's ScubaGear export (../shared/scuba-sample): its 7 conditional access policies load
 * through the converter into our types, the evaluator answers for its privileged users, and every
 * check runs on a snapshot made from it, concluding what the policies show.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DirectoryIndex } from '../../../main/checks/conditional-access/directory-index.js';
import { ConditionalAccessEvaluator } from '../../../main/checks/conditional-access/evaluate.js';
import { runChecks, type CheckRun } from '../../../main/checks/engine.js';
import { importScubaExport, toGraphCasing, type ScubaImport } from '../../../main/checks/import/scuba.js';
import { DATASETS } from '../../../shared/datasets.js';
import { snapshot } from '../snapshot-builder.js';

const NOW = '2026-05-01T00:00:00.000Z';
let data: ScubaImport;
let run: CheckRun;

beforeAll(() => {
  data = importScubaExport(JSON.parse(readFileSync('../shared/scuba-sample/aad-provider-export.json', 'utf8')));
  // What the export covers: policies, the highly privileged roles, the domain. The user list is partial (privileged users only).
  const coverage = Object.fromEntries(DATASETS.map((d) => [d.id, 'not-collected' as const]));
  Object.assign(coverage, { conditionalAccess: 'complete', roles: 'complete', domains: 'complete', users: 'partial' });
  delete (coverage as Record<string, string>).conditionalAccess;
  delete (coverage as Record<string, string>).roles;
  delete (coverage as Record<string, string>).domains;
  const reader = snapshot({ ca_policies: data.policies, role_definitions: data.roleDefinitions, role_assignments: data.roleAssignments, users: data.users, domains: data.domains },
    { now: NOW, coverage });
  run = runChecks(reader);
});

const outcome = (checkId: string, entityId?: string) =>
  run.results.filter((r) => r.checkId === checkId && (!entityId || r.entityId === entityId)).map((r) => r.outcome);

describe('ScubaGear export converter', () => {
  it('converts PowerShell casing and .NET dates to Graph shapes', () => {
    expect(toGraphCasing({ Conditions: { Users: { IncludeUsers: ['All'] } }, ModifiedDateTime: '/Date(1769788627239)/', 'X@odata.context': 'u' }))
      .toEqual({ conditions: { users: { includeUsers: ['All'] } }, modifiedDateTime: '2026-01-30T15:57:07.239Z' });
  });

  it('loads the 7 policies with their conditions and grants', () => {
    expect(data.policies).toHaveLength(7);
    for (const p of data.policies) expect(p.state).toBe('enabled');
    const mfa = data.policies.find((p) => p.displayName.startsWith('MS.AAD.3.2v1'))!;
    expect(mfa.grantControls?.authenticationStrength?.id).toBe('00000000-0000-0000-0000-000000000002');
    expect(mfa.grantControls?.authenticationStrength?.allowedCombinations).toContain('password,microsoftAuthenticatorPush');
    const deviceCode = data.policies.find((p) => p.displayName.startsWith('MS.AAD.3.9v1'))!;
    expect((deviceCode.conditions as { authenticationFlows?: { transferMethods: string } }).authenticationFlows?.transferMethods).toBe('deviceCodeFlow');
    expect(data.roleAssignments.length).toBe(26);
    expect(data.users.map((u) => u.displayName).sort()).toEqual(['Jane Doe', 'John Doe', 'John Public']);
  });

  it('rejects something that is not an export', () => {
    expect(() => importScubaExport({ hello: 1 })).toThrow(/not a ScubaGear AAD export/);
  });
});

describe('what our checks conclude about the ScubaGear sample tenant', () => {
  it('MFA (any method) is enforced for its privileged users by MS.AAD.3.2v1; phishing-resistant MFA is not', () => {
    const dir = new DirectoryIndex({ users: data.users, groupMembers: [], roleAssignments: data.roleAssignments, roleDefinitions: data.roleDefinitions }, NOW);
    const ca = new ConditionalAccessEvaluator({ policies: data.policies, namedLocations: [], authenticationStrengths: [], securityDefaultsEnabled: null }, dir);
    for (const u of data.users) {
      const mfa = ca.evaluate({ userId: u.id });
      expect(mfa.verdict, u.displayName).toBe('enforced');
      expect(mfa.enforcedBy.map((p) => p.displayName).join()).toContain('MS.AAD.3.2v1');
      expect(ca.evaluate({ userId: u.id, requirement: 'phishing-resistant' }).verdict).toBe('not-enforced');
    }
  });

  it('tenant-wide: legacy auth, high user and sign-in risk and device code flow are blocked', () => {
    expect(outcome('ca-legacy-auth-blocked')).toEqual(['pass', 'pass']);
    expect(outcome('ca-block-high-user-risk')).toEqual(['pass']);
    expect(outcome('ca-block-high-sign-in-risk')).toEqual(['pass']);
    expect(outcome('ca-device-code-blocked')).toEqual(['pass']);
    expect(outcome('security-defaults-or-ca')).toEqual(['pass']);
    expect(outcome('ca-report-only-policies')).toEqual(Array(7).fill('pass'));
  });

  it('finds the gaps: no emergency-access account, no managed-device or registration policy', () => {
    expect(outcome('emergency-access-accounts')).toEqual(['fail']);
    expect(outcome('ca-managed-device-required')).toEqual(['fail']);
    expect(outcome('ca-register-security-info')).toEqual(['fail']);
  });

  it('does not assess what needs the full user list, never passing it', () => {
    for (const id of ['mfa-registered-all-users', 'ca-mfa-all-users', 'ca-mfa-admins', 'global-admin-count', 'privileged-permanent-assignments']) {
      expect(run.checks.find((c) => c.id === id)!.status, id).toBe('not-assessed');
    }
  });
});
