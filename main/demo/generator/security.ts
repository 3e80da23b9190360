/**
 * Identity protection and security alerts: risky users (some at risk and unremediated, some
 * remediated or dismissed), their risk detections, and alerts_v2 alerts with user evidence.
 */
import { DAY_MS, isoSeconds } from './dates.js';
import { UNUSUAL_LOCATIONS } from './names.js';
import { Rng } from './prng.js';
import type { GenContext, UserPlan } from './context.js';
import type { GraphObject } from '../tenant.js';

export type RiskOutcome = 'atRisk' | 'remediated' | 'dismissed' | 'confirmedCompromised';

/** One risky-user decision, kept for the ground truth. */
export interface RiskFact {
  userId: string;
  riskState: RiskOutcome;
  riskLevel: 'low' | 'medium' | 'high' | 'none';
}

/** One alert decision, kept for the ground truth: whose it is, its status and severity. */
export interface AlertFact {
  userId: string;
  status: 'new' | 'inProgress' | 'resolved';
  severity: 'low' | 'medium' | 'high' | 'informational';
}

const DETAIL: Record<RiskOutcome, string> = {
  atRisk: 'none',
  remediated: 'userPerformedSecuredPasswordReset',
  dismissed: 'adminDismissedAllRiskForUser',
  confirmedCompromised: 'adminConfirmedUserCompromised',
};
const EVENT_TYPES = ['unfamiliarFeatures', 'anonymizedIPAddress', 'leakedCredentials', 'unlikelyTravel', 'passwordSpray'];
const ALERTS = [
  { title: 'Impossible travel activity', category: 'InitialAccess', serviceSource: 'microsoftDefenderForCloudApps', detectionSource: 'cloudAppSecurity', mitre: ['T1078'] },
  { title: 'Suspicious inbox forwarding rule', category: 'Exfiltration', serviceSource: 'microsoftDefenderForOffice365', detectionSource: 'microsoftDefenderForOffice365', mitre: ['T1114.003'] },
  { title: 'Password spray', category: 'CredentialAccess', serviceSource: 'azureAdIdentityProtection', detectionSource: 'azureAdIdentityProtection', mitre: ['T1110.003'] },
  { title: 'Anonymous IP address', category: 'InitialAccess', serviceSource: 'azureAdIdentityProtection', detectionSource: 'azureAdIdentityProtection', mitre: ['T1090'] },
  { title: 'Mass download by a single user', category: 'Collection', serviceSource: 'microsoftDefenderForCloudApps', detectionSource: 'cloudAppSecurity', mitre: ['T1530'] },
];

export function buildSecurity(ctx: GenContext, globalAdminIds: string[]): {
  riskyUsers: GraphObject[];
  riskDetections: GraphObject[];
  alerts: GraphObject[];
  risk: RiskFact[];
  alertFacts: AlertFact[];
} {
  const rng = new Rng(ctx.seed, 70);
  const candidates = ctx.plans.filter((p) => p.kind === 'member' && !p.deleted && p.enabled);
  const wanted = Math.min(candidates.length, Math.max(6, Math.round(ctx.plans.length * 0.005)));
  const chosen = new Map<string, UserPlan>();
  // One global admin (not break-glass) is at high risk: the case an auditor must not miss.
  const gaAtRisk = candidates.find((p) => globalAdminIds.includes(p.id));
  if (gaAtRisk) chosen.set(gaAtRisk.id, gaAtRisk);
  while (chosen.size < wanted) {
    const p = candidates[rng.int(candidates.length)];
    chosen.set(p.id, p);
  }
  const outcomes: RiskOutcome[] = ['atRisk', 'remediated', 'dismissed', 'atRisk', 'confirmedCompromised', 'remediated'];
  const risk: RiskFact[] = [];
  const riskyUsers: GraphObject[] = [];
  const riskDetections: GraphObject[] = [];
  let n = 0;
  for (const p of chosen.values()) {
    const state: RiskOutcome = p === gaAtRisk ? 'atRisk' : outcomes[n % outcomes.length];
    const level: RiskFact['riskLevel'] = p === gaAtRisk ? 'high' : state === 'atRisk' || state === 'confirmedCompromised' ? (rng.chance(0.5) ? 'high' : 'medium') : 'none';
    n++;
    const updated = ctx.nowMs - rng.int(25) * DAY_MS - rng.int(86_400) * 1000;
    risk.push({ userId: p.id, riskState: state, riskLevel: level });
    riskyUsers.push({
      id: p.id,
      isDeleted: false,
      isProcessing: false,
      riskLastUpdatedDateTime: isoSeconds(updated),
      riskLevel: level,
      riskState: state,
      riskDetail: DETAIL[state],
      userDisplayName: p.displayName,
      userPrincipalName: p.upn,
    });
    const detections = 1 + rng.int(3);
    for (let d = 0; d < detections; d++) {
      const loc = rng.pick(UNUSUAL_LOCATIONS);
      const activity = updated - (d + 1) * 3_600_000;
      const id = rng.hex(32);
      riskDetections.push({
        '@odata.type': '#microsoft.graph.riskDetection',
        id,
        requestId: rng.guid(),
        correlationId: rng.guid(),
        riskEventType: rng.pick(EVENT_TYPES),
        riskState: state,
        riskLevel: level === 'none' ? rng.pick(['low', 'medium'] as const) : level,
        riskDetail: DETAIL[state],
        source: 'IdentityProtection',
        detectionTimingType: rng.chance(0.5) ? 'realtime' : 'offline',
        activity: 'signin',
        tokenIssuerType: 'AzureAD',
        ipAddress: `${100 + rng.int(100)}.${rng.int(256)}.${rng.int(256)}.${1 + rng.int(250)}`,
        location: { city: loc.city, state: loc.state, countryOrRegion: loc.countryOrRegion, geoCoordinates: null },
        activityDateTime: isoSeconds(activity),
        detectedDateTime: isoSeconds(activity + 120_000),
        lastUpdatedDateTime: isoSeconds(updated),
        userId: p.id,
        userDisplayName: p.displayName,
        userPrincipalName: p.upn,
        additionalInfo: '[{"Key":"userAgent","Value":"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36"}]',
      });
    }
  }

  const alerts: GraphObject[] = [];
  const alertFacts: AlertFact[] = [];
  const alertCount = Math.min(200, 6 + Math.floor(ctx.plans.length / 2000));
  const people = [...chosen.values()];
  for (let a = 0; a < alertCount; a++) {
    const spec = ALERTS[a % ALERTS.length];
    const who = people[a % people.length];
    const created = ctx.nowMs - rng.int(29) * DAY_MS - rng.int(86_400) * 1000;
    const status = rng.weighted({ new: 5, inProgress: 2, resolved: 3 });
    const id = `da${rng.hex(18)}_${rng.u32()}`;
    const severity = rng.weighted({ low: 3, medium: 4, high: 2, informational: 1 });
    alertFacts.push({ userId: who.id, status, severity });
    const incidentId = String(10000 + a);
    alerts.push({
      '@odata.type': '#microsoft.graph.security.alert',
      id,
      providerAlertId: id,
      incidentId,
      status,
      severity,
      classification: status === 'resolved' ? 'truePositive' : 'unknown',
      determination: status === 'resolved' ? 'compromisedAccount' : 'unknown',
      serviceSource: spec.serviceSource,
      detectionSource: spec.detectionSource,
      detectorId: rng.guid(),
      tenantId: ctx.tenantId,
      title: spec.title,
      description: `${spec.title} involving ${who.upn}.`,
      recommendedActions: 'Review the user\'s recent sign-ins, reset credentials if compromise is confirmed, and revoke sessions.',
      category: spec.category,
      assignedTo: status === 'new' ? null : `secops@${ctx.domain}`,
      alertWebUrl: `https://security.microsoft.com/alerts/${id}?tid=${ctx.tenantId}`,
      incidentWebUrl: `https://security.microsoft.com/incidents/${incidentId}?tid=${ctx.tenantId}`,
      actorDisplayName: null,
      threatDisplayName: null,
      threatFamilyName: null,
      mitreTechniques: spec.mitre,
      createdDateTime: isoSeconds(created),
      lastUpdateDateTime: isoSeconds(created + 3_600_000),
      resolvedDateTime: status === 'resolved' ? isoSeconds(created + 2 * DAY_MS) : null,
      firstActivityDateTime: isoSeconds(created - 600_000),
      lastActivityDateTime: isoSeconds(created - 60_000),
      comments: [],
      evidence: [
        {
          '@odata.type': '#microsoft.graph.security.userEvidence',
          createdDateTime: isoSeconds(created),
          verdict: 'suspicious',
          remediationStatus: 'none',
          remediationStatusDetails: null,
          roles: [],
          detailedRoles: [],
          tags: [],
          userAccount: {
            accountName: who.upn.split('@')[0],
            domainName: who.upn.split('@')[1],
            userSid: `S-1-5-21-1004336348-1177238915-682003330-${10000 + who.index}`,
            azureAdUserId: who.id,
            userPrincipalName: who.upn,
            displayName: who.displayName,
          },
        },
      ],
      systemTags: [],
    });
  }
  return { riskyUsers, riskDetections, alerts, risk, alertFacts };
}
