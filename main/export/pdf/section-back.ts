/**
 * The report's closing sections: the seed's evidence artifacts summarised (with the CSV holding
 * each), the MFA passthrough list, the Data Access statement, and the appendix of method
 * (endpoints queried per dataset, permissions, requests and throttling per dataset).
 */
import { DATA_ACCESS, DATASETS } from '../../../shared/datasets.js';
import { EVIDENCE_ARTIFACTS } from '../../../shared/frameworks/artifacts.js';
import type { PassthroughRow } from '../../checks/passthrough.js';
import { columns, type Flow } from './layout.js';
import type { ReportInput } from './report-input.js';

/** Passthrough apps listed in the PDF; the rest are in csv/mfa-passthrough.csv. */
const PASSTHROUGH_LIMIT = 40;

export function artifactsSection(flow: Flow, r: ReportInput): void {
  flow.heading('Evidence artifacts');
  flow.para(
    'The evidence an auditor samples from, one CSV per artifact (UTF-8 with BOM, RFC 4180, times in ISO 8601 UTC; cells that a spreadsheet would run as a formula start with an apostrophe).',
  );
  const s = r.stats;
  const rowsOf = (file: string) => r.csv.files.find((f) => f.file === file)?.rows ?? 0;
  const summary: Record<string, string> = {
    'user-directory': `${s.users.total} users: ${s.users.enabled} enabled, ${s.users.guests} guests, ${s.users.synced} synced from on-premises, ${s.users.neverSignedIn} with no recorded sign-in`,
    'mfa-registration-methods': `${s.mfa.registered} of ${s.mfa.users} users have an MFA method registered`,
    'conditional-access-policies': `${s.conditionalAccess.total} policies: ${s.conditionalAccess.enabled} enabled, ${s.conditionalAccess.reportOnly} report-only, ${s.conditionalAccess.disabled} disabled`,
    'sign-in-logs': `${r.csv.signIns.total} sign-ins: ${r.csv.signIns.failed} failed, ${r.csv.signIns.singleFactor} single-factor, ${r.csv.signIns.risky} with sign-in risk`,
    'group-memberships': `${s.groups.groups} groups, ${s.groups.memberships} transitive memberships`,
    'enterprise-applications': `${s.apps.servicePrincipals} service principals, ${s.apps.sso} with SAML/OIDC single sign-on, ${s.apps.assignments} user/group assignments`,
  };
  flow.table(
    columns([
      ['Artifact: csv/<name>.csv', 2.9],
      ['Rows', 0.8],
      ['Summary', 7.3],
    ]),
    EVIDENCE_ARTIFACTS.map((a) => [a.id, String(rowsOf(`${a.id}.csv`)), summary[a.id] ?? a.description]),
    7.5,
  );
  flow.para(
    'Other files: csv/checks.csv, csv/check-results.csv, csv/controls-<framework>.csv, csv/dataset-coverage.csv, csv/exceptions.csv, csv/enterprise-app-assignments.csv, csv/mfa-passthrough.csv, oscal/assessment-results.json (OSCAL 1.0.6).',
    { size: 8.5 },
  );

  flow.heading('MFA passthrough (single sign-on applications)', 2);
  const apps = passthroughByApp(r.run.passthrough ?? []);
  if (!apps.length)
    flow.para('No application signing in through Microsoft single sign-on (SAML or OIDC) was assessed.');
  else {
    const full = apps.filter((a) => a.coverage === 'full').length;
    flow.para(
      `${full} of ${apps.length} SSO applications have MFA enforced by conditional access for every user who can sign in to them (those users pass MFA at Entra ID before reaching the app).`,
    );
    flow.table(
      columns([
        ['Application', 3.4],
        ['SSO', 0.9],
        ['Coverage', 1.3, { status: true }],
        ['Users', 1],
        ['Covered', 1.1],
        ['Left out (first)', 3.8],
      ]),
      apps
        .slice(0, PASSTHROUGH_LIMIT)
        .map((a) => [
          a.application,
          a.ssoMode,
          a.coverage === 'full' ? 'pass' : a.coverage === 'none' ? 'fail' : a.coverage,
          String(a.usersInScope),
          String(a.usersCovered),
          a.leftOut.join(', '),
        ]),
      7.5,
    );
    if (apps.length > PASSTHROUGH_LIMIT)
      flow.para(`… and ${apps.length - PASSTHROUGH_LIMIT} more applications: see csv/mfa-passthrough.csv.`, {
        size: 8.5,
      });
  }

  flow.heading('Data access', 2);
  flow.para(
    'What the tool reads from the tenant, and what it never touches. Every request is a read (HTTP GET); a guard in the tool refuses any other method before it leaves the machine.',
  );
  flow.table(
    columns([
      ['Data type', 5],
      ['Access', 1.5, { bold: true }],
    ]),
    DATA_ACCESS.map((d) => [d.dataType, d.access]),
  );
}

/** One line per application from the per-user passthrough rows (first three left-out users kept). */
function passthroughByApp(rows: readonly PassthroughRow[]) {
  const apps = new Map<
    string,
    {
      application: string;
      ssoMode: string;
      coverage: string;
      usersInScope: number;
      usersCovered: number;
      leftOut: string[];
    }
  >();
  for (const row of rows) {
    const a = apps.get(row.appId) ?? {
      application: row.application,
      ssoMode: row.ssoMode,
      coverage: row.coverage,
      usersInScope: row.usersInScope,
      usersCovered: row.usersCovered,
      leftOut: [],
    };
    if (row.leftOutUser && a.leftOut.length < 3) a.leftOut.push(row.leftOutUser);
    apps.set(row.appId, a);
  }
  return [...apps.values()];
}

export function methodSection(flow: Flow, r: ReportInput): void {
  flow.heading('Appendix: method');
  flow.para(
    `Collection read Microsoft Graph v1.0 at ${r.meta.graphBaseUrl} with the permissions listed on the cover, paging through every collection at the largest page size each endpoint allows, within Graph's throttling limits. ` +
      'Rows and their raw JSON were stored in a SQLite snapshot; its content hash (on the cover) is recorded in manifest.json. Checks are pure functions of the snapshot: the same snapshot and settings give the same results.',
  );
  const cov = new Map(r.coverage.map((c) => [c.dataset, c]));
  flow.table(
    columns([
      ['Dataset', 2.2],
      ['Endpoints queried', 5.2],
      ['Permission', 2.4],
      ['Requests', 1.1],
      ['Throttled', 1.1],
    ]),
    DATASETS.flatMap((d) => {
      const c = cov.get(d.id);
      return d.endpoints.map((e, i) =>
        i === 0
          ? [d.title, e, d.permissions[0], String(c?.requests ?? 0), String(c?.throttleWaits ?? 0)]
          : ['', e, '', '', ''],
      );
    }),
    7.5,
  );
  const totalRequests = r.coverage.reduce((a, c) => a + c.requests, 0);
  const waits = r.coverage.reduce((a, c) => a + c.throttleWaits, 0);
  flow.para(
    `${totalRequests.toLocaleString('en-US')} Graph requests in total; Graph asked the tool to wait ${waits} times.`,
  );
  flow.heading('Evidence pack and its verification', 2);
  flow.para(
    "This PDF is signed (adbe.pkcs7.detached, SHA-256); poppler's pdfsig reports the signature and whether it covers the whole document. " +
      "The pack's manifest.json lists the SHA-256 and size of every file and is signed as a detached CMS (manifest.json.p7s, DER). " +
      "VERIFY.txt holds the exact commands (openssl cms -verify, sha256sum -c, pdfsig, qpdf --check) and the signer certificate's fingerprint to confirm with the sender.",
  );
}
