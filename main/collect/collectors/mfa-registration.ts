/**
 * MFA registration: the bulk userRegistrationDetails report where licence and permission allow
 * (one request per 1,000 users); otherwise each user's /authentication/methods through $batch,
 * normalised to the report's method names.
 */
import type { MfaRegistrationRow } from '../../../shared/snapshot.js';
import type { GraphObject } from '../../graph/types.js';
import { isMfaRegistered, methodNames } from '../auth-method-names.js';
import { collectList, oneTable } from '../collect-list.js';
import { collectPerEntity, perEntityPosition } from '../collect-per-entity.js';
import { boolOrNull, str, strings } from '../map-values.js';
import { isEntitlementRefusal } from '../refusals.js';
import { COMPLETE, type CollectContext, type Collector, type CollectorOutcome } from '../types.js';

const SOURCE_KEY = 'mfaSource';
const FALLBACK_KEY = 'mfaFallback';
const PER_COMMIT = 100;

function fromReport(o: GraphObject): MfaRegistrationRow {
  const methods = strings(o.methodsRegistered);
  return {
    userId: o.id,
    userPrincipalName: str(o.userPrincipalName) ?? '',
    methods,
    isMfaRegistered: typeof o.isMfaRegistered === 'boolean' ? o.isMfaRegistered : isMfaRegistered(methods),
    isAdmin: boolOrNull(o.isAdmin),
    source: 'registrationReport',
  };
}

async function perUser(ctx: CollectContext, fallback: { code: string; reason: string }): Promise<CollectorOutcome> {
  const users = await ctx.after('users');
  if (users.status !== 'complete' && ctx.writer.countRows('users') === 0) {
    // The users' code says whether this is a permission matter (not a failure) or something to fix.
    return {
      status: 'unavailable',
      code: users.code,
      reason: `${fallback.reason} The per-user fallback needs the user list, which was not collected${users.reason ? `: ${users.reason}` : '.'}`,
    };
  }
  const position = perEntityPosition(ctx, 'methods');
  const note = `Registration report unavailable (${fallback.reason}); methods were read per user instead.`;
  if (position === undefined) return { status: 'complete', code: fallback.code, reason: note };
  const todo = ctx.writer.pairs('users', 'id', 'userPrincipalName', position);
  const upn = new Map(todo);
  ctx.setTotal(ctx.writer.countRows('users'));
  try {
    await collectPerEntity(ctx, {
      slice: 'methods',
      ids: todo.map(([id]) => id),
      bucket: 'identity',
      chunk: PER_COMMIT,
      requests: (id) => [{ id, url: `/users/${id}/authentication/methods` }],
      toRecords: (results) => ({
        mfa_registrations: [...results].map(([userId, objects]) => {
          const methods = methodNames(objects);
          const row: MfaRegistrationRow = {
            userId,
            userPrincipalName: upn.get(userId) ?? '',
            methods,
            isMfaRegistered: isMfaRegistered(methods),
            isAdmin: null,
            source: 'authenticationMethods',
          };
          return { row, raw: { id: userId, value: objects } };
        }),
      }),
      onChunk: (n) => ctx.advance(n),
    });
  } catch (err) {
    if (!isEntitlementRefusal(err) || ctx.writer.countRows('mfa_registrations') > 0) throw err;
    return {
      status: 'unavailable',
      code: err.code,
      reason: `Registration report: ${fallback.reason} Per-user methods: ${ctx.explain(err)}`,
    };
  }
  if (users.status !== 'complete') {
    return {
      status: 'partial',
      code: users.code,
      reason: `${note} Only the users collected were covered: ${users.reason ?? 'the user list is incomplete'}.`,
    };
  }
  return { status: 'complete', code: fallback.code, reason: note };
}

export const mfaRegistrationCollector: Collector = {
  dataset: 'mfaRegistration',
  rows: (w) => w.countRows('mfa_registrations'),
  async run(ctx) {
    const source = ctx.writer.metaValue(SOURCE_KEY);
    if (source === 'authenticationMethods')
      return perUser(ctx, ctx.writer.metaValue(FALLBACK_KEY) as { code: string; reason: string });
    ctx.writer.setMeta({ [SOURCE_KEY]: 'registrationReport' });
    try {
      await collectList(ctx, {
        slice: 'report',
        path: '/reports/authenticationMethods/userRegistrationDetails',
        bucket: 'reports',
        query: { $select: 'id,userPrincipalName,isAdmin,isMfaRegistered,methodsRegistered' },
        toRecords: oneTable('mfa_registrations', fromReport),
        onPage: (n) => ctx.advance(n),
      });
      return COMPLETE;
    } catch (err) {
      if (!isEntitlementRefusal(err) || ctx.pages.cursor('report') !== null) throw err;
      const fallback = { code: err.code, reason: ctx.explain(err) };
      ctx.writer.setMeta({ [SOURCE_KEY]: 'authenticationMethods', [FALLBACK_KEY]: fallback });
      return perUser(ctx, fallback);
    }
  },
};
