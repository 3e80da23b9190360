/**
 * What checks share while one run evaluates a snapshot: the reader, the settings, coverage
 * answers, and indexes built once on first use (users by id, directory, conditional access,
 * MFA registrations, privileged holders, emergency-access accounts, per-user sign-in tallies).
 */
import { datasetSpec, type DatasetId } from '../../shared/datasets.js';
import type { ConditionalAccessPolicy } from '../../shared/ca-types.js';
import type { AppRoleAssignmentRow, DatasetCoverage, DeviceRow, MfaRegistrationRow, RoleDefinitionRow, UserRow } from '../../shared/snapshot.js';
import type { SnapshotReader } from '../store/types.js';
import { DirectoryIndex } from './conditional-access/directory-index.js';
import { byPolicyName, ConditionalAccessEvaluator } from './conditional-access/evaluate.js';
import { MethodListCache } from './mfa-methods.js';
import { tallySignIns, type SignInTally } from './sign-in-tally.js';
import type { CheckSettings } from './types.js';

/** CISA SCuBA's "highly privileged" roles (MS.AAD section 7), by template id. */
export const HIGHLY_PRIVILEGED_ROLES: ReadonlySet<string> = new Set([
  '62e90394-69f5-4237-9190-012177145e10', // Global Administrator
  'e8611ab8-c189-46e8-94e1-60213ab1f814', // Privileged Role Administrator
  'fe930be7-5e62-47db-91af-98c3a49a38b1', // User Administrator
  'f28a1f50-f6e7-4571-818b-6a12f2af6b6c', // SharePoint Administrator
  '29232cdf-9323-42fd-ade2-1d097af3e4de', // Exchange Administrator
  '8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2', // Hybrid Identity Administrator
  '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3', // Application Administrator
  '158c047a-c907-4556-b7ef-446551a6b5f7', // Cloud Application Administrator
]);

export const GLOBAL_ADMIN_ROLE = '62e90394-69f5-4237-9190-012177145e10';

/** A user's privileged roles, by display name. */
export interface PrivilegedHolding {
  active: string[];
  eligible: string[];
}

function memo<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

export class CheckContext {
  readonly nowMs: number;

  constructor(readonly reader: SnapshotReader, readonly settings: CheckSettings) {
    this.nowMs = Date.parse(settings.now);
  }

  private readonly coverageMap = memo(() => new Map(this.reader.coverage().map((c) => [c.dataset, c])));

  coverageOf(dataset: DatasetId): DatasetCoverage {
    return this.coverageMap().get(dataset) ?? this.reader.coverageOf(dataset);
  }

  complete(dataset: DatasetId): boolean {
    return this.coverageOf(dataset).status === 'complete';
  }

  /** Why the first incomplete dataset among these is missing (coverage table's words), or null when all are complete. */
  missingReason(datasets: readonly DatasetId[]): string | null {
    for (const d of datasets) {
      const c = this.coverageOf(d);
      if (c.status === 'complete') continue;
      const what = `${datasetSpec(d).title} ${c.status === 'partial' ? 'was only partly collected' : c.status === 'unavailable' ? 'is unavailable' : 'was not collected'}`;
      return `${what}${c.code ? ` (${c.code})` : ''}: ${c.reason ?? 'no reason recorded'}`;
    }
    return null;
  }

  /** Users in result order (UPN, then id), so per-user checks emit already sorted results. */
  readonly users = memo((): UserRow[] => this.reader.users().sort((a, b) =>
    a.userPrincipalName < b.userPrincipalName ? -1 : a.userPrincipalName > b.userPrincipalName ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  readonly usersById = memo(() => {
    const out = new Map<string, UserRow>();
    for (const u of this.users()) out.set(u.id, u);
    return out;
  });

  readonly directory = memo(() => new DirectoryIndex({
    users: this.users(),
    usersById: this.usersById(),
    groupMembers: this.complete('groups') ? this.reader.groupMembers() : [],
    roleAssignments: this.reader.roleAssignments(),
    roleDefinitions: this.reader.roleDefinitions(),
  }, this.settings.now));

  readonly policies = memo((): ConditionalAccessPolicy[] => this.reader.conditionalAccessPolicies());

  /** Policies in report order (display name, then id), without building the directory. */
  readonly sortedPolicies = memo((): ConditionalAccessPolicy[] => [...this.policies()].sort(byPolicyName));

  readonly ca = memo(() => new ConditionalAccessEvaluator({
    policies: this.policies(),
    namedLocations: this.reader.namedLocations(),
    authenticationStrengths: this.reader.authenticationStrengthPolicies(),
    securityDefaultsEnabled: this.reader.securityDefaultsEnabled(),
    appNames: new Map(this.reader.servicePrincipals().map((sp) => [sp.appId, sp.displayName])),
  }, this.directory()));

  /**
   * Each user's conditional access signature number (ConditionalAccessEvaluator.signatureOf), by
   * position in users(): checks walking users pass it to a question instead of a lookup per user.
   */
  readonly caSignatures = memo((): Int32Array => {
    const ca = this.ca();
    return Int32Array.from(this.users(), (u) => ca.signatureOf(u.id));
  });

  /** Every enterprise app assignment, read once per run (several checks and the passthrough walk them). */
  readonly appAssignments = memo((): AppRoleAssignmentRow[] => this.reader.appAssignments());

  /** Enterprise app assignments by the assigned principal (user or group) id. */
  readonly appAssignmentsByPrincipal = memo(() => {
    const out = new Map<string, AppRoleAssignmentRow[]>();
    for (const a of this.appAssignments()) {
      const list = out.get(a.principalId);
      if (list) list.push(a);
      else out.set(a.principalId, [a]);
    }
    return out;
  });

  /**
   * Devices, read once per run (two checks walk them), in result order (display name, then id):
   * sorted once here, both checks emit results already in order.
   */
  readonly devices = memo((): DeviceRow[] => [...this.reader.devices()].sort((a, b) =>
    a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  /** Registration method lists, sorted and grouped once per distinct list (see MethodListCache). */
  readonly methodLists = memo(() => new MethodListCache());

  readonly mfaByUser = memo(() => new Map<string, MfaRegistrationRow>(this.reader.mfaRegistrations().map((r) => [r.userId, r])));

  /** Lower-case names of federated domains. */
  readonly federatedDomains = memo(() => new Set(this.reader.domains().filter((d) => d.authenticationType === 'Federated').map((d) => d.id.toLowerCase())));

  readonly roleDefinitions = memo(() => new Map<string, RoleDefinitionRow>(this.reader.roleDefinitions().map((d) => [d.templateId || d.id, d])));

  roleName(templateId: string): string {
    return this.roleDefinitions().get(templateId)?.displayName ?? templateId;
  }

  /** A role Microsoft labels privileged (as collected); SCuBA's highly privileged roles when the definition is missing. */
  isPrivilegedRole(templateId: string): boolean {
    const d = this.roleDefinitions().get(templateId);
    return d ? d.isPrivileged || HIGHLY_PRIVILEGED_ROLES.has(templateId) : HIGHLY_PRIVILEGED_ROLES.has(templateId);
  }

  /** Users holding a privileged role (actively or eligible, directly or via a group), with the role names. */
  readonly privilegedHolders = memo(() => {
    const dir = this.directory();
    const out = new Map<string, PrivilegedHolding>();
    for (const userId of dir.usersWithRoles().sort()) {
      const held = dir.rolesOf(userId);
      const active = [...held.active].filter((r) => this.isPrivilegedRole(r)).map((r) => this.roleName(r)).sort();
      const eligible = [...held.eligible].filter((r) => this.isPrivilegedRole(r) && !held.active.has(r)).map((r) => this.roleName(r)).sort();
      if (active.length || eligible.length) out.set(userId, { active, eligible });
    }
    return out;
  });

  /**
   * Emergency-access ("break glass") accounts as conditional access shows them: enabled users
   * excluded, directly or through a group, from every enabled policy (at least one must exist).
   */
  readonly emergencyAccounts = memo((): ReadonlySet<string> => {
    const enabled = this.policies().filter((p) => p.state === 'enabled');
    if (!enabled.length) return new Set<string>();
    const dir = this.directory();
    let common: Set<string> | undefined;
    for (const p of enabled) {
      const excluded = new Set<string>(p.conditions?.users?.excludeUsers ?? []);
      for (const g of p.conditions?.users?.excludeGroups ?? []) for (const u of dir.usersOfGroup(g)) excluded.add(u);
      const before: Set<string> | undefined = common;
      common = before ? new Set([...before].filter((u) => excluded.has(u))) : excluded;
    }
    const byId = this.usersById();
    return new Set([...(common ?? new Set<string>())].filter((id) => byId.get(id)?.accountEnabled).sort());
  });

  /**
   * Per-user tallies over the collected sign-ins (one pass, shared by the sign-in checks), in
   * result order (UPN, then user id): sorted once here, the four sign-in checks emit in order.
   */
  readonly signIns = memo((): Map<string, SignInTally> => new Map([...tallySignIns(this.reader.signInSummaries())].sort(([ia, a], [ib, b]) =>
    a.userPrincipalName < b.userPrincipalName ? -1 : a.userPrincipalName > b.userPrincipalName ? 1 : ia < ib ? -1 : ia > ib ? 1 : 0)));

  /** True when the user's UPN is in a federated domain (MFA happens at the other IdP). */
  isFederated(u: UserRow): boolean {
    return this.federatedDomains().has(u.domain.toLowerCase());
  }

  daysAgo(iso: string | null): number | null {
    return iso ? Math.floor((this.nowMs - Date.parse(iso)) / 86_400_000) : null;
  }
}
