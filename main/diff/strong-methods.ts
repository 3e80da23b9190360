/**
 * Which registered methods count as a strong second factor, for MFA regressions, review evidence
 * and sample evidence: the checks' own definition (main/checks/mfa-methods.ts), so a regression
 * reported by the diff is exactly a user the MFA check would now fail.
 */
import type { RegisteredMethod } from '../../shared/snapshot.js';
import { methodsIn, STRONG_METHODS } from '../checks/mfa-methods.js';

/** The strong methods among a user's registered ones, sorted. */
export function strongMethods(methods: readonly RegisteredMethod[]): string[] {
  return methodsIn(methods, STRONG_METHODS);
}
