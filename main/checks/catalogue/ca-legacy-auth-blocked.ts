/** Conditional access blocks legacy authentication (Exchange ActiveSync and other clients) for everyone. */
import type { ConditionalAccessPolicy } from '../../../shared/ca-types.js';
import { defineCheck, tenantEntity } from '../define-check.js';
import { blocks, exclusionsBeyondEmergency, hasExclusions, otherNarrowing, reportPolicyRequirement, targetsAllApps, targetsAllUsers } from '../policy-search.js';

/** Blocks this client type for all users on all apps, ignoring who is excluded. */
function blocksLegacyForAll(p: ConditionalAccessPolicy, clientType: string): boolean {
  const types = p.conditions?.clientAppTypes ?? [];
  return blocks(p) && (types.includes(clientType) || types.includes('all')) && targetsAllUsers(p) && targetsAllApps(p) && otherNarrowing(p).length === 0;
}

export const caLegacyAuthBlocked = defineCheck({
  id: 'ca-legacy-auth-blocked',
  title: 'Legacy authentication blocked',
  severity: 'High',
  appliesTo: 'tenant',
  requires: ['conditionalAccess'],
  optional: ['users', 'groups'],
  references: ['CISA SCuBA MS.AAD.1.1v1', 'CIS M365 v4.0.0 5.2.2.3', 'Maester MT.1009', 'Maester MT.1010'],
  controls: ['SOC2:CC6.1', 'SOC2:CC6.6', 'ISO27001-2013:A.9.4.2', 'ISO27001-2013:A.9.1.2', 'ISO27001-2022:A.8.5',
    'NIST-CSF-1.1:PR.PT-3', 'NIST-CSF-2.0:PR.PS-01', 'PCI-DSS-4.0:8.4.2'],
  description:
    'An enabled policy blocks each legacy client type (Exchange ActiveSync; other clients such as IMAP, POP, SMTP) for All '
    + 'users on All resources, with no exclusion beyond emergency-access accounts and no narrowing condition. Legacy '
    + 'protocols cannot do MFA, so a password alone gets in.',
  remediation: 'Create a policy: All users, All resources, client apps "Exchange ActiveSync clients" and "Other clients", grant Block.',
  evaluate(ctx, emit) {
    // Exclusions are judged against the directory (only emergency-access accounts may be left out).
    const directoryGap = ctx.missingReason(['users', 'groups']);
    const report = (clientType: string, name: string, id: string, what: string) => {
      const enabled = ctx.sortedPolicies().filter((p) => p.state === 'enabled' && blocksLegacyForAll(p, clientType));
      if (directoryGap && enabled.length && enabled.every(hasExclusions)) {
        emit(tenantEntity(name, id), 'not-assessed', `${enabled.map((p) => `"${p.displayName}"`).join(', ')} block it but exclude some accounts, and whether only emergency-access accounts are excluded is unknown: ${directoryGap}`,
          { enabledPolicies: enabled.map((p) => p.displayName).join(', ') });
        return;
      }
      reportPolicyRequirement(ctx, emit, name, id, what,
        (p) => blocksLegacyForAll(p, clientType) && (!hasExclusions(p) || (!directoryGap && exclusionsBeyondEmergency(ctx, p).length === 0)));
    };
    report('exchangeActiveSync', 'Legacy authentication: Exchange ActiveSync', 'legacy-exchangeActiveSync', 'Blocks Exchange ActiveSync clients for all users');
    report('other', 'Legacy authentication: other clients', 'legacy-other', 'Blocks other legacy clients (IMAP, POP, SMTP, ...) for all users');
  },
});
