/** Organization, domains (managed default + initial + federated) and subscribed SKUs by licence tier. */
import { DAY_MS, isoSeconds } from './dates.js';
import type { GenContext } from './context.js';
import type { GraphObject } from '../tenant.js';

interface PlanRef { servicePlanId: string; servicePlanName: string; appliesTo: string; provisioningStatus: string }
const plan = (servicePlanId: string, servicePlanName: string): PlanRef => ({ servicePlanId, servicePlanName, appliesTo: 'User', provisioningStatus: 'Success' });

const O365_E3 = {
  skuId: '6fd2c87f-b296-42f0-b197-1e91e994b900',
  skuPartNumber: 'ENTERPRISEPACK',
  servicePlans: [
    plan('efb87545-963c-4e0d-99df-69c6916d9eb0', 'EXCHANGE_S_ENTERPRISE'),
    plan('5dbe027f-2339-4123-9542-606e4d348a72', 'SHAREPOINTENTERPRISE'),
    plan('43de0ff5-c92c-492b-9116-175376d08c38', 'OFFICESUBSCRIPTION'),
    plan('57ff2da0-773e-42df-b2af-ffb7a2317929', 'TEAMS1'),
  ],
};
const AAD_P1 = {
  skuId: '078d2b04-f1bd-4111-bbd4-b4b1b354cef4',
  skuPartNumber: 'AAD_PREMIUM',
  servicePlans: [plan('41781fb2-bc02-4b7c-bd55-b576c07bb09d', 'AAD_PREMIUM'), plan('8a256a2b-b617-496d-b51b-e76466e88db0', 'MFA_PREMIUM')],
};
const AAD_P2 = {
  skuId: '84a661c4-e949-4bd2-a560-ed7766fcaf2b',
  skuPartNumber: 'AAD_PREMIUM_P2',
  servicePlans: [
    plan('41781fb2-bc02-4b7c-bd55-b576c07bb09d', 'AAD_PREMIUM'),
    plan('eec0eb4f-6444-4f95-aba0-50c24d67f5bc', 'AAD_PREMIUM_P2'),
    plan('8a256a2b-b617-496d-b51b-e76466e88db0', 'MFA_PREMIUM'),
  ],
};

/** The SKUs a tenant of this tier subscribes to (free: Office 365 only). */
export function buildSkus(ctx: GenContext): GraphObject[] {
  const seats = Math.ceil(ctx.plans.length * 1.1);
  const skus = [O365_E3, ...(ctx.licence === 'p1' ? [AAD_P1] : ctx.licence === 'p2' ? [AAD_P2] : [])];
  return skus.map((s) => ({
    id: `${ctx.tenantId}_${s.skuId}`,
    accountId: ctx.tenantId,
    accountName: ctx.tenantName,
    appliesTo: 'User',
    capabilityStatus: 'Enabled',
    consumedUnits: ctx.plans.length,
    skuId: s.skuId,
    skuPartNumber: s.skuPartNumber,
    subscriptionIds: [`${s.skuId.slice(0, 8)}-0000-4000-8000-${ctx.tenantId.slice(-12)}`],
    prepaidUnits: { enabled: seats, lockedOut: 0, suspended: 0, warning: 0 },
    servicePlans: s.servicePlans,
  }));
}

/** Domains: the initial onmicrosoft domain, the managed default domain and a federated one. */
export function buildDomains(ctx: GenContext): GraphObject[] {
  const dom = (id: string, authenticationType: 'Managed' | 'Federated', isDefault: boolean, isInitial: boolean): GraphObject => ({
    id,
    authenticationType,
    availabilityStatus: null,
    isAdminManaged: true,
    isDefault,
    isInitial,
    isRoot: true,
    isVerified: true,
    passwordNotificationWindowInDays: 14,
    passwordValidityPeriodInDays: 2147483647,
    supportedServices: isInitial ? ['Email', 'OfficeCommunicationsOnline'] : ['Email', 'OfficeCommunicationsOnline', 'Intune'],
    state: null,
  });
  return [
    dom(ctx.initialDomain, 'Managed', false, true),
    dom(ctx.domain, 'Managed', true, false),
    dom(ctx.federatedDomain, 'Federated', false, false),
  ];
}

/** The organization object (one per tenant). */
export function buildOrganization(ctx: GenContext): GraphObject[] {
  const synced = ctx.plans.some((p) => p.synced);
  const vd = (name: string, isDefault: boolean, isInitial: boolean, type: string) => ({ capabilities: 'Email, OfficeCommunicationsOnline', isDefault, isInitial, name, type });
  return [
    {
      id: ctx.tenantId,
      deletedDateTime: null,
      businessPhones: ['+1 425 555 0100'],
      city: 'Seattle',
      country: null,
      countryLetterCode: 'US',
      createdDateTime: isoSeconds(ctx.nowMs - 2400 * DAY_MS),
      defaultUsageLocation: 'US',
      displayName: ctx.tenantName,
      marketingNotificationEmails: [],
      onPremisesLastSyncDateTime: synced ? isoSeconds(ctx.nowMs - 25 * 60_000) : null,
      onPremisesSyncEnabled: synced ? true : null,
      postalCode: '98101',
      preferredLanguage: 'en',
      securityComplianceNotificationMails: [],
      securityComplianceNotificationPhones: [],
      state: 'WA',
      street: '1 Demo Way',
      technicalNotificationMails: [`it@${ctx.domain}`],
      tenantType: 'AAD',
      assignedPlans: buildSkus(ctx).flatMap((s) =>
        (s.servicePlans as PlanRef[]).map((p) => ({ assignedDateTime: isoSeconds(ctx.nowMs - 700 * DAY_MS), capabilityStatus: 'Enabled', service: p.servicePlanName, servicePlanId: p.servicePlanId })),
      ),
      provisionedPlans: [],
      privacyProfile: null,
      verifiedDomains: [
        vd(ctx.initialDomain, false, true, 'Managed'),
        vd(ctx.domain, true, false, 'Managed'),
        vd(ctx.federatedDomain, false, false, 'Federated'),
      ],
    },
  ];
}
