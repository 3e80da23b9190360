/**
 * Checks against the generator's ground truth: a demo tenant is served by the Graph emulator over
 * HTTPS, collected by the real collectors into a real snapshot (once per licence tier), and checked;
 * every result of the seed checks and of most catalogue checks (entity by entity), and the failing
 * entities of the rest, must be exactly what the truth implies, for each tier.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../main/checks/engine.js';
import { listMfaPassthrough, type PassthroughRow } from '../../main/checks/passthrough.js';
import { parseTerminationsCsv } from '../../main/checks/terminations-csv.js';
import { generateTenant, type GroundTruth } from '../../main/demo/generator/index.js';
import type { LicenceTier } from '../../shared/datasets.js';
import type { CheckResult, Outcome } from '../../shared/results.js';
import { openSnapshot } from '../../main/store/index.js';
import { CHECKS } from '../../main/checks/catalogue/index.js';
import { collectDemo } from './collect-demo.js';
import { EXPECTED_CHECK_IDS, expectedOutcomes } from './truth-expectations.js';
import { ENTITY_CHECK_IDS, expectedEntityOutcomes } from './entity-expectations.js';

type Expected = Map<string, Outcome>;

function expectedMfa(truth: GroundTruth): Expected {
  const out: Expected = new Map();
  for (const u of truth.users.values()) {
    if (u.deleted) continue;
    out.set(u.id, u.guest || u.disabled ? 'not-applicable' : u.federated ? 'external' : u.mfaRegistered ? 'pass' : 'fail');
  }
  return out;
}

function expectedInactive(truth: GroundTruth, licence: LicenceTier): Expected {
  const out: Expected = new Map();
  if (licence === 'free') return new Map([['tenant', 'not-assessed']]);
  for (const u of truth.users.values()) {
    if (u.deleted) continue;
    out.set(u.id, u.disabled ? 'not-applicable' : u.neverSignedIn ? (u.createdBeforeThreshold ? 'fail' : 'not-applicable') : u.stale ? 'fail' : 'pass');
  }
  return out;
}

function expectedOffboarding(truth: GroundTruth, licence: LicenceTier): Expected {
  const out: Expected = new Map();
  const signInsKnown = licence !== 'free';
  for (const l of truth.leavers) {
    if (!l.userId) { out.set(`hr-line-${l.row + 2}`, 'not-assessed'); continue; }
    if (l.kind === 'deleted') { out.set(l.userId, 'pass'); continue; }
    const k = l.keptAccess;
    const kept = k.enabled || k.groups.length > 0 || k.roles.length > 0 || k.apps.length > 0;
    out.set(l.userId, kept || (signInsKnown && l.signInAfterGrace) ? 'fail' : signInsKnown ? 'pass' : 'not-assessed');
  }
  for (const id of truth.disabledPrivilegedHolderIds) if (!out.has(id) && !truth.users.get(id)!.deleted) out.set(id, 'fail');
  return out;
}

function actual(results: { checkId: string; entityId: string; outcome: Outcome }[], checkId: string): Expected {
  return new Map(results.filter((r) => r.checkId === checkId).map((r) => [r.entityId, r.outcome]));
}

/** Both maps as sorted entries, so a mismatch prints the entities that differ. */
function diff(want: Expected, got: Expected): string[] {
  const keys = [...new Set([...want.keys(), ...got.keys()])].sort();
  return keys.filter((k) => want.get(k) !== got.get(k)).map((k) => `${k}: want ${want.get(k)}, got ${got.get(k)}`);
}

const TIERS = ['free', 'p1', 'p2'] as const;
type Run = { truth: GroundTruth; results: CheckResult[]; passthrough: PassthroughRow[]; window: { from: string; to: string } };
const runs = new Map<LicenceTier, Run>();

beforeAll(async () => {
  for (const licence of TIERS) {
    const { tenant, truth, terminationsCsv } = generateTenant({ users: 120, seed: 4242, licence, signInsPerUserPerDay: 1 });
    const { path, cleanup } = await collectDemo(tenant);
    try {
      const reader = openSnapshot(path);
      const settings = { now: truth.now, graceDays: truth.leaverGraceDays, inactiveDays: truth.staleDays, terminations: parseTerminationsCsv(terminationsCsv) };
      const run = runChecks(reader, settings);
      const passthrough = listMfaPassthrough(reader, settings);
      const window = { from: String(reader.metaValue('signInWindowFrom')), to: String(reader.metaValue('signInWindowTo')) };
      reader.close();
      runs.set(licence, { truth, results: run.results, passthrough, window });
    } finally {
      cleanup();
    }
  }
}, 120_000);

describe('seed checks match the generator ground truth', () => {
  for (const licence of TIERS) {
    it(`on a ${licence} tenant`, () => {
      const { truth, results } = runs.get(licence)!;
      expect(diff(expectedMfa(truth), actual(results, 'mfa-registered-all-users'))).toEqual([]);
      expect(diff(expectedInactive(truth, licence), actual(results, 'inactive-user-accounts'))).toEqual([]);
      expect(diff(expectedOffboarding(truth, licence), actual(results, 'offboarded-user-access-removed'))).toEqual([]);
      // The truth has each kind of outcome, so the comparison above is not vacuous.
      const outcomes = new Set(results.filter((r) => r.checkId === 'mfa-registered-all-users').map((r) => r.outcome));
      expect([...outcomes].sort()).toEqual(['external', 'fail', 'not-applicable', 'pass']);
    });
  }
});

const sorted = (xs: Iterable<string>) => [...xs].sort();

describe('catalogue checks match the generator ground truth', () => {
  for (const licence of TIERS) {
    describe(`on a ${licence} tenant`, () => {
      const get = () => runs.get(licence)!;

      it('Global Administrator count: active and eligible-only holders in the evidence', () => {
        const { truth, results } = get();
        const r = results.find((x) => x.checkId === 'global-admin-count')!;
        const enabled = truth.globalAdminIds.filter((id) => !truth.users.get(id)!.disabled);
        const eligibleOnly = new Set(truth.eligiblePrivileged.filter((g) => g.roleName === 'Global Administrator' && g.principalType === 'user' && !truth.users.get(g.principalId)!.disabled).map((g) => g.principalId));
        for (const id of enabled) eligibleOnly.delete(id);
        expect(r.evidence.active).toBe(enabled.length);
        expect(r.evidence.eligibleOnly).toBe(eligibleOnly.size);
      });
      it('legacy authentication blocked and security defaults or MFA policies', () => {
        const { truth, results } = get();
        const outcomes = (id: string) => [...new Set(results.filter((r) => r.checkId === id).map((r) => r.outcome))];
        expect(outcomes('ca-legacy-auth-blocked')).toEqual([truth.conditionalAccess.legacyAuthBlocked ? 'pass' : 'fail']);
        expect(outcomes('security-defaults-or-ca')).toEqual(['pass']);
        const sd = results.find((r) => r.checkId === 'security-defaults-or-ca')!;
        expect(sd.reason.startsWith('Security defaults are on')).toBe(truth.conditionalAccess.securityDefaultsEnabled);
      });
      it('MFA passthrough to SSO apps: full coverage passes, partial and none fail', () => {
        const { truth, results, passthrough } = get();
        const outcome = new Map(results.filter((r) => r.checkId === 'sso-app-mfa-passthrough').map((r) => [r.entityId, r.outcome]));
        const coverage = new Map(passthrough.map((r) => [r.appId, r.coverage]));
        expect(sorted(outcome.keys())).toEqual(sorted(truth.apps.map((a) => a.servicePrincipalId)));
        for (const a of truth.apps) {
          // Free: the truth counts no policy (coverage none), but security defaults enforce MFA for administrator
          // roles, so an app assigned only to administrators is fully covered; the truth does not state that.
          if (licence === 'free') continue;
          expect(outcome.get(a.servicePrincipalId), a.displayName).toBe(a.coverage === 'full' ? 'pass' : 'fail');
          // The truth's "none" counts no role-scoped policy, so admins covered by one make the check's coverage "partial".
          if (a.coverage !== 'none') expect(coverage.get(a.appId), a.displayName).toBe(a.coverage);
          else expect(coverage.get(a.appId), a.displayName).not.toBe('full');
        }
        expect(truth.apps.some((a) => a.coverage === 'partial') || licence === 'free').toBe(true);
      });
    });
  }
});

describe('every result of the conditional access, role, alert, device and sign-in checks matches the ground truth', () => {
  for (const licence of TIERS) {
    describe(`on a ${licence} tenant`, () => {
      const expected = () => {
        const { truth, window } = runs.get(licence)!;
        return expectedOutcomes(truth, licence, window);
      };
      for (const checkId of EXPECTED_CHECK_IDS) {
        it(checkId, () => {
          const want = expected().get(checkId)!;
          expect(diff(want, actual(runs.get(licence)!.results, checkId))).toEqual([]);
        });
      }
      for (const checkId of ENTITY_CHECK_IDS) {
        it(checkId, () => {
          const { truth, results } = runs.get(licence)!;
          expect(diff(expectedEntityOutcomes(truth, licence).get(checkId)!, actual(results, checkId))).toEqual([]);
        });
      }
      it('the MFA passthrough artifact leaves out exactly the users no MFA rule covers', () => {
        const { truth, passthrough } = runs.get(licence)!;
        for (const a of truth.apps) {
          const rows = passthrough.filter((r) => r.appId === a.appId);
          expect(sorted(rows.map((r) => r.leftOutUserId).filter(Boolean)), a.displayName).toEqual(sorted(truth.ssoAppMfa(a.servicePrincipalId).notEnforced));
        }
      });
    });
  }
  it('the comparisons are not vacuous: each tier has passing and failing users for the user-level CA and sign-in checks', () => {
    for (const licence of TIERS) {
      const want = expectedOutcomes(runs.get(licence)!.truth, licence, runs.get(licence)!.window);
      const outcomes = (id: string) => new Set(want.get(id)!.values());
      for (const id of ['ca-mfa-all-users', 'ca-mfa-admins', 'devices-non-compliant', 'devices-stale', 'open-security-alerts']) {
        expect(outcomes(id).has('fail') && outcomes(id).has('pass'), `${licence} ${id}`).toBe(true);
      }
      if (licence !== 'free') for (const id of ['legacy-auth-sign-ins', 'sign-ins-unmanaged-devices', 'ca-exclusions-without-fallback']) expect(outcomes(id).has('fail'), `${licence} ${id}`).toBe(true);
      const entity = expectedEntityOutcomes(runs.get(licence)!.truth, licence);
      const assessed = ENTITY_CHECK_IDS.filter((id) => !(licence === 'free' && id === 'stale-guests') && !(licence !== 'p2' && id === 'risky-users-unremediated'));
      for (const id of assessed) {
        const seen = new Set(entity.get(id)!.values());
        // Without P2 there is no PIM: every privileged assignment is permanent.
        if (id === 'global-admin-count') continue;
        const passes = id !== 'privileged-permanent-assignments' || licence === 'p2';
        expect(seen.has('fail') && seen.has('pass') === passes, `${licence} ${id}`).toBe(true);
      }
    }
  });
  it('every catalogue check is compared with the truth somewhere in this file', () => {
    const elsewhere = ['mfa-registered-all-users', 'inactive-user-accounts', 'offboarded-user-access-removed'];
    expect(sorted(CHECKS.map((c) => c.id))).toEqual(sorted([...elsewhere, ...EXPECTED_CHECK_IDS, ...ENTITY_CHECK_IDS]));
  });
});
