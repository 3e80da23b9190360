/**
 * OSCAL 1.0.6 assessment-results for a checks run: one observation per check (its outcome counts,
 * status and the CSV with per-entity evidence), one finding per framework control (satisfied or
 * not, with the observations of its checks). UUIDs are version-5 from stable names, so the same
 * snapshot gives the same document apart from `last-modified`.
 *
 * OSCAL knows only "satisfied" and "not-satisfied": pass => satisfied (reason pass); fail and
 * partial => not-satisfied (reason fail); not-assessed => not-satisfied (reason other, never a
 * pass); not-applicable => satisfied (reason other). The exact status is kept in a `status` prop.
 */
import { createHash } from 'node:crypto';
import { FRAMEWORKS } from '../../../shared/frameworks/catalogue.js';
import type { CheckSummary, ControlResult } from '../../../shared/results.js';
import type { SnapshotMeta } from '../../../shared/snapshot.js';
import type { CheckRun } from '../types.js';

export const OSCAL_VERSION = '1.0.6';
const NS = 'https://github.com/entra-audit-desktop/ns/oscal';
/** Namespace UUID for our version-5 UUIDs. */
const UUID_NS = 'c4a0d6e2-5b8f-4f6c-9a3e-2d1b7e0f9a51';

/** RFC 4122 version-5 UUID of `name` in our namespace. */
export function uuid5(name: string): string {
  const ns = Buffer.from(UUID_NS.replace(/-/g, ''), 'hex');
  const h = createHash('sha1').update(ns).update(name, 'utf8').digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** An OSCAL token (XML NCName) for a framework control, e.g. "soc2-cc6.1", "hipaa-164.312_d_". */
export function controlToken(framework: string, controlId: string): string {
  return `${framework}-${controlId}`.toLowerCase().replace(/[^a-z0-9._-]/g, '_');
}

/** OSCAL strings may not be empty or start/end with whitespace. */
function text(s: string | null | undefined, fallback = '-'): string {
  const t = (s ?? '').trim();
  return t || fallback;
}

const prop = (name: string, value: string | number) => ({ name, ns: NS, value: text(String(value)) });

function observation(c: CheckSummary, meta: SnapshotMeta, failing: string[]) {
  const uuid = uuid5(`${meta.snapshotId}/check/${c.id}`);
  const counts = c.counts;
  const remarks = [
    `Status: ${c.status}.${c.notAssessedReason ? ` Not assessed: ${c.notAssessedReason}` : ''}`,
    `Outcomes: fail ${counts.fail}, pass ${counts.pass}, exception ${counts.exception}, external ${counts.external}, not-applicable ${counts['not-applicable']}, not-assessed ${counts['not-assessed']}.`,
    failing.length ? `Failing entities (first ${failing.length}): ${failing.join('; ')}.` : '',
  ].filter(Boolean);
  return {
    uuid,
    title: text(c.title),
    description: text(c.description),
    props: [
      prop('check-id', c.id),
      prop('severity', c.severity),
      prop('status', c.status),
      prop('fail-count', counts.fail),
      prop('pass-count', counts.pass),
      ...c.references.map((r) => prop('reference', r)),
    ],
    methods: ['TEST'],
    types: [c.status === 'fail' ? 'finding' : 'control-objective'],
    'relevant-evidence': [
      {
        href: 'csv/check-results.csv',
        description: text(`Per-entity results with evidence: rows with checkId = ${c.id}.`),
      },
    ],
    collected: meta.collectionFinishedAt ?? meta.collectionStartedAt,
    remarks: remarks.join('\n'),
  };
}

function finding(ctl: ControlResult, observationOf: Map<string, string>, meta: SnapshotMeta) {
  const state = ctl.status === 'pass' || ctl.status === 'not-applicable' ? 'satisfied' : 'not-satisfied';
  const reason = ctl.status === 'pass' ? 'pass' : ctl.status === 'fail' || ctl.status === 'partial' ? 'fail' : 'other';
  const related = ctl.checkIds.map((id) => observationOf.get(id)).filter((u): u is string => !!u);
  return {
    uuid: uuid5(`${meta.snapshotId}/control/${ctl.framework}/${ctl.controlId}`),
    title: text(`${ctl.framework} ${ctl.controlId}: ${ctl.title}`),
    description: text(
      `Control ${ctl.controlId} of ${frameworkTitle(ctl.framework)}, evaluated from checks ${ctl.checkIds.join(', ') || '(none)'}; status ${ctl.status}.`,
    ),
    props: [
      prop('framework', ctl.framework),
      prop('control-id', ctl.controlId),
      prop('status', ctl.status),
      ...ctl.artifacts.map((a) => prop('artifact', a)),
    ],
    target: {
      type: 'objective-id',
      'target-id': controlToken(ctl.framework, ctl.controlId),
      description: text(`${ctl.framework} ${ctl.controlId}`),
      status: { state, reason },
    },
    ...(related.length ? { 'related-observations': related.map((u) => ({ 'observation-uuid': u })) } : {}),
  };
}

function frameworkTitle(id: string): string {
  return FRAMEWORKS.find((f) => f.id === id)?.title ?? id;
}

/** Builds the OSCAL document (a plain JSON value). */
export function assessmentResults(input: {
  meta: SnapshotMeta;
  run: CheckRun;
  toolVersion: string;
  now: Date;
  frameworks?: readonly string[];
}) {
  const { meta, run } = input;
  const wanted = input.frameworks?.length ? new Set(input.frameworks) : null;
  const controls = run.controls.filter((c) => !wanted || wanted.has(c.framework));
  const failing = new Map<string, string[]>();
  for (const r of run.results) {
    if (r.outcome !== 'fail') continue;
    const list = failing.get(r.checkId) ?? [];
    if (list.length < 20) list.push(r.entityName || r.entityId);
    failing.set(r.checkId, list);
  }
  const observations = run.checks.map((c) => observation(c, meta, failing.get(c.id) ?? []));
  const observationOf = new Map(run.checks.map((c, i) => [c.id, observations[i].uuid]));
  const toolUuid = uuid5('tool/entra-audit-desktop');
  const tenantUuid = uuid5(`tenant/${meta.tenantId}`);
  return {
    'assessment-results': {
      uuid: uuid5(`${meta.snapshotId}/assessment-results`),
      metadata: {
        title: text(`Entra ID security audit: ${meta.tenantName}`),
        'last-modified': input.now.toISOString(),
        version: text(`snapshot ${meta.snapshotId}`),
        'oscal-version': OSCAL_VERSION,
        props: [prop('tenant-id', meta.tenantId), prop('snapshot-content-hash', meta.contentHash ?? 'not recorded')],
        roles: [{ id: 'assessor', title: 'Assessor' }],
        parties: [
          { uuid: toolUuid, type: 'organization', name: `Entra Audit Desktop ${input.toolVersion}` },
          {
            uuid: tenantUuid,
            type: 'organization',
            name: text(meta.tenantName),
            'short-name': text(meta.primaryDomain),
          },
        ],
        'responsible-parties': [{ 'role-id': 'assessor', 'party-uuids': [toolUuid] }],
      },
      'import-ap': {
        href: `urn:entra-audit-desktop:check-catalogue:${input.toolVersion}`,
        remarks:
          'No separate assessment plan: the plan is the check catalogue of the tool version named here (checks.csv in the pack lists it).',
      },
      results: [
        {
          uuid: uuid5(`${meta.snapshotId}/result`),
          title: text(`Automated checks of ${meta.tenantName}`),
          description: text(
            `Read-only collection from Microsoft Graph (${meta.graphBaseUrl}) by ${meta.collectedBy}, evaluated by Entra Audit Desktop ${input.toolVersion}.`,
          ),
          start: meta.collectionStartedAt,
          ...(meta.collectionFinishedAt ? { end: meta.collectionFinishedAt } : {}),
          'reviewed-controls': {
            'control-selections': [
              controls.length
                ? {
                    'include-controls': controls.map((c) => ({ 'control-id': controlToken(c.framework, c.controlId) })),
                  }
                : { 'include-all': {} },
            ],
          },
          ...(observations.length ? { observations } : {}),
          ...(controls.length ? { findings: controls.map((c) => finding(c, observationOf, meta)) } : {}),
        },
      ],
    },
  };
}
