/**
 * Turns object ids into names a person reads ("group Break Glass" rather than a GUID), looking in both
 * snapshots so an object removed since the old one still has its name.
 */
import type { SnapshotView } from './snapshot-view.js';

/** CA policies' special values, in words. */
const SPECIAL: Record<string, string> = {
  All: 'all', None: 'none', GuestsOrExternalUsers: 'guests and external users', Office365: 'Office 365',
  MicrosoftAdminPortals: 'Microsoft admin portals', AllTrusted: 'all trusted locations',
};

/** A principal's kind (as an entity type and in words) and name. */
export interface Principal {
  type: 'user' | 'group' | 'servicePrincipal' | 'principal';
  words: string;
  name: string;
}

/** Id → name lookups over one or more snapshots (later views win). */
export class Names {
  private readonly users = new Map<string, string>();
  private readonly groups = new Map<string, string>();
  private readonly roles = new Map<string, string>();
  private readonly apps = new Map<string, string>();
  private readonly sps = new Map<string, string>();
  private readonly locations = new Map<string, string>();

  constructor(views: readonly SnapshotView[]) {
    for (const v of views) {
      for (const u of v.users()) this.users.set(u.id, u.userPrincipalName);
      for (const g of v.groups()) this.groups.set(g.id, g.displayName);
      for (const r of v.roleDefinitions()) {
        this.roles.set(r.id, r.displayName);
        this.roles.set(r.templateId, r.displayName);
      }
      for (const sp of v.servicePrincipals()) {
        this.apps.set(sp.appId, sp.displayName);
        this.sps.set(sp.id, sp.displayName);
      }
      for (const a of v.applications()) this.apps.set(a.appId, a.displayName);
      for (const l of v.namedLocations()) this.locations.set(l.id, l.displayName);
    }
  }

  user(id: string): string {
    return SPECIAL[id] ?? this.users.get(id) ?? id;
  }
  group(id: string): string {
    return this.groups.get(id) ?? id;
  }
  role(id: string): string {
    return SPECIAL[id] ?? this.roles.get(id) ?? id;
  }
  /** An application by appId (CA policies and sign-ins name apps by appId). */
  app(appId: string): string {
    return SPECIAL[appId] ?? this.apps.get(appId) ?? appId;
  }
  location(id: string): string {
    return SPECIAL[id] ?? this.locations.get(id) ?? id;
  }
  /** A principal of unknown type: user, group or service principal. */
  principal(id: string): Principal {
    if (this.users.has(id)) return { type: 'user', words: 'user', name: this.users.get(id)! };
    if (this.groups.has(id)) return { type: 'group', words: 'group', name: this.groups.get(id)! };
    if (this.sps.has(id)) return { type: 'servicePrincipal', words: 'service principal', name: this.sps.get(id)! };
    return { type: 'principal', words: 'principal', name: id };
  }
}
