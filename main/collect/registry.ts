/** Every collector, one per dataset (signInActivity is decided by the users collector). */
import type { DatasetId } from '../../shared/datasets.js';
import { applicationsCollector } from './collectors/applications.js';
import { conditionalAccessCollector } from './collectors/conditional-access.js';
import { deletedUsersCollector } from './collectors/deleted-users.js';
import { devicesCollector } from './collectors/devices.js';
import { domainsCollector } from './collectors/domains.js';
import { groupsCollector } from './collectors/groups.js';
import { mfaRegistrationCollector } from './collectors/mfa-registration.js';
import { organizationCollector } from './collectors/organization.js';
import { pimEligibilityCollector } from './collectors/pim-eligibility.js';
import { rolesCollector } from './collectors/roles.js';
import { alertsCollector, riskDetectionsCollector, riskyUsersCollector } from './collectors/security.js';
import { signInsCollector } from './collectors/sign-ins.js';
import { subscribedSkusCollector } from './collectors/subscribed-skus.js';
import { usersCollector } from './collectors/users.js';
import type { Collector } from './types.js';

/** Collected first, before everything else: small, and they tell the tenant and its licence. */
export const FIRST: readonly Collector[] = [organizationCollector, subscribedSkusCollector, domainsCollector];

/** Collected side by side after FIRST (their throttling buckets run in parallel). */
export const REST: readonly Collector[] = [
  usersCollector,
  signInsCollector,
  mfaRegistrationCollector,
  conditionalAccessCollector,
  groupsCollector,
  rolesCollector,
  pimEligibilityCollector,
  applicationsCollector,
  devicesCollector,
  deletedUsersCollector,
  alertsCollector,
  riskDetectionsCollector,
  riskyUsersCollector,
];

/** Datasets whose coverage another collector records. */
export const SIDE_DATASETS: readonly DatasetId[] = ['signInActivity'];
