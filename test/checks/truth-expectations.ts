/**
 * Every result a catalogue check should give on a demo tenant, entity by entity, written from the
 * generator's ground truth alone (its plans, role grants, MFA rules, device, alert and sign-in
 * decisions), for the checks that read conditional access, roles, devices, alerts and sign-ins.
 */
import type { GroundTruth } from '../../main/demo/generator/index.js';
import { AZURE_MANAGEMENT_APP_ID } from '../../main/demo/generator/mfa-rules.js';
import { BUILT_IN_ROLES, HIGHLY_PRIVILEGED_ROLE_IDS } from '../../main/demo/generator/roles.js';
import type { LicenceTier } from '../../shared/datasets.js';
import type { Outcome } from '../../shared/results.js';

export type Expected = Map<string, Outcome>;

const DAY_MS = 86_400_000;
const GA = BUILT_IN_ROLES.globalAdministrator.id;
const notAssessed = (): Expected => new Map([['tenant', 'not-assessed']]);
const tenant = (id: string, ok: boolean): Expected => new Map([[id, ok ? 'pass' : 'fail']]);

/** The checks expectedOutcomes covers. */
export const EXPECTED_CHECK_IDS = [
  'ca-mfa-all-users', 'ca-mfa-admins', 'ca-phishing-resistant-admins', 'ca-mfa-guests', 'ca-mfa-azure-management', 'ca-exclusions-without-fallback',
  'emergency-access-accounts', 'ca-legacy-auth-blocked', 'ca-block-high-user-risk', 'ca-block-high-sign-in-risk', 'ca-device-code-blocked',
  'ca-register-security-info', 'ca-managed-device-required', 'ca-report-only-policies', 'security-defaults-or-ca', 'sso-app-mfa-passthrough',
  'global-admin-ratio', 'privileged-inactive', 'open-security-alerts', 'devices-non-compliant', 'devices-stale',
  'legacy-auth-sign-ins', 'single-factor-sign-ins', 'sign-ins-unmanaged-devices', 'high-risk-sign-ins-succeeded',
] as const;

/** Expected outcomes by check id; `window` is the sign-in window the snapshot collected. */
export function expectedOutcomes(truth: GroundTruth, licence: LicenceTier, window: { from: string; to: string }): Map<string, Expected> {
  const live = [...truth.users.values()].filter((u) => !u.deleted);
  const emergency = new Set(truth.conditionalAccess.emergencyAccessIds);
  const anyPolicyOn = truth.conditionalAccess.policies.some((p) => p.state === 'enabled');
  const design = truth.conditionalAccess.design;
  const out = new Map<string, Expected>();
  const perUser = (users: typeof live, outcome: (u: (typeof live)[number]) => Outcome): Expected => new Map(users.map((u) => [u.id, outcome(u)]));

  out.set('ca-mfa-all-users', perUser(live, (u) =>
    u.guest || u.disabled || emergency.has(u.id) ? 'not-applicable' : u.mfaEnforced.everyApp ? 'pass' : 'fail'));
  const admins = live.filter((u) => u.privileged);
  out.set('ca-mfa-admins', perUser(admins, (u) => u.disabled || emergency.has(u.id) ? 'not-applicable' : u.mfaEnforced.everyApp ? 'pass' : 'fail'));
  out.set('ca-phishing-resistant-admins', perUser(admins, (u) =>
    u.disabled || emergency.has(u.id) ? 'not-applicable' : u.mfaEnforced.phishingResistantEveryApp ? 'pass' : 'fail'));
  out.set('ca-mfa-guests', perUser(live.filter((u) => u.guest), (u) => u.disabled ? 'not-applicable' : u.mfaEnforced.everyApp ? 'pass' : 'fail'));
  const azurePopulation = live.filter((u) => !u.disabled && !u.guest && !emergency.has(u.id));
  out.set('ca-mfa-azure-management', new Map([[AZURE_MANAGEMENT_APP_ID,
    !azurePopulation.length ? 'not-applicable' : azurePopulation.every((u) => u.mfaEnforced.azureManagement) ? 'pass' : 'fail']]));
  out.set('ca-exclusions-without-fallback', perUser(live.filter((u) => !u.disabled && u.excludedFromMfaPolicy), (u) =>
    emergency.has(u.id) ? 'not-applicable' : u.mfaEnforced.everyApp ? 'pass' : 'fail'));
  const emergencyAdmins = [...emergency].filter((id) => truth.users.get(id)!.rolesHeld.includes(GA));
  out.set('emergency-access-accounts', new Map([['emergency-access', !anyPolicyOn ? 'not-applicable' : emergencyAdmins.length >= 2 ? 'pass' : 'fail']]));
  out.set('ca-legacy-auth-blocked', new Map([
    ['legacy-exchangeActiveSync', design.legacyAuthBlocked ? 'pass' : 'fail'],
    ['legacy-other', design.legacyAuthBlocked ? 'pass' : 'fail'],
  ]));
  out.set('ca-block-high-user-risk', tenant('user-risk-high', design.highUserRiskHandled));
  out.set('ca-block-high-sign-in-risk', tenant('sign-in-risk-high', design.highSignInRiskHandled));
  out.set('ca-device-code-blocked', tenant('device-code-flow', design.deviceCodeBlocked));
  out.set('ca-register-security-info', tenant('register-security-info', design.registerSecurityInfoProtected));
  out.set('ca-managed-device-required', tenant('managed-device', design.managedDeviceRequired));
  out.set('ca-report-only-policies', new Map(truth.conditionalAccess.policies.map((p) =>
    [p.id, p.state === 'enabled' ? 'pass' : p.state === 'enabledForReportingButNotEnforced' ? 'fail' : 'not-applicable'])));
  out.set('security-defaults-or-ca', tenant('authentication-baseline', truth.conditionalAccess.securityDefaultsEnabled || anyPolicyOn && truth.conditionalAccess.mfaRules.length > 0));
  out.set('sso-app-mfa-passthrough', new Map(truth.apps.map((a) => {
    const m = truth.ssoAppMfa(a.servicePrincipalId);
    return [a.servicePrincipalId, !m.population.length ? 'not-applicable' : m.notEnforced.length ? 'fail' : 'pass'];
  })));

  // Roles: SCuBA's ratio counts enabled users, each once.
  const enabled = live.filter((u) => !u.disabled);
  const ga = enabled.filter((u) => u.rolesHeld.includes(GA)).length;
  const others = enabled.filter((u) => !u.rolesHeld.includes(GA) && u.rolesHeld.some((r) => HIGHLY_PRIVILEGED_ROLE_IDS.has(r))).length;
  out.set('global-admin-ratio', new Map([['global-admin-ratio', !ga && !others ? 'not-applicable' : ga <= others ? 'pass' : 'fail']]));
  out.set('privileged-inactive', licence === 'free' ? notAssessed() : perUser(admins, (u) =>
    u.disabled || emergency.has(u.id) ? 'not-applicable'
      : u.neverSignedIn ? (u.createdBeforeThreshold ? 'fail' : 'not-applicable')
        : u.stale ? 'fail' : 'pass'));

  // Alerts: a user with any new or in-progress alert of high or medium severity fails.
  const alerts = new Map<string, Outcome>();
  for (const a of truth.alerts) {
    const open = (a.status === 'new' || a.status === 'inProgress') && (a.severity === 'high' || a.severity === 'medium');
    alerts.set(a.userId, open || alerts.get(a.userId) === 'fail' ? 'fail' : 'pass');
  }
  out.set('open-security-alerts', alerts);

  // Devices.
  const staleBefore = Date.parse(truth.now) - truth.staleDays * DAY_MS;
  out.set('devices-non-compliant', new Map(truth.deviceFacts.map((d) =>
    [d.id, !d.enabled || d.state === 'unmanaged' ? 'not-applicable' : d.state === 'compliant' ? 'pass' : 'fail'])));
  out.set('devices-stale', new Map(truth.deviceFacts.map((d) => [d.id, !d.enabled ? 'not-applicable' : d.lastSeenMs < staleBefore ? 'fail' : 'pass'])));

  // Sign-ins: the log needs P1; each user with a successful sign-in in the window gets a result.
  const signInChecks = {
    'legacy-auth-sign-ins': 'legacySuccesses',
    'single-factor-sign-ins': 'singleFactorSuccesses',
    'sign-ins-unmanaged-devices': null,
    'high-risk-sign-ins-succeeded': 'highRiskSuccesses',
  } as const;
  const planted = licence === 'free' ? null : truth.signIns(window.from, window.to);
  for (const [checkId, field] of Object.entries(signInChecks)) {
    // Sign-in risk levels read "hidden" below P2: nothing can be said about them.
    if (!planted || (field === 'highRiskSuccesses' && licence !== 'p2')) { out.set(checkId, notAssessed()); continue; }
    out.set(checkId, new Map([...planted].map(([id, s]) => {
      const bad = field ? s[field] : s.nonCompliantDeviceSuccesses + s.unmanagedDeviceSuccesses;
      return [id, bad > 0 ? 'fail' : 'pass'];
    })));
  }
  return out;
}
