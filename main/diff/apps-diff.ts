/**
 * New and removed applications (app registrations and enterprise applications) and credentials
 * (client secrets and certificates, matched by application and key id).
 */
import type { AppCredentialRow } from '../../shared/snapshot.js';
import type { DiffChange } from './diff-types.js';
import type { SnapshotView } from './snapshot-view.js';

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : 'no date');

/** App registrations and service principals that appeared or disappeared. */
export function diffApplications(oldV: SnapshotView, newV: SnapshotView): DiffChange[] {
  const out: DiffChange[] = [];
  const oldApps = new Set(oldV.applications().map((a) => a.id));
  const newApps = new Set(newV.applications().map((a) => a.id));
  for (const a of newV.applications()) if (!oldApps.has(a.id)) out.push({ section: 'applications', kind: 'added', entityType: 'application',
    entityId: a.id, entityName: a.displayName, description: `new app registration ${a.displayName} (appId ${a.appId}, ${a.signInAudience})`, before: null, after: a.appId });
  for (const a of oldV.applications()) if (!newApps.has(a.id)) out.push({ section: 'applications', kind: 'removed', entityType: 'application',
    entityId: a.id, entityName: a.displayName, description: `app registration ${a.displayName} (appId ${a.appId}) was removed`, before: a.appId, after: null });
  const oldSps = new Set(oldV.servicePrincipals().map((s) => s.id));
  const newSps = new Set(newV.servicePrincipals().map((s) => s.id));
  for (const s of newV.servicePrincipals()) if (!oldSps.has(s.id)) out.push({ section: 'applications', kind: 'added', entityType: 'servicePrincipal',
    entityId: s.id, entityName: s.displayName, description: `new enterprise application ${s.displayName} (appId ${s.appId}${s.preferredSingleSignOnMode ? `, ${s.preferredSingleSignOnMode} SSO` : ''})`, before: null, after: s.appId });
  for (const s of oldV.servicePrincipals()) if (!newSps.has(s.id)) out.push({ section: 'applications', kind: 'removed', entityType: 'servicePrincipal',
    entityId: s.id, entityName: s.displayName, description: `enterprise application ${s.displayName} (appId ${s.appId}) was removed`, before: s.appId, after: null });
  return out;
}

const credKey = (c: AppCredentialRow) => `${c.appObjectId}|${c.keyId}`;
const credWords = (c: AppCredentialRow) => `${c.kind}${c.displayName ? ` "${c.displayName}"` : ''} (key ${c.keyId}, valid ${day(c.startDateTime)} to ${day(c.endDateTime)})`;

/** Secrets and certificates added to or removed from app registrations. */
export function diffCredentials(oldV: SnapshotView, newV: SnapshotView): DiffChange[] {
  const out: DiffChange[] = [];
  const before = new Map(oldV.appCredentials().map((c) => [credKey(c), c]));
  const after = new Map(newV.appCredentials().map((c) => [credKey(c), c]));
  for (const [k, c] of after) if (!before.has(k)) out.push({ section: 'credentials', kind: 'added', entityType: 'credential', entityId: k,
    entityName: `${c.appDisplayName}: ${c.displayName ?? c.keyId}`, description: `new ${credWords(c)} on app ${c.appDisplayName}`, before: null, after: day(c.endDateTime) });
  for (const [k, c] of before) if (!after.has(k)) out.push({ section: 'credentials', kind: 'removed', entityType: 'credential', entityId: k,
    entityName: `${c.appDisplayName}: ${c.displayName ?? c.keyId}`, description: `removed ${credWords(c)} from app ${c.appDisplayName}`, before: day(c.endDateTime), after: null });
  return out;
}
