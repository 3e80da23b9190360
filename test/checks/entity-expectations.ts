/**
 * Every result of the user, credential and risk checks on a demo tenant, entity by entity, written
 * from the generator's ground truth alone (its user plans, role grants, credential and risk decisions).
 */
import type { GroundTruth } from '../../main/demo/generator/index.js';
import { BUILT_IN_ROLES } from '../../main/demo/generator/roles.js';
import type { LicenceTier } from '../../shared/datasets.js';
import type { Outcome } from '../../shared/results.js';
import type { Expected } from './truth-expectations.js';

/** The checks expectedEntityOutcomes covers. */
export const ENTITY_CHECK_IDS = [
  'guests-with-roles', 'privileged-cloud-only', 'privileged-strong-mfa-registered', 'app-credentials-expired', 'app-credentials-expiring',
  'app-secrets-long-lived', 'app-certificates-long-lived', 'password-never-expires', 'sms-voice-only-mfa', 'stale-guests', 'risky-users-unremediated',
  'apps-without-owners', 'sp-high-privilege-graph-permissions', 'privileged-permanent-assignments', 'global-admin-count',
] as const;

/** Expected outcomes by check id. */
export function expectedEntityOutcomes(truth: GroundTruth, licence: LicenceTier): Map<string, Expected> {
  const live = [...truth.users.values()].filter((u) => !u.deleted);
  type U = (typeof live)[number];
  const perUser = (users: U[], outcome: (u: U) => Outcome): Expected => new Map(users.map((u) => [u.id, outcome(u)]));
  const out = new Map<string, Expected>();

  out.set('guests-with-roles', perUser(live.filter((u) => u.guest), (u) => u.rolesHeld.length ? 'fail' : 'pass'));
  const privileged = live.filter((u) => u.privileged);
  out.set('privileged-cloud-only', perUser(privileged, (u) => u.disabled ? 'not-applicable' : u.synced ? 'fail' : 'pass'));
  out.set('privileged-strong-mfa-registered', perUser(privileged, (u) => u.disabled ? 'not-applicable' : u.strongMfaRegistered ? 'pass' : 'fail'));
  out.set('password-never-expires', perUser(live.filter((u) => !u.disabled), (u) => u.passwordNeverExpires ? 'fail' : 'pass'));
  out.set('sms-voice-only-mfa', perUser(live.filter((u) => !u.guest && !u.disabled && !u.federated), (u) =>
    u.strongMfaRegistered ? 'pass' : u.onlySmsVoice ? 'fail' : 'not-applicable'));
  out.set('stale-guests', licence === 'free' ? new Map([['tenant', 'not-assessed']]) : perUser(live.filter((u) => u.guest), (u) =>
    u.disabled ? 'not-applicable' : u.neverSignedIn ? (u.createdBeforeThreshold ? 'fail' : 'not-applicable') : u.stale ? 'fail' : 'pass'));
  out.set('risky-users-unremediated', licence !== 'p2' ? new Map([['tenant', 'not-assessed']])
    : new Map(truth.risk.map((r) => [r.userId, r.riskState === 'atRisk' || r.riskState === 'confirmedCompromised' ? 'fail' : 'pass'])));

  const ownerless = new Set(truth.ownerlessApplicationIds);
  out.set('apps-without-owners', new Map(truth.applicationIds.map((id) => [id, ownerless.has(id) ? 'fail' : 'pass'])));
  out.set('sp-high-privilege-graph-permissions', new Map(truth.graphPermissionSpIds.map((id) => [id, truth.highPrivilegeServicePrincipals.has(id) ? 'fail' : 'pass'])));

  // Role assignments are keyed `<active|eligible>:<schedule id>`; emergency-access accounts (known by being left out of every policy) need standing access.
  const emergency = new Set(truth.conditionalAccess.emergencyAccessIds);
  out.set('privileged-permanent-assignments', new Map(truth.roleGrants.filter((g) => g.privileged).map((g) =>
    [`${g.kind === 'eligible' ? 'eligible' : 'active'}:${g.assignmentId}`, emergency.has(g.principalId) ? 'not-applicable' : g.kind === 'permanent' ? 'fail' : 'pass'])));

  // Each enabled user holding Global Administrator (active or eligible, directly or through a group) counts once; 2 to 4 pass.
  const ga = BUILT_IN_ROLES.globalAdministrator.id;
  const gaCount = live.filter((u) => !u.disabled && u.rolesHeld.includes(ga)).length;
  out.set('global-admin-count', new Map([[ga, gaCount >= 2 && gaCount <= 4 ? 'pass' : 'fail']]));

  // Credentials: results are keyed `<application object id>:<keyId>`.
  const creds = truth.credentials;
  const key = (c: (typeof creds)[number]) => `${c.applicationId}:${c.keyId}`;
  out.set('app-credentials-expired', new Map(creds.map((c) => [key(c), c.expired ? 'fail' : 'pass'])));
  out.set('app-credentials-expiring', new Map(creds.map((c) => [key(c), c.expired ? 'not-applicable' : c.expiringWithin30Days ? 'fail' : 'pass'])));
  const lifetime = (type: 'password' | 'certificate', maxDays: number): Expected => new Map(creds.filter((c) => c.type === type).map((c) =>
    [key(c), c.expired ? 'not-applicable' : c.lifetimeDays > maxDays ? 'fail' : 'pass']));
  out.set('app-secrets-long-lived', lifetime('password', 180));
  out.set('app-certificates-long-lived', lifetime('certificate', 365));
  return out;
}
