/**
 * Risk exceptions: a time-boxed acceptance of one check's failure for one entity (or "*" for all
 * of the check's entities), with reason, approver and expiry. Applying one turns a "fail" into an
 * "exception" that still shows the finding; collected data is never touched. An exception applies
 * up to and including its expiry (a date alone means through the end of that day, UTC).
 *
 * File format (JSON), either a list or an object with an "exceptions" list:
 *   { "exceptions": [ { "id": "EX-001", "checkId": "inactive-user-accounts",
 *       "entityId": "<Entra object id, or * for every entity of the check>",
 *       "reason": "Seasonal staff, reactivated each summer", "approver": "ciso@contoso.com",
 *       "createdAt": "2026-01-15", "expiresAt": "2026-06-30" } ] }
 * Dates are ISO 8601 (date or date-time). Ids must be unique; checkId must name a known check.
 */
import { z } from 'zod';
import type { CheckResult, RiskException } from '../../shared/results.js';

const isoDate = z.string().refine((s) => isIsoDateOrDateTime(s), { message: 'must be an ISO 8601 date (YYYY-MM-DD) or date-time' });

const exceptionSchema = z.object({
  id: z.string().min(1),
  checkId: z.string().min(1),
  entityId: z.string().min(1),
  reason: z.string().min(1),
  approver: z.string().min(1),
  createdAt: isoDate,
  expiresAt: isoDate,
});

const listSchema = z.array(exceptionSchema);

/** A bad exceptions file; the message names the entry and field. */
export class ExceptionsFileError extends Error {}

/** True for YYYY-MM-DD or a full ISO 8601 date-time that is a real calendar instant. */
export function isIsoDateOrDateTime(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] && !Number.isNaN(Date.parse(s));
}

/** Parses an exceptions file's text; `knownCheckIds` catches typos in checkId. */
export function parseExceptions(text: string, knownCheckIds: readonly string[]): RiskException[] {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ExceptionsFileError(`not valid JSON: ${(err as Error).message}`);
  }
  const raw = Array.isArray(json) ? json : json && typeof json === 'object' && 'exceptions' in json ? (json as { exceptions: unknown }).exceptions : undefined;
  if (!Array.isArray(raw)) throw new ExceptionsFileError('expected a list of exceptions, or an object {"exceptions": [...]}');
  const parsed = listSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const [index, field] = issue.path;
    const where = index === undefined ? 'file' : `exception ${Number(index) + 1}${field !== undefined ? `, field "${String(field)}"` : ''}`;
    throw new ExceptionsFileError(`${where}: ${field !== undefined && issue.code === 'invalid_type' ? 'missing or not a string' : issue.message}`);
  }
  const list = parsed.data;
  const seen = new Set<string>();
  list.forEach((e, i) => {
    if (seen.has(e.id)) throw new ExceptionsFileError(`exception ${i + 1}: id "${e.id}" is used twice`);
    seen.add(e.id);
    if (!knownCheckIds.includes(e.checkId)) throw new ExceptionsFileError(`exception ${i + 1}, field "checkId": no check is called "${e.checkId}"`);
  });
  return list;
}

/** The instant after which an exception no longer applies. */
export function expiryMs(e: RiskException): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(e.expiresAt) ? Date.parse(`${e.expiresAt}T23:59:59.999Z`) : Date.parse(e.expiresAt);
}

/** Exceptions still in force at `now`. */
export function activeExceptions(exceptions: readonly RiskException[], now: string): RiskException[] {
  const nowMs = Date.parse(now);
  return exceptions.filter((e) => expiryMs(e) >= nowMs);
}

/**
 * Turns failing results covered by an exception in force into "exception" results (a specific
 * entity's exception wins over a "*" one; among equals the lowest id, so the outcome is stable).
 */
export function applyExceptions(results: CheckResult[], exceptions: readonly RiskException[], now: string): CheckResult[] {
  const active = activeExceptions(exceptions, now).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (!active.length) return results;
  return results.map((r) => {
    if (r.outcome !== 'fail') return r;
    const e = active.find((x) => x.checkId === r.checkId && x.entityId === r.entityId)
      ?? active.find((x) => x.checkId === r.checkId && x.entityId === '*');
    if (!e) return r;
    return {
      ...r,
      outcome: 'exception',
      exceptionId: e.id,
      reason: `Accepted risk ${e.id} until ${e.expiresAt}, approved by ${e.approver}: ${e.reason}. Finding: ${r.reason}`,
      evidence: { ...r.evidence, exceptionApprover: e.approver, exceptionExpiresAt: e.expiresAt },
    };
  });
}
