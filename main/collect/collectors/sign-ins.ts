/**
 * Sign-in logs over the window, cut into parallel time slices (createdDateTime ge/lt), each slice
 * resumable from its own nextLink. The signIn list takes no $select: objects are stored whole.
 */
import type { SignInRow } from '../../../shared/snapshot.js';
import type { GraphObject } from '../../graph/types.js';
import { collectList, oneTable } from '../collect-list.js';
import { boolOrNull, num, obj, str } from '../map-values.js';
import { runPool } from '../pool.js';
import { COMPLETE, type Collector, type SignInWindow } from '../types.js';

/** Slices run at once (the reports bucket's scheduler paces the requests themselves). */
const PARALLEL = 4;

export function toSignInRow(o: GraphObject): SignInRow {
  const status = obj(o.status);
  const location = obj(o.location);
  const device = obj(o.deviceDetail);
  return {
    id: o.id,
    createdDateTime: str(o.createdDateTime) ?? '',
    userId: str(o.userId) ?? '',
    userPrincipalName: str(o.userPrincipalName) ?? '',
    appId: str(o.appId) ?? '',
    appDisplayName: str(o.appDisplayName) ?? '',
    resourceDisplayName: str(o.resourceDisplayName),
    clientAppUsed: str(o.clientAppUsed),
    ipAddress: str(o.ipAddress),
    city: str(location.city),
    countryOrRegion: str(location.countryOrRegion),
    errorCode: num(status.errorCode) ?? 0,
    failureReason: str(status.failureReason),
    conditionalAccessStatus: str(o.conditionalAccessStatus),
    authenticationRequirement: str(o.authenticationRequirement),
    riskLevelDuringSignIn: str(o.riskLevelDuringSignIn),
    riskLevelAggregated: str(o.riskLevelAggregated),
    riskState: str(o.riskState),
    isInteractive: boolOrNull(o.isInteractive),
    deviceId: str(device.deviceId) || null,
    deviceIsCompliant: boolOrNull(device.isCompliant),
    deviceIsManaged: boolOrNull(device.isManaged),
    deviceTrustType: str(device.trustType) || null,
  };
}

/** ISO time as Graph filters take it; whole seconds without the ".000". */
function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** The window cut into `slices` consecutive [from, to) ranges (whole milliseconds, newest last). */
export function timeSlices(window: SignInWindow): { from: string; to: string }[] {
  const start = Date.parse(window.from);
  const end = Date.parse(window.to);
  const n = Math.max(1, window.slices);
  const step = Math.ceil((end - start) / n / 1000) * 1000;
  const out: { from: string; to: string }[] = [];
  for (let t = start; t < end; t += step) out.push({ from: isoTime(t), to: isoTime(Math.min(end, t + step)) });
  return out;
}

export const signInsCollector: Collector = {
  dataset: 'signIns',
  rows: (w) => w.countRows('sign_ins'),
  async run(ctx) {
    await runPool(timeSlices(ctx.signInWindow), PARALLEL, (s, stopped) =>
      collectList(ctx, {
        slice: `${s.from}/${s.to}`,
        path: '/auditLogs/signIns',
        bucket: 'reports',
        query: { $filter: `createdDateTime ge ${s.from} and createdDateTime lt ${s.to}` },
        toRecords: oneTable('sign_ins', toSignInRow),
        onPage: (n) => ctx.advance(n),
        stopped,
      }),
    );
    return COMPLETE;
  },
};
