/** Security alerts (alerts_v2), Identity Protection risk detections and risky users. */
import type { GraphObject } from '../../graph/types.js';
import { collectList, oneTable } from '../collect-list.js';
import { obj, str } from '../map-values.js';
import { COMPLETE, type Collector } from '../types.js';

/** Entra user ids an alert's evidence names (userEvidence.userAccount.azureAdUserId). */
function alertUserIds(o: GraphObject): string[] {
  const evidence = Array.isArray(o.evidence) ? o.evidence.map(obj) : [];
  const ids = evidence.map((e) => str(obj(e.userAccount).azureAdUserId)).filter((x): x is string => !!x);
  return [...new Set(ids)];
}

export const alertsCollector: Collector = {
  dataset: 'alerts',
  rows: (w) => w.countRows('alerts'),
  async run(ctx) {
    await collectList(ctx, {
      path: '/security/alerts_v2',
      bucket: 'security',
      toRecords: oneTable('alerts', (o) => ({
        id: o.id,
        title: str(o.title) ?? '',
        severity: str(o.severity) ?? 'unknown',
        status: str(o.status) ?? 'unknown',
        category: str(o.category),
        serviceSource: str(o.serviceSource),
        createdDateTime: str(o.createdDateTime),
        userIds: alertUserIds(o),
      })),
      onPage: (n) => ctx.advance(n),
    });
    return COMPLETE;
  },
};

export const riskDetectionsCollector: Collector = {
  dataset: 'riskDetections',
  rows: (w) => w.countRows('risk_detections'),
  async run(ctx) {
    await collectList(ctx, {
      path: '/identityProtection/riskDetections',
      bucket: 'policy',
      query: {
        $select:
          'id,userId,userPrincipalName,riskEventType,riskLevel,riskState,riskDetail,detectedDateTime,source,ipAddress,location',
      },
      toRecords: oneTable('risk_detections', (o) => ({
        id: o.id,
        userId: str(o.userId) ?? '',
        userPrincipalName: str(o.userPrincipalName),
        riskEventType: str(o.riskEventType) ?? '',
        riskLevel: str(o.riskLevel) ?? '',
        riskState: str(o.riskState) ?? '',
        detectedDateTime: str(o.detectedDateTime),
      })),
      onPage: (n) => ctx.advance(n),
    });
    return COMPLETE;
  },
};

export const riskyUsersCollector: Collector = {
  dataset: 'riskyUsers',
  rows: (w) => w.countRows('risky_users'),
  async run(ctx) {
    await collectList(ctx, {
      path: '/identityProtection/riskyUsers',
      bucket: 'policy',
      query: { $select: 'id,userPrincipalName,riskLevel,riskState,riskDetail,riskLastUpdatedDateTime' },
      toRecords: oneTable('risky_users', (o) => ({
        id: o.id,
        userPrincipalName: str(o.userPrincipalName),
        riskLevel: str(o.riskLevel) ?? '',
        riskState: str(o.riskState) ?? '',
        riskLastUpdatedDateTime: str(o.riskLastUpdatedDateTime),
      })),
      onPage: (n) => ctx.advance(n),
    });
    return COMPLETE;
  },
};
