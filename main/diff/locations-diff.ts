/**
 * Named location changes, reported with conditional access: a location policies trust or exclude
 * can widen access without any policy changing ("added 0.0.0.0/0 to trusted location HQ").
 */
import type { NamedLocation } from '../../shared/ca-types.js';
import type { DiffChange } from './diff-types.js';

const ranges = (l: NamedLocation) => (l.ipRanges ?? []).map((r) => r.cidrAddress);
const countries = (l: NamedLocation) => l.countriesAndRegions ?? [];
const words = (l: NamedLocation) => `${l.isTrusted ? 'trusted ' : ''}location ${l.displayName}`;

/** Locations added, deleted, renamed, (un)trusted, or with IP ranges or countries added or removed. */
export function diffNamedLocations(oldLocations: readonly NamedLocation[], newLocations: readonly NamedLocation[]): DiffChange[] {
  const before = new Map(oldLocations.map((l) => [l.id, l]));
  const after = new Map(newLocations.map((l) => [l.id, l]));
  const out: DiffChange[] = [];
  const push = (l: NamedLocation, kind: DiffChange['kind'], description: string, b: string | null, a: string | null) =>
    out.push({ section: 'conditional-access', kind, entityType: 'namedLocation', entityId: l.id, entityName: l.displayName, description, before: b, after: a });
  for (const l of newLocations) {
    const o = before.get(l.id);
    if (!o) {
      push(l, 'added', `added ${words(l)} (${[...ranges(l), ...countries(l)].join(', ') || 'empty'})`, null, [...ranges(l), ...countries(l)].join(';'));
      continue;
    }
    if (o.displayName !== l.displayName) push(l, 'changed', `renamed location ${o.displayName} to ${l.displayName}`, o.displayName, l.displayName);
    if (!!o.isTrusted !== !!l.isTrusted) push(l, 'changed', `location ${l.displayName} is ${l.isTrusted ? 'now trusted' : 'no longer trusted'}`,
      String(!!o.isTrusted), String(!!l.isTrusted));
    for (const [list, noun] of [[ranges, 'IP range'], [countries, 'country or region']] as const) {
      const was = new Set(list(o));
      const now = new Set(list(l));
      for (const v of now) if (!was.has(v)) push(l, 'changed', `added ${noun} ${v} to ${words(l)}`, null, v);
      for (const v of was) if (!now.has(v)) push(l, 'changed', `removed ${noun} ${v} from ${words(l)}`, v, null);
    }
  }
  for (const l of oldLocations) if (!after.has(l.id)) push(l, 'removed', `deleted ${words(l)}`, [...ranges(l), ...countries(l)].join(';'), null);
  return out;
}
