/**
 * Users, with signInActivity where the licence and permissions allow (its own, tighter throttling
 * bucket and 120-row pages). When Graph refuses signInActivity the users are collected without it
 * and the signInActivity dataset is recorded as unavailable with Graph's reason.
 */
import type { UserRow } from '../../../shared/snapshot.js';
import type { GraphObject } from '../../graph/types.js';
import { collectList, oneTable } from '../collect-list.js';
import { graphDate, obj, str } from '../map-values.js';
import { GraphError } from '../../graph/errors.js';
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

/** Which form of the users list a run reads (kept in meta so a resumed run keeps it). */
interface UsersForm {
  activity: boolean;
  manager: boolean;
}

/** Meta key remembering whether the manager is expanded. */
const WITH_MANAGER_KEY = 'usersWithManager';

function list(ctx: CollectContext, form: UsersForm): Promise<void> {
  return collectList(ctx, {
    path: '/users',
    bucket: form.activity ? 'signInActivity' : 'identity',
    query: {
      $select: form.activity ? `${USER_SELECT},signInActivity` : USER_SELECT,
      ...(form.manager ? { $expand: 'manager($select=id)' } : {}),
    },
    toRecords: oneTable('users', toUserRow),
    onPage: (n) => ctx.advance(n),
  });
}

/** Reads the list in `form`, remembering it; a refusal of the very first page leaves no rows behind. */
async function attempt(ctx: CollectContext, form: UsersForm): Promise<void> {
  ctx.writer.setMeta({ [WITH_ACTIVITY_KEY]: form.activity, [WITH_MANAGER_KEY]: form.manager });
  await list(ctx, form);
}

export const usersCollector: Collector = {
  dataset: 'users',
  rows: (w) => w.countRows('users'),
  async run(ctx) {
    const activityDone = () =>
      ctx.sideCoverage({ dataset: 'signInActivity', status: 'complete', code: null, reason: null });
    if (ctx.pages.cursor()) {
      // Resuming: keep the form the committed pages are in (the nextLink carries its query).
      const form = {
        activity: ctx.writer.metaValue(WITH_ACTIVITY_KEY) === true,
        manager: ctx.writer.metaValue(WITH_MANAGER_KEY) === true,
      };
      await list(ctx, form);
      if (form.activity) activityDone();
      return COMPLETE;
    }
    // Try the richest form first; a refusal of the first page says which part to drop. Each retry
    // turns one part off, so this ends.
    let form: UsersForm = { activity: true, manager: true };
    for (;;) {
      try {
        await attempt(ctx, form);
        if (form.activity) activityDone();
        return COMPLETE;
      } catch (err) {
        if (ctx.pages.cursor() !== null) throw err;
        if (form.activity && isEntitlementRefusal(err)) {
          ctx.sideCoverage({
            dataset: 'signInActivity',
            status: 'unavailable',
            code: err.code,
            reason: `Last sign-in dates were not collected: ${ctx.explain(err)}`,
          });
          form = { ...form, activity: false };
        } else if (form.manager && err instanceof GraphError && err.status === 400) {
          // Some tenants or clouds reject $expand=manager here: collect without managers.
          form = { ...form, manager: false };
        } else {
          throw err;
        }
      }
    }
  },
};
