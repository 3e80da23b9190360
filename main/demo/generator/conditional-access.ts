/**
 * Conditional access: built-in authentication strengths, named locations, security defaults and the
 * policies (P1/P2 only; a free tenant has security defaults on and no policies). Policies exclude
 * the two break-glass accounts, and realise each SSO app's intended MFA coverage (apps-catalog.ts).
 */
import { DAY_MS, isoSeconds } from './dates.js';
import { Rng } from './prng.js';
import { BUILT_IN_ROLES } from './roles.js';
import type { GenContext } from './context.js';
import type { SsoAppFact } from './apps.js';
import type { WellKnownGroups } from './groups.js';
import type { GraphObject } from '../tenant.js';

const STRENGTH_CREATED = '2021-12-01T00:00:00Z';

/** The three built-in authentication strengths, as Graph lists them. */
export const AUTH_STRENGTHS: GraphObject[] = [
  {
    id: '00000000-0000-0000-0000-000000000002',
    createdDateTime: STRENGTH_CREATED,
    modifiedDateTime: STRENGTH_CREATED,
    displayName: 'Multifactor authentication',
    description: 'Combinations of methods that satisfy strong authentication, such as a password + SMS',
    policyType: 'builtIn',
    requirementsSatisfied: 'mfa',
    allowedCombinations: [
      'windowsHelloForBusiness', 'fido2', 'x509CertificateMultiFactor', 'deviceBasedPush', 'temporaryAccessPassOneTime',
      'temporaryAccessPassMultiUse', 'password,microsoftAuthenticatorPush', 'password,softwareOath', 'password,hardwareOath',
      'password,x509CertificateSingleFactor', 'password,x509CertificateMultiFactor', 'password,sms', 'password,voice',
      'federatedMultiFactor', 'microsoftAuthenticatorPush,federatedSingleFactor', 'softwareOath,federatedSingleFactor',
      'hardwareOath,federatedSingleFactor', 'sms,federatedSingleFactor', 'voice,federatedSingleFactor',
    ],
    combinationConfigurations: [],
  },
  {
    id: '00000000-0000-0000-0000-000000000003',
    createdDateTime: STRENGTH_CREATED,
    modifiedDateTime: STRENGTH_CREATED,
    displayName: 'Passwordless MFA',
    description: 'Passwordless methods that satisfy strong authentication, such as Passwordless sign-in with the Microsoft Authenticator',
    policyType: 'builtIn',
    requirementsSatisfied: 'mfa',
    allowedCombinations: ['windowsHelloForBusiness', 'fido2', 'x509CertificateMultiFactor', 'deviceBasedPush'],
    combinationConfigurations: [],
  },
  {
    id: '00000000-0000-0000-0000-000000000004',
    createdDateTime: STRENGTH_CREATED,
    modifiedDateTime: STRENGTH_CREATED,
    displayName: 'Phishing resistant MFA',
    description: 'Phishing resistant, Passwordless methods for the strongest authentication, such as a FIDO2 security key',
    policyType: 'builtIn',
    requirementsSatisfied: 'mfa',
    allowedCombinations: ['windowsHelloForBusiness', 'fido2', 'x509CertificateMultiFactor'],
    combinationConfigurations: [],
  },
];

const strength = (id: string): GraphObject => {
  const s = AUTH_STRENGTHS.find((x) => x.id === id)!;
  return { id: s.id, createdDateTime: s.createdDateTime, modifiedDateTime: s.modifiedDateTime, displayName: s.displayName, description: s.description, policyType: s.policyType, requirementsSatisfied: s.requirementsSatisfied, allowedCombinations: s.allowedCombinations };
};

/** Countries the location policy blocks. */
export const BLOCKED_COUNTRIES = ['KP', 'RU', 'NG'];
/** The office egress range the trusted IP location holds. */
export const OFFICE_CIDR = '203.0.113.0/24';

/** Roles the phishing-resistant admin policy targets. */
export const ADMIN_POLICY_ROLES = [
  BUILT_IN_ROLES.globalAdministrator.id,
  BUILT_IN_ROLES.privilegedRoleAdministrator.id,
  BUILT_IN_ROLES.privilegedAuthenticationAdministrator.id,
  BUILT_IN_ROLES.securityAdministrator.id,
  BUILT_IN_ROLES.userAdministrator.id,
  BUILT_IN_ROLES.applicationAdministrator.id,
  BUILT_IN_ROLES.conditionalAccessAdministrator.id,
];

/** Display name of the all-users MFA policy (excludes the CA exclusion group). */
export const ALL_USERS_MFA_POLICY = 'CA001: Require MFA for all users';

/** Who a rule covers: everyone, guests and external users, holders of roles (active or eligible), or a group's members. */
export type Audience = { all: true } | { guests: true } | { roleIds: readonly string[] } | { groupId: string };

/**
 * What an enabled policy (or security defaults) requires on every sign-in of its audience, with no
 * condition, as the generator designed it. The ground truth evaluates these rules, never the Graph
 * policy objects. The break-glass accounts are left out of every policy.
 */
export interface MfaRule {
  policy: string;
  level: 'mfa' | 'phishing-resistant';
  audience: Audience;
  /** Users the policy leaves out by name (the break-glass accounts). */
  excludeUserIds: readonly string[];
  /** Groups the policy leaves out (their members, transitively). */
  excludeGroupIds: readonly string[];
  /** Every app but `except`, or only the listed app ids. */
  apps: { except: readonly string[] } | { only: readonly string[] };
}

/** Tenant-wide protections the policies were designed to give (or not), by name of the control. */
export interface CaDesign {
  /** Legacy clients (Exchange ActiveSync and other clients) blocked for all users on all apps. */
  legacyAuthBlocked: boolean;
  /** High sign-in risk blocked or challenged with MFA, for all users on all apps, by an enabled policy. */
  highSignInRiskHandled: boolean;
  /** High user risk blocked (or remediated by MFA and password change) by an enabled policy; CA013 does it report-only. */
  highUserRiskHandled: boolean;
  /** No policy targets the device code flow, the security info registration action, or requires a managed device everywhere. */
  deviceCodeBlocked: boolean;
  registerSecurityInfoProtected: boolean;
  managedDeviceRequired: boolean;
}

/** The admin roles security defaults require MFA from (those the generator emits), per Microsoft's list. */
export const SECURITY_DEFAULTS_ROLES = [
  BUILT_IN_ROLES.globalAdministrator.id,
  BUILT_IN_ROLES.applicationAdministrator.id,
  BUILT_IN_ROLES.authenticationAdministrator.id,
  BUILT_IN_ROLES.billingAdministrator.id,
  BUILT_IN_ROLES.cloudApplicationAdministrator.id,
  BUILT_IN_ROLES.conditionalAccessAdministrator.id,
  BUILT_IN_ROLES.exchangeAdministrator.id,
  BUILT_IN_ROLES.helpdeskAdministrator.id,
  BUILT_IN_ROLES.privilegedAuthenticationAdministrator.id,
  BUILT_IN_ROLES.privilegedRoleAdministrator.id,
  BUILT_IN_ROLES.securityAdministrator.id,
  BUILT_IN_ROLES.sharePointAdministrator.id,
  BUILT_IN_ROLES.userAdministrator.id,
];

interface PolicyInput {
  name: string;
  /** What the policy enforces unconditionally (only MFA policies without narrowing conditions have one). */
  rule?: Omit<MfaRule, 'policy' | 'excludeUserIds'>;
  state: 'enabled' | 'disabled' | 'enabledForReportingButNotEnforced';
  users: { includeUsers?: string[]; excludeUsers?: string[]; includeGroups?: string[]; excludeGroups?: string[]; includeRoles?: string[] };
  apps: { includeApplications: string[]; excludeApplications?: string[] };
  clientAppTypes?: string[];
  signInRiskLevels?: string[];
  userRiskLevels?: string[];
  locations?: { includeLocations: string[]; excludeLocations: string[] } | null;
  platforms?: { includePlatforms: string[]; excludePlatforms: string[] } | null;
  grant: { operator: 'AND' | 'OR'; builtInControls: string[]; authenticationStrength?: string };
}

/** What the MFA coverage of SSO apps looks like after building (for the ground truth). */
export interface CaBuild {
  conditionalAccessPolicies: GraphObject[];
  namedLocations: GraphObject[];
  authenticationStrengthPolicies: GraphObject[];
  securityDefaults: GraphObject;
  /** appId -> ids of the policies that require MFA for it (any state). */
  policyIdsByApp: Map<string, string[]>;
  /** Policy display name -> id. */
  policyIds: Map<string, string>;
  /** Every policy's id, name and state. */
  policyStates: { id: string; name: string; state: string }[];
  /** The unconditional MFA requirements of enabled policies, or of security defaults when they are on. */
  mfaRules: MfaRule[];
  design: CaDesign;
}

export function buildConditionalAccess(ctx: GenContext, breakGlassIds: string[], groups: WellKnownGroups, ssoApps: SsoAppFact[]): CaBuild {
  const rng = new Rng(ctx.seed, 60);
  const free = ctx.licence === 'free';
  const securityDefaults: GraphObject = {
    id: '00000000-0000-0000-0000-000000000005',
    displayName: 'Security Defaults',
    description: 'Security defaults is a set of basic identity security mechanisms recommended by Microsoft. When enabled, these recommendations will be automatically enforced in your organization. Administrators and users will be better protected from common identity related attacks.',
    isEnabled: free,
  };
  const trustedId = rng.guid();
  const countriesId = rng.guid();
  const created = isoSeconds(ctx.nowMs - 400 * DAY_MS);
  const namedLocations: GraphObject[] = [
    {
      '@odata.type': '#microsoft.graph.ipNamedLocation',
      id: trustedId,
      displayName: 'Head office egress',
      createdDateTime: created,
      modifiedDateTime: created,
      isTrusted: true,
      ipRanges: [{ '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: OFFICE_CIDR }],
    },
    {
      '@odata.type': '#microsoft.graph.countryNamedLocation',
      id: countriesId,
      displayName: 'Blocked countries',
      createdDateTime: created,
      modifiedDateTime: created,
      countriesAndRegions: BLOCKED_COUNTRIES,
      includeUnknownCountriesAndRegions: false,
      countryLookupMethod: 'clientIpAddress',
    },
  ];
  const policyIdsByApp = new Map<string, string[]>();
  const policyIds = new Map<string, string>();
  if (free) {
    const defaults: MfaRule = { policy: 'Security defaults', level: 'mfa', audience: { roleIds: SECURITY_DEFAULTS_ROLES }, excludeUserIds: [], excludeGroupIds: [], apps: { except: [] } };
    const design: CaDesign = { legacyAuthBlocked: false, highSignInRiskHandled: false, highUserRiskHandled: false, deviceCodeBlocked: false, registerSecurityInfoProtected: false, managedDeviceRequired: false };
    return { conditionalAccessPolicies: [], namedLocations, authenticationStrengthPolicies: AUTH_STRENGTHS, securityDefaults, policyIdsByApp, policyIds, policyStates: [], mfaRules: [defaults], design };
  }

  const appsWith = (...c: SsoAppFact['coverage'][]): string[] => ssoApps.filter((a) => c.includes(a.coverage)).map((a) => a.appId);
  const excludedFromGlobal = appsWith('groupOnly', 'reportOnly', 'disabledOnly', 'none');
  const salesforce = ssoApps.find((a) => a.coverage === 'groupOnly');
  const salesforceGroup = salesforce ? groups.appAccess.Salesforce : undefined;

  const inputs: PolicyInput[] = [
    {
      name: ALL_USERS_MFA_POLICY,
      state: 'enabled',
      users: { includeUsers: ['All'], excludeGroups: [groups.caExclusion] },
      apps: { includeApplications: ['All'], excludeApplications: excludedFromGlobal },
      grant: { operator: 'OR', builtInControls: ['mfa'] },
      rule: { level: 'mfa', audience: { all: true }, excludeGroupIds: [groups.caExclusion], apps: { except: excludedFromGlobal } },
    },
    {
      name: 'CA002: Require phishing-resistant MFA for administrators',
      state: 'enabled',
      users: { includeRoles: ADMIN_POLICY_ROLES },
      apps: { includeApplications: ['All'] },
      grant: { operator: 'OR', builtInControls: [], authenticationStrength: '00000000-0000-0000-0000-000000000004' },
      rule: { level: 'phishing-resistant', audience: { roleIds: ADMIN_POLICY_ROLES }, excludeGroupIds: [], apps: { except: [] } },
    },
    {
      name: 'CA003: Block legacy authentication',
      state: 'enabled',
      users: { includeUsers: ['All'] },
      apps: { includeApplications: ['All'] },
      clientAppTypes: ['exchangeActiveSync', 'other'],
      grant: { operator: 'OR', builtInControls: ['block'] },
    },
    {
      name: 'CA004: Require MFA strength for business-critical SaaS',
      state: 'enabled',
      users: { includeUsers: ['All'] },
      apps: { includeApplications: appsWith('full') },
      grant: { operator: 'OR', builtInControls: [], authenticationStrength: '00000000-0000-0000-0000-000000000002' },
      rule: { level: 'mfa', audience: { all: true }, excludeGroupIds: [], apps: { only: appsWith('full') } },
    },
    ...(salesforce && salesforceGroup
      ? [{
          name: 'CA005: Require MFA for Salesforce users',
          state: 'enabled',
          users: { includeGroups: [salesforceGroup] },
          apps: { includeApplications: [salesforce.appId] },
          grant: { operator: 'OR', builtInControls: ['mfa'] },
          rule: { level: 'mfa', audience: { groupId: salesforceGroup }, excludeGroupIds: [], apps: { only: [salesforce.appId] } },
        } satisfies PolicyInput]
      : []),
    {
      name: 'CA006: Require MFA for collaboration apps (pilot)',
      state: 'enabledForReportingButNotEnforced',
      users: { includeUsers: ['All'] },
      apps: { includeApplications: appsWith('reportOnly') },
      grant: { operator: 'OR', builtInControls: ['mfa'] },
    },
    {
      name: 'CA007: Require MFA for file sharing',
      state: 'disabled',
      users: { includeUsers: ['All'] },
      apps: { includeApplications: appsWith('disabledOnly') },
      grant: { operator: 'OR', builtInControls: ['mfa'] },
    },
    {
      name: 'CA008: Block sign-ins from blocked countries',
      state: 'enabled',
      users: { includeUsers: ['All'] },
      apps: { includeApplications: ['All'] },
      locations: { includeLocations: [countriesId], excludeLocations: [] },
      grant: { operator: 'OR', builtInControls: ['block'] },
    },
    {
      name: 'CA009: Require MFA or compliant device for Exchange Online outside the office',
      state: 'enabled',
      users: { includeUsers: ['All'] },
      apps: { includeApplications: ['00000002-0000-0ff1-ce00-000000000000'] },
      locations: { includeLocations: ['All'], excludeLocations: [trustedId] },
      grant: { operator: 'OR', builtInControls: ['mfa', 'compliantDevice'] },
    },
    {
      name: 'CA010: Require MFA for guests',
      state: 'enabled',
      users: { includeUsers: ['GuestsOrExternalUsers'] },
      apps: { includeApplications: ['All'] },
      grant: { operator: 'OR', builtInControls: ['mfa'] },
      rule: { level: 'mfa', audience: { guests: true }, excludeGroupIds: [], apps: { except: [] } },
    },
    {
      name: 'CA011: Require compliant device on Windows (rollout)',
      state: 'disabled',
      users: { includeGroups: [groups.mfaPilot] },
      apps: { includeApplications: ['All'] },
      platforms: { includePlatforms: ['windows'], excludePlatforms: [] },
      grant: { operator: 'AND', builtInControls: ['compliantDevice'] },
    },
  ];
  if (ctx.licence === 'p2') {
    inputs.push(
      {
        name: 'CA012: Require MFA for high sign-in risk',
        state: 'enabled',
        users: { includeUsers: ['All'] },
        apps: { includeApplications: ['All'] },
        signInRiskLevels: ['high'],
        grant: { operator: 'OR', builtInControls: ['mfa'] },
      },
      {
        name: 'CA013: Require password change for high user risk',
        state: 'enabledForReportingButNotEnforced',
        users: { includeUsers: ['All'] },
        apps: { includeApplications: ['All'] },
        userRiskLevels: ['high'],
        grant: { operator: 'AND', builtInControls: ['mfa', 'passwordChange'] },
      },
    );
  }

  const conditionalAccessPolicies = inputs.map((p) => {
    const id = rng.guid();
    policyIds.set(p.name, id);
    const requiresMfa = p.grant.builtInControls.includes('mfa') || p.grant.authenticationStrength !== undefined;
    if (requiresMfa) for (const app of p.apps.includeApplications) {
      const list = policyIdsByApp.get(app);
      if (list) list.push(id);
      else policyIdsByApp.set(app, [id]);
    }
    const c = isoSeconds(ctx.nowMs - (60 + rng.int(600)) * DAY_MS);
    return {
      id,
      templateId: null,
      displayName: p.name,
      createdDateTime: c,
      modifiedDateTime: isoSeconds(Date.parse(c) + rng.int(50) * DAY_MS),
      state: p.state,
      sessionControls: null,
      conditions: {
        userRiskLevels: p.userRiskLevels ?? [],
        signInRiskLevels: p.signInRiskLevels ?? [],
        clientAppTypes: p.clientAppTypes ?? ['all'],
        servicePrincipalRiskLevels: [],
        platforms: p.platforms ?? null,
        locations: p.locations ?? null,
        devices: null,
        clientApplications: null,
        applications: {
          includeApplications: p.apps.includeApplications,
          excludeApplications: p.apps.excludeApplications ?? [],
          includeUserActions: [],
          includeAuthenticationContextClassReferences: [],
          applicationFilter: null,
        },
        users: {
          includeUsers: p.users.includeUsers ?? [],
          excludeUsers: [...breakGlassIds],
          includeGroups: p.users.includeGroups ?? [],
          excludeGroups: p.users.excludeGroups ?? [],
          includeRoles: p.users.includeRoles ?? [],
          excludeRoles: [],
          includeGuestsOrExternalUsers: null,
          excludeGuestsOrExternalUsers: null,
        },
      },
      grantControls: {
        operator: p.grant.operator,
        builtInControls: p.grant.builtInControls,
        customAuthenticationFactors: [],
        termsOfUse: [],
        authenticationStrength: p.grant.authenticationStrength ? strength(p.grant.authenticationStrength) : null,
      },
    };
  });
  const policyStates = conditionalAccessPolicies.map((p) => ({ id: p.id, name: String(p.displayName), state: String(p.state) }));
  const mfaRules = inputs.filter((p) => p.rule && p.state === 'enabled').map((p) => ({ policy: p.name, excludeUserIds: breakGlassIds, ...p.rule! }));
  const p2 = ctx.licence === 'p2';
  // CA003 blocks legacy clients; CA012 (P2) challenges high sign-in risk; CA013 (P2) handles high user risk, but only report-only.
  const design: CaDesign = { legacyAuthBlocked: true, highSignInRiskHandled: p2, highUserRiskHandled: false, deviceCodeBlocked: false, registerSecurityInfoProtected: false, managedDeviceRequired: false };
  return { conditionalAccessPolicies, namedLocations, authenticationStrengthPolicies: AUTH_STRENGTHS, securityDefaults, policyIdsByApp, policyIds, policyStates, mfaRules, design };
}
