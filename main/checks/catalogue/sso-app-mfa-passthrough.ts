/** Cross-IdP MFA passthrough: SSO apps whose every user gets MFA enforced by conditional access. */
import { defineCheck } from '../define-check.js';
import { passthroughApps } from '../passthrough.js';

export const ssoAppMfaPassthrough = defineCheck({
  id: 'sso-app-mfa-passthrough',
  title: 'MFA passthrough to SSO applications',
  severity: 'High',
  appliesTo: 'servicePrincipal',
  requires: ['users', 'conditionalAccess', 'applications', 'groups', 'roles'],
  references: ['Maester MT.1003', 'CIS M365 v4.0.0 5.2.2.2'],
  controls: ['SOC2:CC6.1', 'SOC2:CC6.6', 'ISO27001-2013:A.9.4.2', 'ISO27001-2022:A.8.5', 'HIPAA:164.312(d)', 'NIST-CSF-1.1:PR.AC-7',
    'NIST-CSF-2.0:PR.AA-03', 'NIST-CSF-2.0:PR.AA-04', 'PCI-DSS-4.0:8.4.2'],
  description:
    'For each enterprise app signing users in through Microsoft SSO (SAML or OIDC): every user who can use it (its assigned '
    + 'users and groups when assignment is required, else every enabled user; emergency-access accounts apart) must get MFA '
    + 'enforced on that app by an enabled policy. Fully covered apps pass, and their own MFA tests pass by passthrough; partly '
    + 'covered ones fail and list who is left out (the MFA passthrough artifact); apps nobody can use are not applicable.',
  remediation: 'Extend the MFA policy to the app and to the groups it leaves out, or require assignment and assign only covered users.',
  evaluate(ctx, emit) {
    for (const app of passthroughApps(ctx)) {
      const entity = { entityType: 'servicePrincipal' as const, entityId: app.servicePrincipalId, entityName: app.displayName };
      const evidence = {
        appId: app.appId, ssoMode: app.ssoMode, assignmentRequired: app.assignmentRequired, coverage: app.coverage,
        usersInScope: app.usersInScope, usersCovered: app.usersCovered, usersLeftOut: app.leftOut.length,
        leftOutExamples: app.leftOut.slice(0, 10).map((p) => p.userPrincipalName).join(', '), enforcingPolicies: app.enforcingPolicies.join(', '),
      };
      if (!app.usersInScope) emit(entity, 'not-applicable', 'No enabled user can sign in to this app', evidence);
      else if (app.coverage === 'full') emit(entity, 'pass', `Fully covered: MFA enforced for all ${app.usersInScope} users by ${app.enforcingPolicies.join(', ')}; the app's MFA requirement passes by passthrough`, evidence);
      else if (app.coverage === 'partial') emit(entity, 'fail', `Partly covered: ${app.leftOut.length} of ${app.usersInScope} users left out (e.g. ${app.leftOut[0].userPrincipalName}: ${app.leftOut[0].why})`, evidence);
      else emit(entity, 'fail', `Not covered: no enabled policy enforces MFA on this app for its ${app.usersInScope} users (${app.leftOut[0].why})`, evidence);
    }
  },
});
