/**
 * The subset of Graph v1.0 conditional access shapes we read (conditionalAccessPolicy,
 * namedLocation, authenticationStrengthPolicy). Field names are Graph's, unchanged.
 */
export interface ConditionalAccessPolicy {
  id: string;
  displayName: string;
  state: 'enabled' | 'disabled' | 'enabledForReportingButNotEnforced';
  createdDateTime?: string | null;
  modifiedDateTime?: string | null;
  conditions: {
    users?: {
      includeUsers?: string[];
      excludeUsers?: string[];
      includeGroups?: string[];
      excludeGroups?: string[];
      includeRoles?: string[];
      excludeRoles?: string[];
      includeGuestsOrExternalUsers?: unknown | null;
      excludeGuestsOrExternalUsers?: unknown | null;
    } | null;
    applications?: {
      includeApplications?: string[];
      excludeApplications?: string[];
      includeUserActions?: string[];
      includeAuthenticationContextClassReferences?: string[];
    } | null;
    clientAppTypes?: string[];
    platforms?: { includePlatforms?: string[]; excludePlatforms?: string[] } | null;
    locations?: { includeLocations?: string[]; excludeLocations?: string[] } | null;
    signInRiskLevels?: string[];
    userRiskLevels?: string[];
    servicePrincipalRiskLevels?: string[];
    devices?: unknown | null;
    clientApplications?: unknown | null;
  };
  grantControls?: {
    operator?: 'AND' | 'OR' | string;
    builtInControls?: string[];
    customAuthenticationFactors?: string[];
    termsOfUse?: string[];
    authenticationStrength?: { id: string; displayName?: string; allowedCombinations?: string[] } | null;
  } | null;
  sessionControls?: unknown | null;
}

export interface NamedLocation {
  id: string;
  displayName: string;
  '@odata.type': string;
  isTrusted?: boolean;
  ipRanges?: { '@odata.type'?: string; cidrAddress: string }[];
  countriesAndRegions?: string[];
}

export interface AuthenticationStrengthPolicy {
  id: string;
  displayName: string;
  policyType: 'builtIn' | 'custom' | string;
  allowedCombinations: string[];
}
