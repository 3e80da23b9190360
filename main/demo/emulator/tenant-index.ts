/**
 * Lookups the routes need over a TenantData: directory objects by id (to answer member and owner
 * lists with their @odata.type), users by id or UPN. Built once per emulator; its size follows the
 * tenant, never the traffic.
 */
import type { GraphObject, TenantData } from '../tenant.js';

/** A directory object with the OData type Graph tags it with in mixed collections. */
export interface TypedObject {
  type: string;
  obj: GraphObject;
}

export class TenantIndex {
  readonly byId = new Map<string, TypedObject>();
  readonly userByUpn = new Map<string, GraphObject>();
  readonly groupById = new Map<string, GraphObject>();
  readonly spById = new Map<string, GraphObject>();

  constructor(readonly tenant: TenantData) {
    const add = (list: GraphObject[], type: string) => {
      for (const obj of list) this.byId.set(obj.id, { type, obj });
    };
    add(tenant.users, '#microsoft.graph.user');
    add(tenant.groups, '#microsoft.graph.group');
    add(tenant.servicePrincipals, '#microsoft.graph.servicePrincipal');
    add(tenant.devices, '#microsoft.graph.device');
    add(tenant.applications, '#microsoft.graph.application');
    for (const u of tenant.users) {
      const upn = u.userPrincipalName;
      if (typeof upn === 'string') this.userByUpn.set(upn.toLowerCase(), u);
    }
    for (const g of tenant.groups) this.groupById.set(g.id, g);
    for (const sp of tenant.servicePrincipals) this.spById.set(sp.id, sp);
  }

  /** A user by object id or userPrincipalName, as /users/{id | userPrincipalName} accepts. */
  user(idOrUpn: string): GraphObject | undefined {
    const hit = this.byId.get(idOrUpn);
    if (hit && hit.type === '#microsoft.graph.user') return hit.obj;
    return this.userByUpn.get(idOrUpn.toLowerCase());
  }

  /** Objects for ids, each tagged with its @odata.type (ids we do not know are skipped, as Graph skips deleted ones). */
  typed(ids: readonly string[]): GraphObject[] {
    const out: GraphObject[] = [];
    for (const id of ids) {
      const hit = this.byId.get(id);
      if (hit) out.push({ '@odata.type': hit.type, ...hit.obj });
    }
    return out;
  }

  /** Every member below a group, nested groups included (each once), as transitiveMembers answers. */
  transitiveMemberIds(groupId: string): string[] {
    const seen = new Set<string>();
    const queue = [groupId];
    while (queue.length) {
      const g = queue.shift() as string;
      for (const m of this.tenant.groupMembers.get(g) ?? []) {
        if (seen.has(m) || m === groupId) continue;
        seen.add(m);
        if (this.groupById.has(m)) queue.push(m);
      }
    }
    return [...seen];
  }
}
