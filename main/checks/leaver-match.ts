/**
 * Matches terminated-employees rows to accounts, live or soft-deleted, by UPN, mail or employee
 * id (case-insensitive). Several rows for one person are merged (earliest termination date).
 */
import type { DeletedUserRow, UserRow } from '../../shared/snapshot.js';
import type { TerminationRecord } from './types.js';

export type LeaverMatch =
  | { kind: 'live'; user: UserRow; records: TerminationRecord[]; terminationDate: string }
  | { kind: 'deleted'; deleted: DeletedUserRow; records: TerminationRecord[]; terminationDate: string }
  | { kind: 'ambiguous'; record: TerminationRecord; candidates: string[] }
  | { kind: 'unmatched'; record: TerminationRecord };

const lower = (s: string | null | undefined): string | null => (s ? s.trim().toLowerCase() : null);

/** Soft-deleted users carry their object id (no dashes) before the original UPN. */
function originalUpn(deletedUpn: string): string {
  return deletedUpn.replace(/^[0-9a-f]{32}/i, '');
}

class Index<T> {
  private readonly map = new Map<string, T[]>();
  /** When given, keys outside it are not indexed (nobody will look them up). */
  constructor(private readonly only?: ReadonlySet<string | null>) {}
  add(key: string | null, value: T): void {
    if (!key || (this.only && !this.only.has(key))) return;
    const list = this.map.get(key);
    if (list) { if (!list.includes(value)) list.push(value); } else this.map.set(key, [value]);
  }
  get(key: string | null): T[] {
    return key ? this.map.get(key) ?? [] : [];
  }
}

/** The account each row names, merged per account, in a stable order (rows' file order). */
export function matchLeavers(records: readonly TerminationRecord[], users: readonly UserRow[], deleted: readonly DeletedUserRow[]): LeaverMatch[] {
  const keys = (r: TerminationRecord) => [lower(r.userPrincipalName), lower(r.mail), r.employeeId ? `#${r.employeeId.trim().toLowerCase()}` : null];
  // Only keys some record asks for are indexed: a few thousand leavers, not every key of 200k users.
  const wanted = new Set<string | null>(records.flatMap(keys));
  const live = new Index<UserRow>(wanted);
  for (const u of users) {
    live.add(lower(u.userPrincipalName), u);
    live.add(lower(u.mail), u);
    live.add(u.employeeId ? `#${u.employeeId.trim().toLowerCase()}` : null, u);
  }
  const gone = new Index<DeletedUserRow>();
  for (const d of deleted) {
    gone.add(lower(originalUpn(d.userPrincipalName)), d);
    gone.add(lower(d.userPrincipalName), d);
    gone.add(lower(d.mail), d);
    gone.add(d.employeeId ? `#${d.employeeId.trim().toLowerCase()}` : null, d);
  }
  const out: LeaverMatch[] = [];
  const byAccount = new Map<string, Extract<LeaverMatch, { kind: 'live' | 'deleted' }>>();
  for (const r of records) {
    const liveHits = [...new Set(keys(r).flatMap((k) => live.get(k)))];
    const goneHits = [...new Set(keys(r).flatMap((k) => gone.get(k)))];
    if (liveHits.length > 1 || (!liveHits.length && goneHits.length > 1)) {
      out.push({ kind: 'ambiguous', record: r, candidates: (liveHits.length ? liveHits : goneHits).map((x) => x.userPrincipalName).sort() });
      continue;
    }
    const id = liveHits[0]?.id ?? goneHits[0]?.id;
    if (!id) {
      out.push({ kind: 'unmatched', record: r });
      continue;
    }
    const existing = byAccount.get(id);
    if (existing) {
      existing.records.push(r);
      if (Date.parse(r.terminationDate) < Date.parse(existing.terminationDate)) existing.terminationDate = r.terminationDate;
      continue;
    }
    const m: Extract<LeaverMatch, { kind: 'live' | 'deleted' }> = liveHits[0]
      ? { kind: 'live', user: liveHits[0], records: [r], terminationDate: r.terminationDate }
      : { kind: 'deleted', deleted: goneHits[0], records: [r], terminationDate: r.terminationDate };
    byAccount.set(id, m);
    out.push(m);
  }
  return out;
}
