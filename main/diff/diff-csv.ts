/** Column contract of the pack's optional diff CSV (one row per change), in the exporter's CsvTable form. */
import type { CsvTable } from '../export/csv/csv-table.js';
import type { DiffChange } from './diff-types.js';

export const DIFF_TABLE: CsvTable<DiffChange> = {
  file: 'diff.csv',
  title: 'Changes since the previous snapshot',
  doc: 'One row per change between two snapshots of the tenant (entra-audit diff).',
  columns: [
    { name: 'section', doc: 'admins, role-assignments, mfa, accounts, leavers, conditional-access, applications, credentials, check-results', value: (c) => c.section },
    { name: 'kind', doc: 'added, removed, changed', value: (c) => c.kind },
    { name: 'entityType', doc: 'user, group, servicePrincipal, policy, namedLocation, application, credential, roleAssignment ...', value: (c) => c.entityType },
    { name: 'entityId', doc: 'object id (or composite key for assignments and credentials)', value: (c) => c.entityId },
    { name: 'entityName', doc: 'display name or UPN', value: (c) => c.entityName },
    { name: 'description', doc: 'the change in words', value: (c) => c.description },
    { name: 'before', doc: 'value in the old snapshot', value: (c) => c.before },
    { name: 'after', doc: 'value in the new snapshot', value: (c) => c.after },
  ],
};
