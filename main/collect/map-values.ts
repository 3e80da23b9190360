/** Small readers for Graph's loosely typed JSON, used by the row mappers. */

/** A string property, or null when absent or not a string. */
export function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** A boolean property, or null when absent. */
export function boolOrNull(v: unknown): boolean | null {
  return typeof v === 'boolean' ? v : null;
}

/** A number property, or null. */
export function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** An array of strings (non-strings dropped); [] when absent. */
export function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** A nested object, or an empty one. */
export function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** "#microsoft.graph.user" -> "user". */
export function odataTypeName(o: Record<string, unknown>): string {
  const t = str(o['@odata.type']);
  return t ? t.replace(/^#?microsoft\.graph\./, '') : 'unknown';
}

/** The ids of expanded related objects ($expand=owners($select=id)). */
export function expandedIds(v: unknown): string[] {
  return Array.isArray(v) ? v.map((x) => str(obj(x).id)).filter((x): x is string => x !== null) : [];
}

/** Graph's "never" date (0001-01-01) as null; other strings unchanged. */
export function graphDate(v: unknown): string | null {
  const s = str(v);
  return s === null || s.startsWith('0001-01-01') ? null : s;
}
