/**
 * The HR terminated-employees list (issue 4's format) and its matching to accounts, used by the diff
 * ("leavers' accounts still active") and by sampling (the leavers population).
 * Identifier columns: userPrincipalName, upn, email, mail, employeeId (any case, several allowed);
 * date column: terminationDate, termination_date or lastDay (ISO 8601). Other columns are ignored.
 */
import type { DeletedUserRow, UserRow } from '../../shared/snapshot.js';
import { parseCsv } from '../reviews/csv-parse.js';

export interface Leaver {
  /** 1-based line in the CSV. */
  line: number;
  upn: string | null;
  mail: string | null;
  employeeId: string | null;
  /** ISO date (YYYY-MM-DD) of the last day. */
  terminationDate: string;
}

/** A bad terminations file, with every problem found (line numbers included). */
export class TerminationsError extends Error {
  constructor(readonly problems: string[]) {
    super(`the terminations CSV cannot be used:\n  ${problems.join('\n  ')}`);
  }
}

const UPN = ['userprincipalname', 'upn'];
const MAIL = ['email', 'mail'];
const EMPLOYEE = ['employeeid'];
const DATE = ['terminationdate', 'termination_date', 'lastday'];

/** Reads a terminations CSV; throws TerminationsError naming each bad line. */
export function parseTerminations(text: string): Leaver[] {
  const records = parseCsv(text);
  if (records.length === 0) throw new TerminationsError(['the file is empty']);
  const header = records[0].cells.map((h) => h.trim().toLowerCase());
  const col = (names: string[]) => header.findIndex((h) => names.includes(h));
  const [upnCol, mailCol, empCol, dateCol] = [col(UPN), col(MAIL), col(EMPLOYEE), col(DATE)];
  const problems: string[] = [];
  if (upnCol < 0 && mailCol < 0 && empCol < 0) problems.push('no column identifies the person (userPrincipalName, upn, email, mail or employeeId)');
  if (dateCol < 0) problems.push('no termination date column (terminationDate, termination_date or lastDay)');
  if (problems.length) throw new TerminationsError(problems);
  const leavers: Leaver[] = [];
  for (const { line, cells } of records.slice(1)) {
    const get = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() || null : null);
    const upn = get(upnCol);
    const mail = get(mailCol);
    const employeeId = get(empCol);
    const rawDate = get(dateCol);
    if (!upn && !mail && !employeeId) {
      problems.push(`line ${line}: no UPN, mail or employee id`);
      continue;
    }
    const date = rawDate && /^\d{4}-\d{2}-\d{2}/.test(rawDate) && !Number.isNaN(Date.parse(rawDate)) ? rawDate.slice(0, 10) : null;
    if (!date) {
      problems.push(`line ${line}: termination date "${rawDate ?? ''}" is not an ISO 8601 date (YYYY-MM-DD)`);
      continue;
    }
    leavers.push({ line, upn, mail, employeeId, terminationDate: date });
  }
  if (problems.length) throw new TerminationsError(problems);
  return leavers;
}

/** How one leaver maps to the directory: the live account, a deleted one, or nothing. */
export interface LeaverMatch {
  leaver: Leaver;
  user: UserRow | null;
  deleted: DeletedUserRow | null;
}

/** Matches leavers on UPN or mail (case-insensitive) or employee id. */
export function matchLeavers(leavers: readonly Leaver[], users: readonly UserRow[], deleted: readonly DeletedUserRow[]): LeaverMatch[] {
  const byKey = new Map<string, UserRow>();
  for (const u of users) {
    byKey.set(`n:${u.userPrincipalName.toLowerCase()}`, u);
    if (u.mail) byKey.set(`n:${u.mail.toLowerCase()}`, u);
    if (u.employeeId) byKey.set(`e:${u.employeeId}`, u);
  }
  const delKey = new Map<string, DeletedUserRow>();
  for (const d of deleted) {
    delKey.set(`n:${d.userPrincipalName.toLowerCase()}`, d);
    if (d.mail) delKey.set(`n:${d.mail.toLowerCase()}`, d);
    if (d.employeeId) delKey.set(`e:${d.employeeId}`, d);
  }
  return leavers.map((leaver) => {
    const keys = [leaver.upn && `n:${leaver.upn.toLowerCase()}`, leaver.mail && `n:${leaver.mail.toLowerCase()}`,
      leaver.employeeId && `e:${leaver.employeeId}`].filter((k): k is string => !!k);
    const user = keys.map((k) => byKey.get(k)).find((u) => u) ?? null;
    const del = user ? null : (keys.map((k) => delKey.get(k)).find((d) => d) ?? null);
    return { leaver, user, deleted: del };
  });
}

/** A leaver's id in populations and diffs: the account's object id when matched, else the CSV identity. */
export function leaverKey(m: LeaverMatch): string {
  return m.user?.id ?? m.deleted?.id ?? `csv:${m.leaver.upn ?? m.leaver.mail ?? m.leaver.employeeId}`;
}
