/**
 * Users, with signInActivity where the licence and permissions allow (its own, tighter throttling
 * bucket and 120-row pages). When Graph refuses signInActivity the users are collected without it
 * and the signInActivity dataset is recorded as unavailable with Graph's reason.
 */
import type { UserRow } from '../../../shared/snapshot.js';
import type { GraphObject } from '../../graph/types.js';
import { collectList, oneTable } from '../collect-list.js';
import { graphDate, obj, str } from '../map-values.js';
import { isEntitlementRefusal } from '../refusals.js';
import { COMPLETE, type CollectContext, type Collector } from '../types.js';

/** Exactly the user properties the snapshot keeps. */
export const USER_SELECT = [
  'id',
  'userPrincipalName',
  'displayName',
  'mail',
  'givenName',
  'surname',
  'department',
  'jobTitle',
  'employeeId',
  'userType',
  'accountEnabled',
  'createdDateTime',
  'onPremisesSyncEnabled',
  'passwordPolicies',
  'lastPasswordChangeDateTime',
].join(',');

/** Meta key remembering which form a resumed users list is in. */
const WITH_ACTIVITY_KEY = 'usersWithSignInActivity';

export function toUserRow(o: GraphObject): UserRow {
  const upn = str(o.userPrincipalName) ?? '';
  const activity = obj(o.signInActivity);
  return {
    id: o.id,
    userPrincipalName: upn,
    displayName: str(o.displayName) ?? '',
    mail: str(o.mail),
    givenName: str(o.givenName),
    surname: str(o.surname),
    department: str(o.department),
    jobTitle: str(o.jobTitle),
    employeeId: str(o.employeeId),
    userType: o.userType === 'Guest' ? 'Guest' : 'Member',
    accountEnabled: o.accountEnabled === true,
    createdDateTime: str(o.createdDateTime),
    onPremisesSyncEnabled: o.onPremisesSyncEnabled === true,
    passwordPolicies: str(o.passwordPolicies),
    lastPasswordChangeDateTime: graphDate(o.lastPasswordChangeDateTime),
    lastSignInDateTime: graphDate(activity.lastSignInDateTime),
    lastNonInteractiveSignInDateTime: graphDate(activity.lastNonInteractiveSignInDateTime),
    domain: (upn.split('@')[1] ?? '').toLowerCase(),
    managerId: str(obj(o.manager).id),
  };
}

function list(ctx: CollectContext, withActivity: boolean): Promise<void> {
  return collectList(ctx, {
    path: '/users',
    bucket: withActivity ? 'signInActivity' : 'identity',
    query: { $select: withActivity ? `${USER_SELECT},signInActivity` : USER_SELECT },
    toRecords: oneTable('users', toUserRow),
    onPage: (n) => ctx.advance(n),
  });
}

export const usersCollector: Collector = {
  dataset: 'users',
  rows: (w) => w.countRows('users'),
  async run(ctx) {
    const cursor = ctx.pages.cursor();
    if (cursor) {
      // Resuming: keep the form the committed pages are in (the nextLink carries its $select).
      const withActivity = ctx.writer.metaValue(WITH_ACTIVITY_KEY) === true;
      await list(ctx, withActivity);
      if (withActivity) ctx.sideCoverage({ dataset: 'signInActivity', status: 'complete', code: null, reason: null });
      return COMPLETE;
    }
    ctx.writer.setMeta({ [WITH_ACTIVITY_KEY]: true });
    try {
      await list(ctx, true);
      ctx.sideCoverage({ dataset: 'signInActivity', status: 'complete', code: null, reason: null });
      return COMPLETE;
    } catch (err) {
      if (!isEntitlementRefusal(err) || ctx.pages.cursor() !== null) throw err;
      ctx.sideCoverage({
        dataset: 'signInActivity',
        status: 'unavailable',
        code: err.code,
        reason: `Last sign-in dates were not collected: ${ctx.explain(err)}`,
      });
    }
    ctx.writer.setMeta({ [WITH_ACTIVITY_KEY]: false });
    await list(ctx, false);
    return COMPLETE;
  },
};
