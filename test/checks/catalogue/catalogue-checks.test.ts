/**
 * Every catalogue check on the hand-built tenant (tenant-fixture.ts): each expectation names an
 * entity and the outcome the check must give it, covering pass, fail and not applicable (and not
 * assessed where an entity can be); a second snapshot with nothing collected shows every check
 * "not assessed" with the coverage table's reason.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CHECKS, checkById } from '../../../main/checks/catalogue/index.js';
import { runChecks } from '../../../main/checks/engine.js';
import { DATASETS } from '../../../shared/datasets.js';
import type { CheckResult } from '../../../shared/results.js';
import type { SnapshotReader } from '../../../main/store/types.js';
import { snapshot } from '../snapshot-builder.js';
import { NOW, POLICIES, tenantRows } from './tenant-fixture.js';

type Expect = Record<string, CheckResult['outcome']>;

/** check id -> entity id (or name for tenant-level results) -> outcome. */
const EXPECTED: Record<string, Expect> = {
  'security-defaults-or-ca': { 'authentication-baseline': 'pass' },
  'ca-mfa-all-users': { alice: 'pass', admin1: 'pass', erin: 'pass', bob: 'fail', admin2: 'fail', bg1: 'not-applicable', dave: 'not-applicable', guest1: 'not-applicable' },
  'ca-mfa-admins': { admin1: 'pass', pimadmin: 'pass', admin2: 'fail', dave: 'not-applicable', bg1: 'not-applicable' },
  'ca-phishing-resistant-admins': { admin1: 'pass', pimadmin: 'pass', admin2: 'fail', dave: 'not-applicable', bg2: 'not-applicable' },
  'ca-mfa-guests': { guest1: 'pass', guest3: 'pass', guest2: 'fail', guest4: 'not-applicable' },
  'ca-mfa-azure-management': { '797f4846-ba00-4fd7-ba43-dac1f8f63013': 'fail' },
  'ca-exclusions-without-fallback': { erin: 'pass', bob: 'fail', admin2: 'fail', bg1: 'not-applicable' },
  'emergency-access-accounts': { 'emergency-access': 'pass' },
  'ca-legacy-auth-blocked': { 'legacy-exchangeActiveSync': 'pass', 'legacy-other': 'pass' },
  'ca-block-high-user-risk': { 'user-risk-high': 'fail' },
  'ca-block-high-sign-in-risk': { 'sign-in-risk-high': 'pass' },
  'ca-device-code-blocked': { 'device-code-flow': 'fail' },
  'ca-register-security-info': { 'register-security-info': 'fail' },
  'ca-managed-device-required': { 'managed-device': 'fail' },
  'ca-report-only-policies': { 'Require MFA for all users': 'pass', 'Block high user risk': 'fail', 'Protect security info registration': 'not-applicable' },
  'sso-app-mfa-passthrough': { 'sp-github': 'pass', 'sp-slack': 'fail', 'sp-miro': 'fail', 'sp-zoom': 'not-applicable' },
  'sms-voice-only-mfa': { alice: 'pass', carol: 'fail', bob: 'not-applicable' },
  'global-admin-count': { '62e90394-69f5-4237-9190-012177145e10': 'pass' },
  'global-admin-ratio': { 'global-admin-ratio': 'fail' },
  'privileged-permanent-assignments': {},
  'privileged-cloud-only': { admin1: 'pass', admin2: 'fail', dave: 'not-applicable' },
  'privileged-strong-mfa-registered': { admin1: 'pass', admin2: 'fail', dave: 'not-applicable', pimadmin: 'not-assessed' },
  'privileged-inactive': { admin1: 'pass', admin2: 'fail', bg1: 'not-applicable', dave: 'not-applicable' },
  'guests-with-roles': { guest1: 'fail', guest2: 'pass' },
  'stale-guests': { guest1: 'pass', guest2: 'fail', guest3: 'not-applicable', guest4: 'not-applicable' },
  'password-never-expires': { alice: 'pass', bob: 'fail' },
  'legacy-auth-sign-ins': { alice: 'pass', carol: 'fail' },
  'single-factor-sign-ins': { alice: 'pass', carol: 'fail' },
  'sign-ins-unmanaged-devices': { alice: 'pass', carol: 'fail' },
  'high-risk-sign-ins-succeeded': { alice: 'pass', carol: 'fail' },
  'risky-users-unremediated': { alice: 'pass', carol: 'fail' },
  'open-security-alerts': { alice: 'pass', carol: 'fail' },
  'sp-high-privilege-graph-permissions': { 'sp-prov': 'fail', 'sp-report': 'pass' },
  'apps-without-owners': { 'app-1': 'pass', 'app-2': 'fail' },
  'app-credentials-expired': { 'app-1:k-expired': 'fail', 'app-1:k-cert': 'pass' },
  'app-credentials-expiring': { 'app-1:k-expiring': 'fail', 'app-1:k-cert': 'pass', 'app-1:k-expired': 'not-applicable' },
  'app-secrets-long-lived': { 'app-1:k-longsecret': 'fail', 'app-1:k-shortsecret': 'pass', 'app-1:k-expired': 'not-applicable' },
  'app-certificates-long-lived': { 'app-1:k-longcert': 'fail', 'app-1:k-cert': 'pass' },
  'devices-non-compliant': { 'd-compliant': 'pass', 'd-noncompliant': 'fail', 'd-unmanaged': 'not-applicable', 'd-disabled': 'not-applicable' },
  'devices-stale': { 'd-compliant': 'pass', 'd-noncompliant': 'fail', 'd-disabled': 'not-applicable', 'd-nodate': 'not-assessed' },
};

let reader: SnapshotReader;
let results: CheckResult[];
beforeAll(() => {
  reader = snapshot(tenantRows(), { now: NOW });
  results = runChecks(reader).results;
});

function outcome(checkId: string, key: string): string | undefined {
  return results.find((r) => r.checkId === checkId && (r.entityId === key || r.entityName === key))?.outcome;
}

describe('catalogue checks on the hand-built tenant', () => {
  for (const [checkId, expected] of Object.entries(EXPECTED)) {
    it(checkId, () => {
      expect(checkById(checkId), checkId).toBeDefined();
      for (const [key, want] of Object.entries(expected)) expect(outcome(checkId, key), `${checkId} / ${key}`).toBe(want);
    });
  }

  it('privileged-permanent-assignments: permanent fails, time-bound and eligible pass, break-glass not applicable', () => {
    const mine = results.filter((r) => r.checkId === 'privileged-permanent-assignments');
    const by = (principal: string) => mine.find((r) => r.evidence.principalId === principal)!.outcome;
    expect([by('admin1'), by('admin2'), by('pimadmin'), by('bg1'), by('dave')]).toEqual(['fail', 'pass', 'pass', 'not-applicable', 'fail']);
  });

  it('explains conditional access findings in words', () => {
    const bob = results.find((r) => r.checkId === 'ca-mfa-all-users' && r.entityId === 'bob')!;
    expect(bob.reason).toContain('excluded from "Require MFA for all users"');
    const slack = results.find((r) => r.checkId === 'sso-app-mfa-passthrough' && r.entityId === 'sp-slack')!;
    expect(slack.reason).toMatch(/Partly covered: \d+ of \d+ users left out/);
    expect(String(slack.evidence.leftOutExamples)).toContain('bob@contoso.example');
    const userRisk = results.find((r) => r.checkId === 'ca-block-high-user-risk')!;
    expect(userRisk.reason).toContain('"Block high user risk" would');
  });

  it('covers every catalogue check here or in its own test file', () => {
    const own = ['mfa-registered-all-users', 'inactive-user-accounts', 'offboarded-user-access-removed'];
    expect(CHECKS.map((c) => c.id).filter((id) => !own.includes(id) && !(id in EXPECTED))).toEqual([]);
  });

  it('global-admin-count fails above four Global Administrators', () => {
    const rows = tenantRows();
    rows.role_assignments = [...rows.role_assignments!, { id: 'x1', principalId: 'alice', roleDefinitionId: '62e90394-69f5-4237-9190-012177145e10', directoryScopeId: '/', kind: 'active', startDateTime: null, endDateTime: null }];
    const r = runChecks(snapshot(rows, { now: NOW }), {}, { checks: [checkById('global-admin-count')!] }).results[0];
    expect(r.outcome).toBe('fail');
    expect(r.reason).toContain('5 Global Administrators');
  });

  it('tenant-wide policy checks pass once the policy is switched on', () => {
    const rows = tenantRows();
    rows.ca_policies = POLICIES.map((p) => ({ ...p, state: 'enabled' as const }));
    const r = runChecks(snapshot(rows, { now: NOW }), {}, { checks: [checkById('ca-block-high-user-risk')!, checkById('ca-register-security-info')!] });
    expect(r.results.map((x) => x.outcome)).toEqual(['pass', 'pass']);
  });
});

describe('every check without its data', () => {
  it('is not assessed, with the coverage table reason, never pass', () => {
    const empty = snapshot({}, { now: NOW, coverage: Object.fromEntries(DATASETS.map((d) => [d.id, 'unavailable'])) });
    const run = runChecks(empty);
    for (const c of run.checks) {
      expect(c.status, c.id).toBe('not-assessed');
      expect(c.notAssessedReason, c.id).toMatch(/unavailable/);
    }
    expect(new Set(run.results.map((r) => r.outcome))).toEqual(new Set(['not-assessed']));
  });
});
