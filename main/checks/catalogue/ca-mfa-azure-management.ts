/** Conditional access requires MFA for Azure management (portal, CLI, PowerShell, ARM). */
import { AZURE_MANAGEMENT_APP_ID } from '../conditional-access/well-known.js';
import { defineCheck, tenantEntity } from '../define-check.js';

export const caMfaAzureManagement = defineCheck({
  id: 'ca-mfa-azure-management',
  title: 'MFA enforced for Azure management',
  severity: 'High',
  appliesTo: 'tenant',
  requires: ['users', 'conditionalAccess', 'groups', 'roles'],
  references: ['Maester MT.1008'],
  controls: ['SOC2:CC6.1', 'ISO27001-2013:A.9.4.2', 'ISO27001-2022:A.8.5', 'NIST-CSF-1.1:PR.AC-7', 'PCI-DSS-4.0:8.4.1'],
  description:
    'Every enabled member (emergency-access accounts apart) must be required to use MFA when signing in to "Windows Azure '
    + 'Service Management API" (Azure portal, Azure CLI, Azure PowerShell, Resource Manager).',
  remediation: 'Add a policy for All users on "Windows Azure Service Management API" (or All resources) requiring MFA.',
  evaluate(ctx, emit) {
    const answer = ctx.ca().question({ appId: AZURE_MANAGEMENT_APP_ID });
    const emergency = ctx.emergencyAccounts();
    const uncovered: string[] = [];
    let population = 0;
    const users = ctx.users();
    const signatures = ctx.caSignatures();
    for (let i = 0; i < users.length; i++) {
      const u = users[i];
      if (!u.accountEnabled || u.userType === 'Guest' || emergency.has(u.id)) continue;
      population++;
      if (answer(u.id, signatures[i]).verdict !== 'enforced') uncovered.push(u.userPrincipalName);
    }
    const entity = tenantEntity('Windows Azure Service Management API', AZURE_MANAGEMENT_APP_ID);
    const evidence = { membersEvaluated: population, membersNotCovered: uncovered.length, examples: uncovered.sort().slice(0, 20).join(', ') };
    if (!population) emit(entity, 'not-applicable', 'No enabled member accounts', evidence);
    else if (!uncovered.length) emit(entity, 'pass', `MFA enforced for all ${population} enabled members on Azure management`, evidence);
    else emit(entity, 'fail', `${uncovered.length} of ${population} enabled members can reach Azure management without enforced MFA`, evidence);
  },
});
