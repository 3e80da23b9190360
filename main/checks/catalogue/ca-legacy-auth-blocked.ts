/** Conditional access blocks legacy authentication (Exchange ActiveSync and other clients) for everyone. */
import type { ConditionalAccessPolicy } from '../../../shared/ca-types.js';
import { defineCheck } from '../define-check.js';
import { blocks, exclusionsBeyondEmergency, otherNarrowing, reportPolicyRequirement, targetsAllApps, targetsAllUsers } from '../policy-search.js';
import type { CheckContext } from '../context.js';

function blocksLegacy(ctx: CheckContext, clientType: string) {
  return (p: ConditionalAccessPolicy): boolean => {
    const types = p.conditions?.clientAppTypes ?? [];
    return blocks(p) && (types.includes(clientType) || types.includes('all')) && targetsAllUsers(p) && targetsAllApps(p)
      && otherNarrowing(p).length === 0 && exclusionsBeyondEmergency(ctx, p).length === 0;
  };
}

export const caLegacyAuthBlocked = defineCheck({
  id: 'ca-legacy-auth-blocked',
  title: 'Legacy authentication blocked',
  severity: 'High',
  appliesTo: 'tenant',
  requires: ['conditionalAccess', 'users', 'groups'],
  references: ['CISA SCuBA MS.AAD.1.1v1', 'CIS M365 v4.0.0 5.2.2.3', 'Maester MT.1009', 'Maester MT.1010'],
  controls: ['SOC2:CC6.1', 'SOC2:CC6.6', 'ISO27001-2013:A.9.4.2', 'ISO27001-2013:A.9.1.2', 'ISO27001-2022:A.8.5',
    'NIST-CSF-1.1:PR.PT-3', 'NIST-CSF-2.0:PR.PS-01', 'PCI-DSS-4.0:8.4.2'],
  description:
    'An enabled policy blocks each legacy client type (Exchange ActiveSync; other clients such as IMAP, POP, SMTP) for All '
    + 'users on All resources, with no exclusion beyond emergency-access accounts and no narrowing condition. Legacy '
    + 'protocols cannot do MFA, so a password alone gets in.',
  remediation: 'Create a policy: All users, All resources, client apps "Exchange ActiveSync clients" and "Other clients", grant Block.',
  evaluate(ctx, emit) {
    reportPolicyRequirement(ctx, emit, 'Legacy authentication: Exchange ActiveSync', 'legacy-exchangeActiveSync',
      'Blocks Exchange ActiveSync clients for all users', blocksLegacy(ctx, 'exchangeActiveSync'));
    reportPolicyRequirement(ctx, emit, 'Legacy authentication: other clients', 'legacy-other',
      'Blocks other legacy clients (IMAP, POP, SMTP, ...) for all users', blocksLegacy(ctx, 'other'));
  },
});
