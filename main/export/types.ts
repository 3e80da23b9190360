/**
 * What the exporter takes in besides the snapshot: the output of a checks run.
 * Mirrors `runChecks(reader, settings)` from main/checks plus the exceptions and MFA passthrough list
 * that run used, so a pack states everything its results depend on.
 */
import type { CheckResult, CheckSummary, ControlResult, RiskException } from '../../shared/results.js';

/** One enterprise application in the MFA passthrough artifact (cross-IdP SSO covered by conditional access or not). */
export interface MfaPassthroughRow {
  servicePrincipalId: string;
  appId: string;
  appDisplayName: string;
  /** "saml" | "oidc" | ... */
  ssoMode: string | null;
  /** full = every assigned principal is covered by an enabled policy requiring MFA. */
  coverage: 'full' | 'partial' | 'none' | 'not-assessed';
  assignedPrincipals: number;
  uncoveredPrincipals: number;
  /** Ids of the enabled policies that require MFA for this app. */
  policyIds: string[];
  /** Display names or ids of principals left out (may be cut; the count is exact). */
  uncoveredNames: string[];
}

/** The results a pack reports, exactly as the checks engine produced them. */
export interface CheckRun {
  checks: CheckSummary[];
  results: CheckResult[];
  controls: ControlResult[];
  exceptions?: RiskException[];
  passthrough?: MfaPassthroughRow[];
}
