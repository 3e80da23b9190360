/**
 * Enterprise applications: service principals; per service principal, who is assigned to it
 * (appRoleAssignedTo) and which app permissions it holds (appRoleAssignments), through $batch; then
 * app registrations with their credentials' validity (never secret values) and owners.
 */
import type {
  AppCredentialRow,
  AppRoleAssignmentRow,
  ApplicationRow,
  ServicePrincipalRow,
} from '../../../shared/snapshot.js';
import type { GraphObject } from '../../graph/types.js';
import { pageSizeFor } from '../../graph/page-sizes.js';
import { collectList, oneTable } from '../collect-list.js';
import { collectPerEntity, perEntityPosition } from '../collect-per-entity.js';
import { expandedIds, obj, str, strings } from '../map-values.js';
import { COMPLETE, type Collector } from '../types.js';

const SP_SELECT =
  'id,appId,displayName,accountEnabled,servicePrincipalType,preferredSingleSignOnMode,appRoleAssignmentRequired,appOwnerOrganizationId,tags';
const ASSIGNMENT_SELECT =
  'id,resourceId,resourceDisplayName,principalId,principalType,principalDisplayName,appRoleId,createdDateTime';
const APP_SELECT = 'id,appId,displayName,signInAudience,createdDateTime,passwordCredentials,keyCredentials';
const SPS_PER_COMMIT = 50;

function toSpRow(o: GraphObject): ServicePrincipalRow {
  return {
    id: o.id,
    appId: str(o.appId) ?? '',
    displayName: str(o.displayName) ?? '',
    accountEnabled: o.accountEnabled !== false,
    servicePrincipalType: str(o.servicePrincipalType) ?? 'Application',
    preferredSingleSignOnMode: str(o.preferredSingleSignOnMode),
    appRoleAssignmentRequired: o.appRoleAssignmentRequired === true,
    appOwnerOrganizationId: str(o.appOwnerOrganizationId),
    tags: strings(o.tags),
  };
}

function toAssignmentRow(o: GraphObject): AppRoleAssignmentRow {
  const type = str(o.principalType);
  return {
    id: o.id,
    resourceId: str(o.resourceId) ?? '',
    resourceDisplayName: str(o.resourceDisplayName) ?? '',
    principalId: str(o.principalId) ?? '',
    principalType: type === 'Group' || type === 'ServicePrincipal' ? type : 'User',
    principalDisplayName: str(o.principalDisplayName) ?? '',
    appRoleId: str(o.appRoleId) ?? '',
    createdDateTime: str(o.createdDateTime),
  };
}

/** Credential validity rows of one app registration (secrets and certificates). */
export function credentialRows(app: GraphObject): { row: AppCredentialRow; raw: unknown }[] {
  const base = { appObjectId: app.id, appId: str(app.appId) ?? '', appDisplayName: str(app.displayName) ?? '' };
  const creds = (list: unknown, kind: AppCredentialRow['kind']) =>
    (Array.isArray(list) ? list.map(obj) : []).map((c) => ({
      row: {
        ...base,
        keyId: str(c.keyId) ?? '',
        kind,
        displayName: str(c.displayName),
        startDateTime: str(c.startDateTime),
        endDateTime: str(c.endDateTime),
      },
      raw: c,
    }));
  return [...creds(app.passwordCredentials, 'secret'), ...creds(app.keyCredentials, 'certificate')];
}

function toAppRow(o: GraphObject): ApplicationRow {
  return {
    id: o.id,
    appId: str(o.appId) ?? '',
    displayName: str(o.displayName) ?? '',
    signInAudience: str(o.signInAudience) ?? '',
    createdDateTime: str(o.createdDateTime),
    ownerIds: expandedIds(o.owners),
  };
}

export const applicationsCollector: Collector = {
  dataset: 'applications',
  rows: (w) => w.countRows('service_principals'),
  async run(ctx) {
    await collectList(ctx, {
      slice: 'servicePrincipals',
      path: '/servicePrincipals',
      bucket: 'identity',
      query: { $select: SP_SELECT },
      toRecords: oneTable('service_principals', toSpRow),
      onPage: (n) => ctx.advance(n),
    });
    const position = perEntityPosition(ctx, 'assignments');
    if (position !== undefined) {
      const top = pageSizeFor('/servicePrincipals/x/appRoleAssignedTo') ?? 999;
      await collectPerEntity(ctx, {
        slice: 'assignments',
        ids: ctx.writer.ids('service_principals', 'id', position),
        bucket: 'identity',
        chunk: SPS_PER_COMMIT,
        requests: (id) => [
          {
            id: `${id}|to`,
            url: `/servicePrincipals/${id}/appRoleAssignedTo?$select=${ASSIGNMENT_SELECT}&$top=${top}`,
          },
          {
            id: `${id}|held`,
            url: `/servicePrincipals/${id}/appRoleAssignments?$select=${ASSIGNMENT_SELECT}&$top=${top}`,
          },
        ],
        toRecords: (results) => {
          const pick = (suffix: string) =>
            [...results]
              .filter(([k]) => k.endsWith(suffix))
              .flatMap(([, list]) => list.map((o) => ({ row: toAssignmentRow(o), raw: o })));
          return { app_assignments: pick('|to'), app_permission_grants: pick('|held') };
        },
      });
    }
    await collectList(ctx, {
      slice: 'applications',
      path: '/applications',
      bucket: 'identity',
      query: { $select: APP_SELECT, $expand: 'owners($select=id)' },
      toRecords: (items) => ({
        ...oneTable('applications', toAppRow)(items),
        app_credentials: items.flatMap(credentialRows),
      }),
    });
    return COMPLETE;
  },
};
