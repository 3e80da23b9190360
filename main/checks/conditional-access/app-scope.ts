/**
 * Whether a policy's target resources cover an application: All, Office365, MicrosoftAdminPortals
 * or listed app ids, minus exclusions. Asking about 'All' means "every app the user may reach":
 * only a policy on all resources without exclusions covers that fully.
 */
import type { ConditionalAccessPolicy } from '../../../shared/ca-types.js';
import type { Match } from './user-scope.js';
import { ADMIN_PORTAL_APP_IDS, OFFICE365_APP_IDS } from './well-known.js';

export interface AppScope {
  match: Match;
  reasons: string[];
}

function inTarget(target: string, appId: string): boolean {
  if (target === 'All') return true;
  if (target === 'Office365') return OFFICE365_APP_IDS.has(appId);
  if (target === 'MicrosoftAdminPortals') return ADMIN_PORTAL_APP_IDS.has(appId);
  return target.toLowerCase() === appId.toLowerCase();
}

/**
 * Does the policy's applications condition cover `appId` ('All' = every app)? `appName` words an app id
 * for the reasons (its display name when the snapshot has the app).
 */
export function appScope(policy: ConditionalAccessPolicy, appId: string, appName: (id: string) => string = (id) => id): AppScope {
  const a = policy.conditions?.applications ?? {};
  const include = a.includeApplications ?? [];
  const exclude = a.excludeApplications ?? [];
  const filter = (a as { applicationFilter?: unknown }).applicationFilter;
  if (include.length === 0 || include.includes('None')) {
    const what = a.includeUserActions?.length
      ? `user actions (${a.includeUserActions.join(', ')})`
      : a.includeAuthenticationContextClassReferences?.length
        ? 'authentication contexts'
        : 'no application';
    return { match: 'out', reasons: [`targets ${what}, not app sign-ins`] };
  }
  const excluded = new Set(exclude.map((x) => x.toLowerCase()));
  if (excluded.has('all') || (!include.includes('All') && include.every((t) => excluded.has(t.toLowerCase())))) {
    return { match: 'out', reasons: ['excludes every app it includes'] };
  }
  if (appId === 'All') {
    if (!include.includes('All')) return { match: 'maybe', reasons: [`covers only ${include.map(appName).join(', ')}`] };
    if (exclude.length) return { match: 'maybe', reasons: [`excludes ${exclude.length} app(s): ${exclude.map(appName).join(', ')}`] };
    if (filter) return { match: 'maybe', reasons: ['an application filter narrows the apps'] };
    return { match: 'in', reasons: ['all resources'] };
  }
  const by = include.find((t) => inTarget(t, appId));
  if (!by) return { match: 'out', reasons: ['app not targeted'] };
  const ex = exclude.find((t) => inTarget(t, appId));
  if (ex) return { match: 'out', reasons: [`app excluded (${appName(ex)})`] };
  if (filter) return { match: 'maybe', reasons: [`targeted by ${appName(by)}, but an application filter may exclude it`] };
  return { match: 'in', reasons: [`targeted by ${appName(by)}`] };
}
