/**
 * Fixed identifiers conditional access refers to: app suites, built-in authentication strengths,
 * authentication method modes and the roles security defaults protects. Kept in one place so the
 * evaluator's assumptions are visible and testable.
 */

/** Microsoft Graph's resource app id (the same in every tenant). */
export const MICROSOFT_GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
/** "Windows Azure Service Management API": Azure portal, CLI, PowerShell and ARM. */
export const AZURE_MANAGEMENT_APP_ID = '797f4846-ba00-4fd7-ba43-dac1f8f63013';
/** The Azure portal's own client app. */
export const AZURE_PORTAL_APP_ID = 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c';

/**
 * Members of the "Office365" app suite that conditional access expands (the suite's best-known
 * members; an app not listed here is treated as outside the suite, which can only make a verdict
 * stricter, never looser).
 */
export const OFFICE365_APP_IDS: ReadonlySet<string> = new Set([
  '00000002-0000-0ff1-ce00-000000000000', // Office 365 Exchange Online
  '00000003-0000-0ff1-ce00-000000000000', // Office 365 SharePoint Online (and OneDrive)
  '00000004-0000-0ff1-ce00-000000000000', // Skype for Business Online
  '00000005-0000-0ff1-ce00-000000000000', // Yammer / Viva Engage
  '00000006-0000-0ff1-ce00-000000000000', // Microsoft Office 365 Portal
  '4765445b-32c6-49b0-83e6-1d93765276ca', // OfficeHome
  'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe', // Microsoft Teams Services
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264', // Microsoft Teams
  '09abbdfd-ed23-44ee-a2d9-a627aa1c90f3', // Microsoft Planner
  'c9a559d2-7aab-4f13-a6ed-e7e9c52aec87', // Microsoft Forms
  '905fcf26-4eb7-48a0-9ff0-8dcc7194b5ba', // Sway
  'c830ddb0-63e6-4f22-bd71-2ad47198a23e', // Microsoft To-Do
  '94c63fef-13a3-47bc-8074-75af8c65887a', // Office Delve
  '66a88757-258c-4c72-893c-3e8bed4d6899', // Office 365 Search Service
]);

/** Members of the "MicrosoftAdminPortals" target we recognise. */
export const ADMIN_PORTAL_APP_IDS: ReadonlySet<string> = new Set([AZURE_PORTAL_APP_ID, AZURE_MANAGEMENT_APP_ID]);

/** Built-in authentication strengths and their allowed combinations (Graph's authenticationStrengthPolicies). */
export const BUILT_IN_STRENGTHS: Readonly<Record<string, { displayName: string; allowedCombinations: string[] }>> = {
  '00000000-0000-0000-0000-000000000002': {
    displayName: 'Multifactor authentication',
    allowedCombinations: [
      'windowsHelloForBusiness', 'fido2', 'x509CertificateMultiFactor', 'deviceBasedPush',
      'temporaryAccessPassOneTime', 'temporaryAccessPassMultiUse', 'password,microsoftAuthenticatorPush',
      'password,softwareOath', 'password,hardwareOath', 'password,sms', 'password,voice', 'federatedMultiFactor',
      'microsoftAuthenticatorPush,federatedSingleFactor', 'softwareOath,federatedSingleFactor',
      'hardwareOath,federatedSingleFactor', 'sms,federatedSingleFactor', 'voice,federatedSingleFactor',
    ],
  },
  '00000000-0000-0000-0000-000000000003': {
    displayName: 'Passwordless MFA',
    allowedCombinations: ['windowsHelloForBusiness', 'fido2', 'x509CertificateMultiFactor', 'deviceBasedPush'],
  },
  '00000000-0000-0000-0000-000000000004': {
    displayName: 'Phishing-resistant MFA',
    allowedCombinations: ['windowsHelloForBusiness', 'fido2', 'x509CertificateMultiFactor'],
  },
};

/** Authentication method modes that are multifactor on their own (one gesture, two factors). */
const MULTIFACTOR_MODES: ReadonlySet<string> = new Set([
  'windowsHelloForBusiness', 'fido2', 'x509CertificateMultiFactor', 'deviceBasedPush',
  'temporaryAccessPassOneTime', 'temporaryAccessPassMultiUse', 'federatedMultiFactor',
]);

/** Modes that resist phishing (bound to the origin or to a device key). */
const PHISHING_RESISTANT_MODES: ReadonlySet<string> = new Set(['windowsHelloForBusiness', 'fido2', 'x509CertificateMultiFactor']);

/** How strong one allowed combination ("password,sms", "fido2") is. */
export function combinationLevel(combination: string): 'none' | 'mfa' | 'phishing-resistant' {
  const modes = combination.split(',').map((m) => m.trim()).filter(Boolean);
  if (modes.length === 1 && PHISHING_RESISTANT_MODES.has(modes[0])) return 'phishing-resistant';
  if (modes.length === 1) return MULTIFACTOR_MODES.has(modes[0]) ? 'mfa' : 'none';
  return new Set(modes).size >= 2 ? 'mfa' : 'none';
}

/**
 * Roles security defaults always requires MFA for (Microsoft's list: Global, Application,
 * Authentication, Billing, Cloud Application, Conditional Access, Exchange, Helpdesk, Password,
 * Privileged Authentication, Privileged Role, Security, SharePoint and User Administrator).
 */
export const SECURITY_DEFAULTS_ADMIN_ROLES: ReadonlySet<string> = new Set([
  '62e90394-69f5-4237-9190-012177145e10', // Global Administrator
  '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3', // Application Administrator
  'c4e39bd9-1100-46d3-8c65-fb160da0071f', // Authentication Administrator
  'b0f54661-2d74-4c50-afa3-1ec803f12efe', // Billing Administrator
  '158c047a-c907-4556-b7ef-446551a6b5f7', // Cloud Application Administrator
  'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9', // Conditional Access Administrator
  '29232cdf-9323-42fd-ade2-1d097af3e4de', // Exchange Administrator
  '729827e3-9c14-49f7-bb1b-9608f156bbb8', // Helpdesk Administrator
  '966707d0-3269-4727-9be2-8c3a10f19b9d', // Password Administrator
  '7be44c8a-adaf-4e2a-84d6-ab2649e08a13', // Privileged Authentication Administrator
  'e8611ab8-c189-46e8-94e1-60213ab1f814', // Privileged Role Administrator
  '194ae4cb-b126-40b2-bd5b-6091b380977d', // Security Administrator
  'f28a1f50-f6e7-4571-818b-6a12f2af6b6c', // SharePoint Administrator
  'fe930be7-5e62-47db-91af-98c3a49a38b1', // User Administrator
]);

/** Client app types of modern authentication (the ones that can perform MFA). */
export const MODERN_CLIENT_APP_TYPES = ['browser', 'mobileAppsAndDesktopClients'] as const;
/** Legacy authentication client app types (no MFA possible). */
export const LEGACY_CLIENT_APP_TYPES = ['exchangeActiveSync', 'other'] as const;
export type ClientAppType = (typeof MODERN_CLIENT_APP_TYPES)[number] | (typeof LEGACY_CLIENT_APP_TYPES)[number];
