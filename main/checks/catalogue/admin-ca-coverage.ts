/**
 * The loop both admin conditional-access checks share: every holder of a privileged role (active or
 * PIM-eligible), disabled and emergency-access accounts apart, judged by whether conditional access
 * enforces `requirement` for them. The checks differ only in the requirement and in what they record.
 */
import type { Evidence } from '../../../shared/results.js';
import type { MfaEvaluation, Requirement } from '../conditional-access/evaluate.js';
import type { CheckContext } from '../context.js';
import { userEntity, type Emit } from '../define-check.js';

export interface AdminCoverageOptions {
  requirement: Requirement;
  /** Reason given to a disabled holder. */
  disabledReason: string;
  /** Evidence beyond the held roles and the verdict. */
  extraEvidence?: (e: MfaEvaluation) => Evidence;
}

export function evaluateAdminCoverage(ctx: CheckContext, emit: Emit, o: AdminCoverageOptions): void {
  const ca = ctx.ca();
  const emergency = ctx.emergencyAccounts();
  for (const [userId, held] of ctx.privilegedHolders()) {
    const u = ctx.usersById().get(userId);
    if (!u) continue;
    const entity = userEntity(u);
    const roles = { activeRoles: held.active.join(', '), eligibleRoles: held.eligible.join(', ') };
    if (!u.accountEnabled) {
      emit(entity, 'not-applicable', o.disabledReason, roles);
      continue;
    }
    if (emergency.has(u.id)) {
      emit(entity, 'not-applicable', 'Emergency-access account: excluded from every policy by design', roles);
      continue;
    }
    const e = ca.evaluate({ userId, requirement: o.requirement });
    emit(entity, e.verdict === 'enforced' ? 'pass' : 'fail', e.summary, { ...roles, verdict: e.verdict, ...o.extraEvidence?.(e) });
  }
}
