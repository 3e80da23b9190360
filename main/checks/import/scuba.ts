/**
 * Reads a CISA ScubaGear AAD provider export (PowerShell casing: `Conditions.Users.IncludeUsers`,
 * dates as "/Date(ms)/") into our row types: conditional access policies in Graph's camelCase
 * shape, the highly privileged roles with their assignments, the privileged users it names, and
 * the domain. It lets a tenant already assessed with ScubaGear be evaluated by our checks.
 * The export is a subset of a directory: it lists privileged users only, no groups, no sign-ins.
 */
import type { ConditionalAccessPolicy } from '../../../shared/ca-types.js';
import type { DomainRow, RoleAssignmentRow, RoleDefinitionRow, UserRow } from '../../../shared/snapshot.js';

export interface ScubaImport {
  policies: ConditionalAccessPolicy[];
  roleDefinitions: RoleDefinitionRow[];
  roleAssignments: RoleAssignmentRow[];
  /** The privileged users the export names (no UPN in the export: the display name stands in). */
  users: UserRow[];
  domains: DomainRow[];
}

const DOTNET_DATE = /^\/Date\((-?\d+)\)\/$/;

/** PowerShell-cased JSON to Graph casing: keys start lower-case, "/Date(ms)/" becomes ISO 8601, OData context links go. */
export function toGraphCasing(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toGraphCasing);
  if (typeof value === 'string') {
    const m = DOTNET_DATE.exec(value);
    return m ? new Date(Number(m[1])).toISOString() : value;
  }
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k.includes('@odata.context')) continue;
    out[k.startsWith('@') ? k : k.charAt(0).toLowerCase() + k.slice(1)] = toGraphCasing(v);
  }
  return out;
}

interface ScubaExport {
  conditional_access_policies?: unknown[];
  privileged_roles?: { DisplayName: string; RoleTemplateId: string; Assignments?: Record<string, unknown>[] }[];
  privileged_users?: Record<string, { DisplayName?: string; OnPremisesImmutableId?: string | null }>;
  domain_settings?: Record<string, unknown> | Record<string, unknown>[];
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** Converts the parsed export. Throws when it holds no conditional access policies list. */
export function importScubaExport(json: unknown): ScubaImport {
  const e = json as ScubaExport;
  if (!e || !Array.isArray(e.conditional_access_policies)) throw new Error('not a ScubaGear AAD export: no conditional_access_policies list');
  const policies = e.conditional_access_policies.map((p) => toGraphCasing(p) as ConditionalAccessPolicy);
  for (const p of policies) if (!p.id || !p.conditions || !p.state) throw new Error(`policy ${p.displayName ?? '?'} lacks id, state or conditions`);

  const domainList = Array.isArray(e.domain_settings) ? e.domain_settings : e.domain_settings ? [e.domain_settings] : [];
  const domains: DomainRow[] = domainList.map((d) => ({
    id: String(d.Id), authenticationType: String(d.AuthenticationType ?? 'Managed'), isVerified: d.IsVerified === true, isDefault: d.IsDefault === true,
  }));
  const primary = (domains.find((d) => d.isDefault) ?? domains[0])?.id ?? 'unknown.invalid';

  const roleDefinitions: RoleDefinitionRow[] = (e.privileged_roles ?? []).map((r) => ({
    id: r.RoleTemplateId, templateId: r.RoleTemplateId, displayName: r.DisplayName, isBuiltIn: true, isPrivileged: true,
  }));
  const roleAssignments: RoleAssignmentRow[] = (e.privileged_roles ?? []).flatMap((r) => (r.Assignments ?? []).map((a) => {
    const g = toGraphCasing(a) as Record<string, unknown>;
    return {
      id: String(g.id), principalId: String(g.principalId), roleDefinitionId: String(g.roleDefinitionId ?? r.RoleTemplateId),
      directoryScopeId: str(g.directoryScopeId) ?? '/', kind: 'active' as const, startDateTime: str(g.startDateTime), endDateTime: str(g.endDateTime),
    };
  }));
  const users: UserRow[] = Object.entries(e.privileged_users ?? {}).map(([id, u]) => ({
    id, userPrincipalName: u.DisplayName ?? id, displayName: u.DisplayName ?? id, mail: null, givenName: null, surname: null, department: null,
    jobTitle: null, employeeId: null, userType: 'Member', accountEnabled: true, createdDateTime: null, onPremisesSyncEnabled: !!u.OnPremisesImmutableId,
    passwordPolicies: null, lastPasswordChangeDateTime: null, lastSignInDateTime: null, lastNonInteractiveSignInDateTime: null, domain: primary, managerId: null,
  }));
  return { policies, roleDefinitions, roleAssignments, users, domains };
}
