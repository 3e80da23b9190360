/** The check catalogue in report order: the seed's three checks first, then the rest by theme. */
import type { Check } from '../types.js';
import { inactiveUserAccounts } from './inactive-user-accounts.js';
import { mfaRegisteredAllUsers } from './mfa-registered-all-users.js';
import { offboardedUserAccessRemoved } from './offboarded-user-access-removed.js';

export const CHECKS: readonly Check[] = [
  mfaRegisteredAllUsers,
  inactiveUserAccounts,
  offboardedUserAccessRemoved,
];

/** A check by id. */
export function checkById(id: string): Check | undefined {
  return CHECKS.find((c) => c.id === id);
}
