/**
 * Fixed facts about applications: Microsoft first-party apps (real appIds), Microsoft Graph
 * application permissions (real appRole ids), and the SaaS apps the demo tenant uses for SSO,
 * each with the MFA coverage the conditional access builder gives it.
 */

/** Microsoft's own tenant id, the owner of first-party apps. */
export const MICROSOFT_TENANT_ID = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/** Microsoft Graph application permissions: value, appRole id, and whether we count it high-privilege. */
export const GRAPH_APP_ROLES = [
  { value: 'Directory.ReadWrite.All', id: '19dbc75e-c2e2-444c-a770-ec69d8559fc7', high: true },
  { value: 'RoleManagement.ReadWrite.Directory', id: '9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8', high: true },
  { value: 'Application.ReadWrite.All', id: '1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9', high: true },
  { value: 'AppRoleAssignment.ReadWrite.All', id: '06b708a9-e830-4db3-a914-8e69da51d44f', high: true },
  { value: 'User.ReadWrite.All', id: '741f803b-c850-494e-b5df-cde7c675a1ca', high: true },
  { value: 'Group.ReadWrite.All', id: '62a82d76-70ea-41e2-9197-370581804d09', high: true },
  { value: 'Mail.ReadWrite', id: 'e2a3a72e-5f79-4c64-b1b1-878b674786c9', high: true },
  { value: 'Directory.Read.All', id: '7ab1d382-f21e-4acd-a863-ba3e13f7da61', high: false },
  { value: 'User.Read.All', id: 'df021288-bdef-4463-88db-98f22de89214', high: false },
  { value: 'Group.Read.All', id: '5b567255-7703-4780-807c-7be8301ae99b', high: false },
  { value: 'AuditLog.Read.All', id: 'b0afded3-3588-46d8-8b3d-9842eff778da', high: false },
  { value: 'Policy.Read.All', id: '246dd0d5-5bd0-4def-940b-0421030a5b68', high: false },
] as const;

export type GraphPermission = (typeof GRAPH_APP_ROLES)[number]['value'];

/** First-party service principals present in every tenant (besides Microsoft Graph). */
export const FIRST_PARTY = [
  { appId: '00000002-0000-0ff1-ce00-000000000000', name: 'Office 365 Exchange Online' },
  { appId: '00000003-0000-0ff1-ce00-000000000000', name: 'Office 365 SharePoint Online' },
  { appId: '797f4846-ba00-4fd7-ba43-dac1f8f63013', name: 'Windows Azure Service Management API' },
  { appId: 'de8bc8b5-d9f9-48b1-a8ad-b748da725064', name: 'Graph Explorer' },
  { appId: '1950a258-227b-4e31-a9cf-717495945fc2', name: 'Microsoft Azure PowerShell' },
  { appId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', name: 'Microsoft Teams' },
] as const;

/** How conditional access covers an SSO app with MFA (realised by conditional-access.ts). */
export type Coverage =
  | 'full' // an enabled MFA policy for all users (break-glass excluded only)
  | 'globalOnly' // only the all-users MFA policy, which excludes the CA exclusion group -> partial
  | 'groupOnly' // excluded from the global policy; an app policy includes one group only -> partial
  | 'reportOnly' // excluded from the global policy; only a report-only policy -> none
  | 'disabledOnly' // excluded from the global policy; only a disabled policy -> none
  | 'none'; // excluded from the global policy and nothing else

export interface SaasApp {
  name: string;
  publisher: string;
  sso: 'saml' | 'oidc';
  coverage: Coverage;
  /** Requires assignment (appRoleAssignmentRequired); false means every user can sign in. */
  assignmentRequired: boolean;
  /** Name of the app access group assigned to it (groups.ts APP_ACCESS_GROUPS), if any. */
  group?: string;
}

export const SAAS_APPS: SaasApp[] = [
  { name: 'GitHub Enterprise Cloud', publisher: 'GitHub', sso: 'saml', coverage: 'full', assignmentRequired: true, group: 'GitHub Enterprise' },
  { name: 'Atlassian Cloud', publisher: 'Atlassian', sso: 'saml', coverage: 'full', assignmentRequired: true, group: 'Atlassian Cloud' },
  { name: 'ServiceNow', publisher: 'ServiceNow', sso: 'saml', coverage: 'full', assignmentRequired: true },
  { name: 'Slack', publisher: 'Slack Technologies', sso: 'saml', coverage: 'globalOnly', assignmentRequired: false },
  { name: 'Workday', publisher: 'Workday', sso: 'saml', coverage: 'globalOnly', assignmentRequired: true },
  { name: 'Salesforce', publisher: 'Salesforce', sso: 'saml', coverage: 'groupOnly', assignmentRequired: true, group: 'Salesforce' },
  { name: 'Zoom', publisher: 'Zoom Video Communications', sso: 'saml', coverage: 'none', assignmentRequired: true, group: 'Zoom' },
  { name: 'Dropbox Business', publisher: 'Dropbox', sso: 'oidc', coverage: 'disabledOnly', assignmentRequired: true },
  { name: 'Miro', publisher: 'Miro', sso: 'oidc', coverage: 'reportOnly', assignmentRequired: false },
  { name: 'DocuSign', publisher: 'DocuSign', sso: 'oidc', coverage: 'full', assignmentRequired: true },
];

/** Line-of-business app registrations and what each is given (credentials, Graph permissions, owners). */
export interface LobApp {
  name: string;
  /** Credential shapes: see apps.ts CREDENTIAL_SHAPES. */
  credentials: ('expiredSecret' | 'expiringSecret' | 'longSecret' | 'halfYearSecret' | 'shortSecret' | 'expiredCert' | 'longCert' | 'expiringCert')[];
  permissions: GraphPermission[];
  owners: number;
}

export const LOB_APPS: LobApp[] = [
  { name: 'HR Portal', credentials: ['shortSecret'], permissions: ['User.Read.All'], owners: 2 },
  { name: 'Payroll Sync', credentials: ['expiredSecret', 'shortSecret'], permissions: ['User.ReadWrite.All'], owners: 1 },
  { name: 'Legacy Intranet', credentials: ['expiredSecret'], permissions: [], owners: 0 },
  { name: 'Provisioning Engine', credentials: ['longSecret'], permissions: ['Directory.ReadWrite.All', 'RoleManagement.ReadWrite.Directory'], owners: 0 },
  { name: 'Backup Connector', credentials: ['expiringSecret'], permissions: ['Mail.ReadWrite', 'Group.Read.All'], owners: 1 },
  { name: 'Reporting Dashboard', credentials: ['halfYearSecret'], permissions: ['AuditLog.Read.All', 'Directory.Read.All'], owners: 1 },
  { name: 'App Deployment Pipeline', credentials: ['longCert'], permissions: ['Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All'], owners: 1 },
  { name: 'Security Scanner', credentials: ['expiringCert', 'longSecret'], permissions: ['Policy.Read.All', 'Directory.Read.All'], owners: 2 },
  { name: 'Old SharePoint Addin', credentials: ['expiredCert'], permissions: [], owners: 0 },
  { name: 'Customer Support Bot', credentials: ['shortSecret'], permissions: [], owners: 1 },
  { name: 'Group Lifecycle Tool', credentials: ['halfYearSecret'], permissions: ['Group.ReadWrite.All'], owners: 0 },
];
