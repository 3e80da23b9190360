/**
 * The seed checks against the generator's ground truth: a demo tenant is served by the Graph
 * emulator over HTTPS, collected by the real collectors into a real snapshot, and checked; every
 * result of the three seed checks must be exactly what the truth implies, for each licence tier.
 */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../main/checks/engine.js';
import { parseTerminationsCsv } from '../../main/checks/terminations-csv.js';
import { generateTenant, type GroundTruth } from '../../main/demo/generator/index.js';
import type { LicenceTier } from '../../shared/datasets.js';
import type { Outcome } from '../../shared/results.js';
import { openSnapshot } from '../../main/store/index.js';
import { collectDemo } from './collect-demo.js';

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

describe('seed checks match the generator ground truth', () => {
  for (const licence of ['free', 'p1', 'p2'] as const) {
    it(`on a ${licence} tenant`, async () => {
      const { tenant, truth, terminationsCsv } = generateTenant({ users: 120, seed: 4242, licence, signInsPerUserPerDay: 1 });
      const { path, cleanup } = await collectDemo(tenant);
      try {
        const reader = openSnapshot(path);
        const run = runChecks(reader, { now: truth.now, graceDays: truth.leaverGraceDays, inactiveDays: truth.staleDays, terminations: parseTerminationsCsv(terminationsCsv) });
        reader.close();
        expect(diff(expectedMfa(truth), actual(run.results, 'mfa-registered-all-users'))).toEqual([]);
        expect(diff(expectedInactive(truth, licence), actual(run.results, 'inactive-user-accounts'))).toEqual([]);
        expect(diff(expectedOffboarding(truth, licence), actual(run.results, 'offboarded-user-access-removed'))).toEqual([]);
        // The truth has each kind of outcome, so the comparison above is not vacuous.
        const outcomes = new Set(run.results.filter((r) => r.checkId === 'mfa-registered-all-users').map((r) => r.outcome));
        expect([...outcomes].sort()).toEqual(['external', 'fail', 'not-applicable', 'pass']);
      } finally {
        cleanup();
      }
    });
  }
});
