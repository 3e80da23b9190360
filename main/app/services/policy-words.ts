/**
 * Conditional access policies in words: who they cover, which apps, under which conditions, what they
 * require, and who is excluded, with ids turned into the names the snapshot knows.
 */
import type { PolicyInWords } from '../../../shared/ipc-types.js';
import type { ConditionalAccessPolicy } from '../../../shared/ca-types.js';
import type { SnapshotReader } from '../../store/types.js';

/** Names for the ids a policy refers to. */
export interface NameBook {
  user(id: string): string;
  group(id: string): string;
  role(id: string): string;
  app(id: string): string;
  location(id: string): string;
}

const WELL_KNOWN_APPS: Record<string, string> = {
  All: 'all cloud apps',
  None: 'no apps',
  Office365: 'Office 365',
  MicrosoftAdminPortals: 'Microsoft admin portals',
  '00000002-0000-0ff1-ce00-000000000000': 'Office 365 Exchange Online',
  '797f4846-ba00-4fd7-ba43-dac1f8f63013': 'Windows Azure Service Management API',
};

const CONTROL_WORDS: Record<string, string> = {
  mfa: 'multifactor authentication',
  block: 'block access',
  compliantDevice: 'a compliant device',
  domainJoinedDevice: 'a hybrid Entra joined device',
  approvedApplication: 'an approved client app',
  compliantApplication: 'an app protection policy',
  passwordChange: 'a password change',
};

/** Builds a name book from a snapshot (ids it does not know stay as ids). */
export function nameBook(reader: SnapshotReader): NameBook {
  const users = new Map(reader.users().map((u) => [u.id, u.userPrincipalName]));
  const groups = new Map(reader.groups().map((g) => [g.id, g.displayName]));
  const roles = new Map<string, string>();
  for (const r of reader.roleDefinitions()) {
    roles.set(r.id, r.displayName);
    roles.set(r.templateId, r.displayName);
  }
  const apps = new Map(reader.servicePrincipals().map((s) => [s.appId, s.displayName]));
  const locations = new Map(reader.namedLocations().map((l) => [l.id, l.displayName]));
  return {
    user: (id) =>
      id === 'All'
        ? 'all users'
        : id === 'GuestsOrExternalUsers'
          ? 'guests and external users'
          : id === 'None'
            ? 'nobody'
            : (users.get(id) ?? `user ${id}`),
    group: (id) => `group ${groups.get(id) ?? id}`,
    role: (id) => `role ${roles.get(id) ?? id}`,
    app: (id) => WELL_KNOWN_APPS[id] ?? apps.get(id) ?? `app ${id}`,
    location: (id) =>
      id === 'All'
        ? 'any location'
        : id === 'AllTrusted'
          ? 'all trusted locations'
          : (locations.get(id) ?? `location ${id}`),
  };
}

/** One policy in words. */
export function policyInWords(p: ConditionalAccessPolicy, names: NameBook): PolicyInWords {
  const u = p.conditions.users ?? {};
  const a = p.conditions.applications ?? {};
  const who = [
    ...(u.includeUsers ?? []).map(names.user),
    ...(u.includeGroups ?? []).map(names.group),
    ...(u.includeRoles ?? []).map(names.role),
  ];
  if (u.includeGuestsOrExternalUsers) who.push('guests and external users');
  const excluded = [
    ...(u.excludeUsers ?? []).map(names.user),
    ...(u.excludeGroups ?? []).map(names.group),
    ...(u.excludeRoles ?? []).map(names.role),
  ];
  if (u.excludeGuestsOrExternalUsers) excluded.push('guests and external users');
  excluded.push(...(a.excludeApplications ?? []).map((id) => `${names.app(id)} (app)`));
  const apps = [
    ...(a.includeApplications ?? []).map(names.app),
    ...(a.includeUserActions ?? []).map((x) => `user action: ${x}`),
    ...(a.includeAuthenticationContextClassReferences ?? []).map((x) => `authentication context ${x}`),
  ];
  const conditions: string[] = [];
  const c = p.conditions;
  if (c.clientAppTypes?.length && !(c.clientAppTypes.length === 1 && c.clientAppTypes[0] === 'all'))
    conditions.push(`client apps: ${c.clientAppTypes.join(', ')}`);
  if (c.platforms?.includePlatforms?.length)
    conditions.push(
      `platforms: ${c.platforms.includePlatforms.join(', ')}${c.platforms.excludePlatforms?.length ? ` except ${c.platforms.excludePlatforms.join(', ')}` : ''}`,
    );
  if (c.locations?.includeLocations?.length)
    conditions.push(
      `from ${c.locations.includeLocations.map(names.location).join(', ')}${c.locations.excludeLocations?.length ? ` except ${c.locations.excludeLocations.map(names.location).join(', ')}` : ''}`,
    );
  if (c.signInRiskLevels?.length) conditions.push(`sign-in risk: ${c.signInRiskLevels.join(', ')}`);
  if (c.userRiskLevels?.length) conditions.push(`user risk: ${c.userRiskLevels.join(', ')}`);
  if (c.servicePrincipalRiskLevels?.length)
    conditions.push(`workload identity risk: ${c.servicePrincipalRiskLevels.join(', ')}`);
  const g = p.grantControls;
  const requires: string[] = [];
  if (g) {
    const parts = (g.builtInControls ?? []).map((x) => CONTROL_WORDS[x] ?? x);
    if (g.authenticationStrength)
      parts.push(`authentication strength "${g.authenticationStrength.displayName ?? g.authenticationStrength.id}"`);
    if (g.termsOfUse?.length) parts.push('accepting the terms of use');
    if (parts.includes('block access')) requires.push('Blocks access');
    else if (parts.length) requires.push(`Requires ${parts.join(g.operator === 'OR' ? ' or ' : ' and ')}`);
  }
  if (p.sessionControls) requires.push('Applies session controls');
  if (!requires.length) requires.push('No grant control');
  return {
    id: p.id,
    displayName: p.displayName,
    state: p.state,
    who: who.length ? who : ['nobody'],
    excluded,
    apps: apps.length ? apps : ['no apps'],
    conditions,
    requires,
  };
}
