/**
 * A review campaign on a snapshot collected from a generated tenant through the emulator: it lists
 * exactly who the generator gave access to (directly and through nested groups), with the evidence
 * the tenant holds, and its workbook round-trips into the review layer without changing the content hash.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTenant, type GeneratedTenant } from '../../main/demo/generator/index.js';
import { strongMethods } from '../../main/diff/strong-methods.js';
import { buildCampaign } from '../../main/reviews/campaign.js';
import { parseCsv } from '../../main/reviews/csv-parse.js';
import { ReviewLayer } from '../../main/reviews/review-store.js';
import { readWorkbook, writeWorkbook } from '../../main/reviews/workbook.js';
import { openSnapshot, verifyContentHash } from '../../main/store/index.js';
import { collectAndCheck } from '../diff/collect-tenant.js';
import { tempDir } from '../diff/sqlite-snapshot.js';

let gen: GeneratedTenant;
let path: string;
let dir: string;
let cleanup: () => void;
beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  gen = generateTenant({ users: 120, seed: 9, licence: 'p2' });
  path = join(dir, 'snap.sqlite');
  await collectAndCheck(gen.tenant, path, 'review');
});
afterAll(() => cleanup());

/** User ids reachable from a group through nested groups, from the generator's own membership map. */
function usersIn(groupId: string, seen = new Set<string>()): Set<string> {
  const users = new Set(gen.tenant.users.map((u) => u.id));
  const out = new Set<string>();
  for (const m of gen.tenant.groupMembers.get(groupId) ?? []) {
    if (users.has(m)) out.add(m);
    else if (!seen.has(m) && gen.tenant.groupMembers.has(m)) {
      seen.add(m);
      for (const x of usersIn(m, seen)) out.add(x);
    }
  }
  return out;
}

describe('review campaign on a collected snapshot', () => {
  it('lists exactly who has access to an SSO app and to Global Administrator, with their evidence', () => {
    const t = gen.tenant;
    const app = t.servicePrincipals.find((s) => s.preferredSingleSignOnMode === 'saml' && (t.appRoleAssignedTo.get(s.id) ?? []).some((a) => a.principalType === 'Group'))!;
    const expectedApp = new Set<string>();
    for (const a of t.appRoleAssignedTo.get(app.id)!) {
      if (a.principalType === 'Group') for (const u of usersIn(String(a.principalId))) expectedApp.add(u);
      else expectedApp.add(String(a.principalId));
    }
    const ga = t.roleDefinitions.find((d) => d.displayName === 'Global Administrator')!;
    const expectedGa = new Set<string>();
    for (const a of [...t.roleAssignments, ...t.roleEligibilitySchedules].filter((x) => x.roleDefinitionId === ga.id)) {
      const p = String(a.principalId);
      if (t.groupMembers.has(p)) for (const u of usersIn(p)) expectedGa.add(u);
      else expectedGa.add(p);
    }

    expect(expectedApp.size).toBeGreaterThan(1);
    expect(expectedGa.size).toBeGreaterThan(1);
    const reader = openSnapshot(path);
    const c = buildCampaign(reader, { apps: [String(app.appId)], roles: ['Global Administrator'] },
      { id: 'rc-e2e', name: 'e2e', createdAt: t.now, createdBy: 'test' });
    reader.close();
    expect(new Set(c.items.filter((i) => i.resourceType === 'application').map((i) => i.principalId))).toEqual(expectedApp);
    expect(new Set(c.items.filter((i) => i.resourceType === 'role').map((i) => i.principalId))).toEqual(expectedGa);
    expect(c.items.some((i) => i.grantedVia.includes('via group'))).toBe(true);

    for (const item of c.items.filter((i) => i.principalType === 'user')) {
      const u = t.users.find((x) => x.id === item.principalId)!;
      const activity = (u.signInActivity ?? {}) as Record<string, string | null>;
      const times = [activity.lastSignInDateTime, activity.lastNonInteractiveSignInDateTime].filter((x): x is string => !!x).sort();
      const reg = t.userRegistrationDetails.find((r) => r.id === u.id)!;
      expect(item.evidence).toMatchObject({
        upn: u.userPrincipalName, accountEnabled: u.accountEnabled, department: u.department ?? null,
        lastSignIn: times.length ? times[times.length - 1] : 'never',
        mfaMethods: strongMethods(reg.methodsRegistered as string[]).join(';') || 'none',
      });
    }
  });

  it('round-trips the workbook into the review layer and leaves the collected data and its hash as they were', () => {
    const reader = openSnapshot(path);
    const hash = reader.meta().contentHash;
    const c = buildCampaign(reader, { roles: ['Global Administrator'] }, { id: 'rc-2', name: 'GA', createdAt: gen.tenant.now, createdBy: 'test' });
    reader.close();
    const layer = ReviewLayer.open(path);
    layer.saveCampaign(c);
    const [header, ...rows] = parseCsv(writeWorkbook(c)).map((r) => r.cells);
    const filled = rows.map((r, i) => [...r.slice(0, -4), i % 2 ? 'remove' : 'keep', 'ciso@contoso.com', '2026-06-01', i % 2 ? 'no longer needed' : '']);
    const text = [header, ...filled].map((r) => r.map((x) => `"${x.replace(/"/g, '""')}"`).join(',')).join('\r\n');
    const imported = readWorkbook(text, c, new Date('2026-06-02T00:00:00Z'));
    expect(imported.errors).toEqual([]);
    expect(imported.decisions).toHaveLength(c.items.length);
    layer.recordDecisions(c.id, imported.decisions, 'ga.csv');
    expect(layer.decisions(c.id).map((d) => d.decision)).toEqual(c.items.map((_, i) => (i % 2 ? 'remove' : 'keep')));
    layer.close();
    const after = openSnapshot(path);
    expect(after.meta().contentHash).toBe(hash);
    expect(verifyContentHash(after).intact).toBe(true);
    after.close();
  });
});
