/**
 * The sign-ins screen's server side: streams the snapshot's sign-ins (newest first) through the
 * filters and keeps one page; memory stays bounded however many sign-ins the snapshot holds.
 */
import type { ChannelParsed } from '../../../shared/ipc.js';
import type { Page, SignInListRow } from '../../../shared/ipc-types.js';
import type { SignInRow } from '../../../shared/snapshot.js';
import type { SnapshotReader } from '../../store/types.js';

type Query = ChannelParsed<'signIns'>;

/** Whether a sign-in passes the screen's filters. */
export function matchesSignIn(s: SignInRow, q: Query): boolean {
  if (q.result === 'success' && s.errorCode !== 0) return false;
  if (q.result === 'failure' && s.errorCode === 0) return false;
  if (q.risk && (s.riskLevelDuringSignIn ?? 'none') !== q.risk) return false;
  const has = (value: string | null, needle: string | undefined) =>
    !needle || (value ?? '').toLowerCase().includes(needle.trim().toLowerCase());
  return (
    has(s.appDisplayName, q.app) &&
    has(`${s.city ?? ''} ${s.countryOrRegion ?? ''}`, q.location) &&
    has(s.userPrincipalName, q.user)
  );
}

/** Converts a date-only bound to the instant the filter means (to = end of that day). */
function bound(date: string | undefined, endOfDay: boolean): string | undefined {
  if (!date) return undefined;
  if (date.length > 10) return date;
  return endOfDay ? new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString() : `${date}T00:00:00.000Z`;
}

/** One page of the filtered sign-ins, with the exact total. */
export function signInPage(reader: SnapshotReader, q: Query): Page<SignInListRow> {
  const rows: SignInListRow[] = [];
  let total = 0;
  for (const s of reader.signIns({ from: bound(q.from, false), to: bound(q.to, true) })) {
    if (!matchesSignIn(s, q)) continue;
    if (total >= q.offset && rows.length < q.limit) rows.push(toRow(s));
    total++;
  }
  return { total, offset: q.offset, rows };
}

function toRow(s: SignInRow): SignInListRow {
  return {
    id: s.id,
    createdDateTime: s.createdDateTime,
    userPrincipalName: s.userPrincipalName,
    appDisplayName: s.appDisplayName,
    result: s.errorCode === 0 ? 'success' : 'failure',
    errorCode: s.errorCode,
    failureReason: s.errorCode === 0 ? null : s.failureReason,
    clientAppUsed: s.clientAppUsed,
    location: [s.city, s.countryOrRegion].filter(Boolean).join(', ') || null,
    ipAddress: s.ipAddress,
    riskLevel: s.riskLevelDuringSignIn,
    mfa: s.authenticationRequirement,
  };
}
