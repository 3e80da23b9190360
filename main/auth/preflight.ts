/**
 * The preflight table, shown before any collection: for each dataset, the permission and licence it
 * needs, whether the token and tenant have them, whether it will be collected, and the fix (with the
 * exact admin-consent URL for a missing permission). Built from the token's claims and the probes.
 */
import { DATASETS, type DatasetId, type LicenceTier } from '../../shared/datasets.js';
import type { GraphReader } from '../graph/types.js';
import type { TokenClaims } from './claims.js';
import { CLOUDS, graphScopes, type Cloud } from './clouds.js';
import { probeFederatedDomains, probeLicence } from './preflight-probes.js';

export type Collectability = 'yes' | 'no' | 'partial';

export interface PreflightRow {
  dataset: DatasetId;
  title: string;
  /** Least-privileged permission that suffices (the first of the dataset's list). */
  permissionNeeded: string;
  /** The granted permission that satisfies it, or null. */
  grantedVia: string | null;
  licenceNeeded: LicenceTier;
  /** null when the tenant's tier could not be read. */
  licenceOk: boolean | null;
  collect: Collectability;
  /** What to do so it is collected (empty when nothing is needed). */
  fix: string;
  /** Admin-consent URL granting the missing permission, when a permission is what is missing. */
  consentUrl?: string;
}

export interface Preflight {
  tenantId: string;
  authKind: 'delegated' | 'application';
  clientId?: string;
  upn?: string;
  granted: string[];
  licence: LicenceTier | 'unknown';
  federatedDomains?: string[];
  rows: PreflightRow[];
  /** Sentences for the consultant: federated MFA, delegated roles, licence probe failures. */
  notes: string[];
}

export interface PreflightInput {
  claims: TokenClaims;
  licence: LicenceTier | 'unknown';
  federatedDomains?: string[];
  cloud?: Cloud;
}

const TIER_RANK: Record<LicenceTier, number> = { free: 0, p1: 1, p2: 2 };
const TIER_NAME: Record<LicenceTier, string> = { free: 'Free', p1: 'Microsoft Entra ID P1', p2: 'Microsoft Entra ID P2' };

/** A granted permission satisfies a read permission when equal, or its ReadWrite form. */
function satisfies(granted: string, needed: string): boolean {
  return granted.toLowerCase() === needed.toLowerCase() || granted.toLowerCase() === needed.replace('.Read.', '.ReadWrite.').toLowerCase();
}

function findGrant(granted: readonly string[], options: readonly string[]): string | null {
  for (const need of options) {
    const hit = granted.find((g) => satisfies(g, need));
    if (hit) return hit;
  }
  return null;
}

/** v1 admin consent: grants what the app registration lists (app-only permissions). */
export function adminConsentUrl(cloud: Cloud, tenant: string, clientId: string): string {
  return `https://${cloud.loginHost}/${tenant}/adminconsent?client_id=${clientId}`;
}

/** v2 admin consent for specific delegated scopes (the redirect must be one the app registered). */
export function adminConsentUrlV2(cloud: Cloud, tenant: string, clientId: string, permissions: readonly string[]): string {
  const scope = encodeURIComponent(graphScopes(cloud, permissions).join(' '));
  return `https://${cloud.loginHost}/${tenant}/v2.0/adminconsent?client_id=${clientId}&scope=${scope}&redirect_uri=${encodeURIComponent('http://localhost')}`;
}

function licenceFix(id: DatasetId, need: LicenceTier): string {
  if (id === 'signIns' || id === 'signInActivity') {
    return `Needs ${TIER_NAME[need]}: a free tenant keeps sign-ins 7 days in the portal only and does not expose sign-in logs or signInActivity through the API. Recorded as unavailable, not as a failure.`;
  }
  return `Needs ${TIER_NAME[need]} (${id === 'pimEligibility' ? 'Privileged Identity Management' : 'Identity Protection'}). Recorded as unavailable, not as a failure.`;
}

/** Builds the table from what the token and the tenant say. */
export function buildPreflight(input: PreflightInput): Preflight {
  const { claims, licence } = input;
  const cloud = input.cloud ?? CLOUDS.global;
  // Delegated tokens always carry scp; an app-only token has roles (or nothing, when none is granted).
  const authKind = claims.scp && claims.scp.length > 0 ? 'delegated' : 'application';
  const granted = (authKind === 'application' ? claims.roles : claims.scp) ?? [];
  const tenant = claims.tid || 'organizations';
  const clientId = claims.appid;
  const rows: PreflightRow[] = DATASETS.map((d) => {
    const grantedVia = findGrant(granted, d.permissions);
    const licenceOk = licence === 'unknown' ? null : TIER_RANK[licence] >= TIER_RANK[d.licence];
    let collect: Collectability = grantedVia && licenceOk !== false ? 'yes' : 'no';
    const fixes: string[] = [];
    let consentUrl: string | undefined;
    // MFA registration: the bulk report needs P1 + AuditLog.Read.All; per-user methods need only
    // UserAuthenticationMethod.Read.All (slower, and no Microsoft-computed "MFA capable" flags).
    if (d.id === 'mfaRegistration') {
      const bulk = findGrant(granted, ['AuditLog.Read.All']) && licence !== 'free';
      const perUser = findGrant(granted, ['UserAuthenticationMethod.Read.All']);
      collect = bulk ? 'yes' : perUser ? 'partial' : 'no';
      if (collect === 'partial') {
        fixes.push('Per-user registered methods only (no registration-details report): that report needs AuditLog.Read.All and Microsoft Entra ID P1.');
      }
    }
    if (!grantedVia && collect === 'no') {
      consentUrl = clientId
        ? authKind === 'application'
          ? adminConsentUrl(cloud, tenant, clientId)
          : adminConsentUrlV2(cloud, tenant, clientId, [d.permissions[0]])
        : undefined;
      fixes.push(
        authKind === 'application'
          ? `Add the application permission ${d.permissions[0]} (Microsoft Graph) to the app registration, then grant admin consent${consentUrl ? `: ${consentUrl}` : ''}.`
          : `Consent to the delegated permission ${d.permissions[0]}${consentUrl ? ` (admin consent: ${consentUrl})` : ''}, then sign in again.`,
      );
    }
    if (licenceOk === false && collect !== 'partial') {
      collect = 'no';
      fixes.push(licenceFix(d.id, d.licence));
    }
    if (licenceOk === null && d.licence !== 'free' && collect === 'yes') {
      collect = 'partial';
      fixes.push(`The licence tier could not be read; ${TIER_NAME[d.licence]} is needed. Collection will be attempted and Graph's answer recorded.`);
    }
    return {
      dataset: d.id,
      title: d.title,
      permissionNeeded: d.permissions[0],
      grantedVia,
      licenceNeeded: d.licence,
      licenceOk,
      collect,
      fix: fixes.join(' '),
      ...(consentUrl ? { consentUrl } : {}),
    };
  });
  const notes: string[] = [];
  if (input.federatedDomains && input.federatedDomains.length > 0) {
    notes.push(
      `Federated domains (${input.federatedDomains.join(', ')}): their users sign in and do MFA at another identity provider (e.g. AD FS); Entra's MFA registration and sign-in MFA details do not show that MFA. Verify it at that provider.`,
    );
  }
  if (authKind === 'delegated') {
    notes.push(
      'Delegated sign-in: Graph also checks the signed-in user’s directory role. Global Reader reads every dataset; sign-in logs need Reports Reader, Security Reader or Global Reader; alerts and risk data need Security Reader.',
    );
  }
  if (licence === 'unknown') notes.push('The licence tier could not be read from /subscribedSkus (needs Organization.Read.All).');
  const missing = rows.filter((r) => !r.grantedVia).map((r) => r.permissionNeeded);
  if (missing.length > 0 && clientId) {
    notes.push(
      authKind === 'application'
        ? `Admin consent for the app after adding the missing permissions: ${adminConsentUrl(cloud, tenant, clientId)}`
        : `Admin consent for all missing delegated permissions: ${adminConsentUrlV2(cloud, tenant, clientId, [...new Set(missing)])}`,
    );
  }
  return {
    tenantId: claims.tid,
    authKind,
    ...(clientId ? { clientId } : {}),
    ...(claims.upn ? { upn: claims.upn } : {}),
    granted: [...granted].sort(),
    licence,
    ...(input.federatedDomains ? { federatedDomains: input.federatedDomains } : {}),
    rows,
    notes,
  };
}

/** Probes the tenant through the reader, then builds the table. */
export async function runPreflight(reader: GraphReader, claims: TokenClaims, cloud?: Cloud, signal?: AbortSignal): Promise<Preflight> {
  const [licence, federatedDomains] = await Promise.all([probeLicence(reader, signal), probeFederatedDomains(reader, signal)]);
  return buildPreflight({ claims, licence: licence.tier, federatedDomains, cloud });
}

/** The table as plain text for a terminal or a log (no secrets in it). */
export function formatPreflight(p: Preflight): string {
  const head = ['Dataset', 'Permission', 'Granted', 'Licence', 'Licence ok', 'Collect'];
  const body = p.rows.map((r) => [
    r.title,
    r.permissionNeeded,
    r.grantedVia ?? 'no',
    TIER_NAME[r.licenceNeeded],
    r.licenceOk === null ? 'unknown' : r.licenceOk ? 'yes' : 'no',
    r.collect,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  const out = [
    `Tenant ${p.tenantId} · ${p.authKind} sign-in${p.upn ? ` as ${p.upn}` : ''} · licence ${p.licence === 'unknown' ? 'unknown' : TIER_NAME[p.licence]}`,
    line(head),
    ...body.map(line),
  ];
  const fixes = p.rows.filter((r) => r.fix);
  if (fixes.length > 0) out.push('', 'To fix:', ...fixes.map((r) => `- ${r.title}: ${r.fix}`));
  if (p.notes.length > 0) out.push('', ...p.notes.map((n) => `Note: ${n}`));
  return out.join('\n');
}
