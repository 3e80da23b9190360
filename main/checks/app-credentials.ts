/** App registration credentials as check entities: one per secret or certificate. */
import type { AppCredentialRow } from '../../shared/snapshot.js';
import type { Entity } from './define-check.js';

export function credentialEntity(c: AppCredentialRow): Entity {
  return { entityType: 'application', entityId: `${c.appObjectId}:${c.keyId}`, entityName: `${c.appDisplayName}: ${c.kind}${c.displayName ? ` "${c.displayName}"` : ''} (${c.keyId.slice(0, 8)})` };
}

export function credentialEvidence(c: AppCredentialRow) {
  return { appId: c.appId, keyId: c.keyId, kind: c.kind, startDateTime: c.startDateTime, endDateTime: c.endDateTime };
}

/** Lifetime in whole days (end - start), or null when a date is missing. */
export function lifetimeDays(c: AppCredentialRow): number | null {
  if (!c.startDateTime || !c.endDateTime) return null;
  return Math.floor((Date.parse(c.endDateTime) - Date.parse(c.startDateTime)) / 86_400_000);
}
