/**
 * Sign-in logs over the window, read in time slices (createdDateTime ge/lt) sized to the volume the
 * first page shows (sign-in-slices.ts), each slice resumable from its own nextLink. The signIn list
 * takes no $select: objects are stored whole.
 */
import type { SignInRow } from '../../../shared/snapshot.js';
import type { GraphObject } from '../../graph/types.js';
import { collectList, oneTable } from '../collect-list.js';
import { boolOrNull, num, obj, str } from '../map-values.js';
import { runPool } from '../pool.js';
import { MAX_SLICES, planSlices } from '../sign-in-slices.js';
import { storedSliceBounds, storeSliceBounds } from '../sign-in-window.js';
import { COMPLETE, type CollectContext, type Collector } from '../types.js';

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

const PATH = '/auditLogs/signIns';
const toRecords = oneTable('sign_ins', toSignInRow);

function query(from: string, to: string): Record<string, string> {
  return { $filter: `createdDateTime ge ${from} and createdDateTime lt ${to}` };
}

/**
 * Reads the first page of the whole window, settles the slices on it (kept in meta before any page is
 * committed) and commits the page to the slice it belongs to. Returns the slice boundaries.
 */
async function firstPage(ctx: CollectContext): Promise<string[]> {
  const { from, to } = ctx.signInWindow;
  for await (const page of ctx.graph.pages(PATH, { bucket: 'reports', query: query(from, to), signal: ctx.signal })) {
    const plan = planSlices(ctx.signInWindow, page.items, page.nextLink !== null);
    storeSliceBounds(ctx.writer, plan.bounds);
    if (plan.head === null) {
      ctx.pages.writePage(toRecords(page.items), page.nextLink, `${from}/${to}`);
      ctx.advance(page.items.length);
    } else {
      const head = Date.parse(plan.head);
      const newest = page.items.filter((o) => Date.parse(String(o.createdDateTime)) >= head);
      ctx.pages.writePage(toRecords(newest), null, `${plan.head}/${to}`);
      ctx.advance(newest.length);
    }
    return plan.bounds;
  }
  throw new Error('the sign-in list answered no page');
}

export const signInsCollector: Collector = {
  dataset: 'signIns',
  rows: (w) => w.countRows('sign_ins'),
  async run(ctx) {
    const bounds = storedSliceBounds(ctx.writer) ?? (await firstPage(ctx));
    const slices = bounds.slice(1).map((to, i) => ({ from: bounds[i], to }));
    await runPool(slices, MAX_SLICES, (s, stopped) =>
      collectList(ctx, {
        slice: `${s.from}/${s.to}`,
        path: PATH,
        bucket: 'reports',
        query: query(s.from, s.to),
        toRecords,
        onPage: (n) => ctx.advance(n),
        stopped,
      }),
    );
    return COMPLETE;
  },
};
