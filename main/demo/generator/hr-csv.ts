/**
 * The HR terminated-employees CSV an auditor receives: one row per leaver (matched by
 * userPrincipalName and employeeId) plus rows for people who never had an account here.
 */
import { isoDate } from './dates.js';
import type { GenContext } from './context.js';

/** A row of the CSV; `userId` is null for rows that match no account. */
export interface HrRow {
  userPrincipalName: string;
  employeeId: string;
  displayName: string;
  terminationDate: string;
  userId: string | null;
}

export const HR_COLUMNS = ['userPrincipalName', 'employeeId', 'displayName', 'terminationDate'] as const;

const csvField = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The rows, leavers first in plan order, then the unmatched ones. */
export function hrRows(ctx: GenContext): HrRow[] {
  const rows: HrRow[] = [];
  for (const p of ctx.plans) {
    if (!p.leaver || p.terminationMs === null || !p.employeeId) continue;
    rows.push({ userPrincipalName: p.upn, employeeId: p.employeeId, displayName: p.displayName, terminationDate: isoDate(p.terminationMs), userId: p.id });
  }
  const unmatched = [
    { local: 'contractor.former', name: 'Former Contractor', id: 'E900001' },
    { local: 'j.doe.old', name: 'Jane Doe', id: 'E900002' },
  ];
  for (const [n, u] of unmatched.entries()) {
    rows.push({ userPrincipalName: `${u.local}@${ctx.domain}`, employeeId: u.id, displayName: u.name, terminationDate: isoDate(ctx.nowMs - (40 + n * 17) * 86_400_000), userId: null });
  }
  return rows;
}

/** Serialises rows as RFC 4180 CSV with a header line and CRLF line ends. */
export function toCsv(rows: HrRow[]): string {
  const lines = [HR_COLUMNS.join(',')];
  for (const r of rows) lines.push([r.userPrincipalName, r.employeeId, r.displayName, r.terminationDate].map(csvField).join(','));
  return lines.join('\r\n') + '\r\n';
}
