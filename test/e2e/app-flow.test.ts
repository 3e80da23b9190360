/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The app in headless Chromium through the HTTP bridge, against real services: open the demo tenant,
 * collect with progress, read the overview, drill into a failing check and a user's evidence, add an
 * exception, browse the data screens, export a pack and see it verified; then open the saved snapshot
 * in review mode (read-only, integrity, who and when) and a tampered copy with hostile names. A
 * snapshot opens at once and its integrity and checks follow in the background, so what they decide
 * is awaited on screen. Every screen is scanned with axe-core and captured under /tmp/ui-shots/.
 */
import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, shot, startHarness, type Harness } from './harness.js';

let h: Harness;
const scanned: Record<string, string[]> = {};

async function checkScreen(name: string): Promise<void> {
  await h.page.waitForLoadState('networkidle');
  await shot(h.page, name);
  const v = await seriousViolations(h.page);
  scanned[name] = v.map((x) => `${x.id}: ${x.help} ${JSON.stringify(x.nodes)}`);
  expect(scanned[name], `axe on ${name}`).toEqual([]);
}

describe('app flow (e2e)', () => {
  beforeAll(async () => {
    h = await startHarness();
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });

  it('opens the demo tenant, collects with progress and shows the overview', async () => {
    const page = h.page;
    await page.goto(h.web.url);
    await page.getByRole('heading', { name: 'Connect', exact: true }).waitFor();
    expect(page.url()).not.toContain('token=');
    await expect(
      page
        .getByRole('table', { name: /Data access statement/ })
        .or(page.getByText('Email contents (Exchange)'))
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await checkScreen('01-connect');

    await page.getByLabel('Users').fill('300');
    await page.getByLabel('Licence').selectOption('p2');
    await page.getByRole('button', { name: 'Open the demo tenant' }).click();
    await page.getByRole('heading', { name: 'Collection', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Preflight', exact: true }).click();
    await page.getByRole('table', { name: /Datasets and whether/ }).waitFor();
    await checkScreen('02-preflight');
    await page.getByRole('button', { name: 'Continue to collection' }).click();
    await page.getByRole('button', { name: 'Start collection' }).click();
    await page
      .getByRole('table', { name: 'Progress per dataset' })
      .or(page.getByText('Progress per dataset'))
      .first()
      .waitFor();
    await shot(page, '03-collection-running');
    await page.getByRole('heading', { name: 'Collection finished', exact: true }).waitFor({ timeout: 120_000 });
    await checkScreen('04-collection-done');

    await page.getByRole('button', { name: 'View overview' }).click();
    await page.getByRole('heading', { name: 'Overview', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Failing checks by severity' }).waitFor();
    await checkScreen('05-overview');
  }, 240_000);

  it("goes from a failing check to a user's evidence, and records an exception", async () => {
    const page = h.page;
    await page
      .getByRole('button', { name: /MFA Registered for All Users/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'MFA Registered for All Users', exact: true }).waitFor();
    await page.getByRole('table', { name: /Results of this check/ }).waitFor();
    await checkScreen('06-check-detail');

    const firstUser = page
      .getByRole('table', { name: /Results of this check/ })
      .locator('tbody tr')
      .first()
      .getByRole('button')
      .first();
    const userName = await firstUser.innerText();
    await firstUser.click();
    await page.getByRole('heading', { name: 'Profile', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Check results' }).waitFor();
    await expect.poll(() => page.locator('main').innerText()).toContain(userName);
    await checkScreen('07-user-evidence');
    await page.getByRole('button', { name: '← Back' }).click();
    await page.getByRole('heading', { name: 'MFA Registered for All Users', exact: true }).waitFor();

    const failingBefore = await page
      .getByRole('table', { name: /Results of this check/ })
      .locator('tbody tr')
      .count();
    await page
      .getByRole('button', { name: `Add exception for ${userName}` })
      .first()
      .click();
    await page.getByLabel('Reason').fill('Service desk kiosk account; compensating control: badge-only room');
    await page.getByLabel('Approved by').fill('CISO Jane Roe');
    await checkScreen('08-exception-form');
    await page.getByRole('button', { name: 'Record exception' }).click();
    const exceptions = page.getByRole('table', { name: /Risk exceptions of this check/ });
    await exceptions.waitFor();
    await expect(exceptions.innerText()).resolves.toContain('CISO Jane Roe');
    await expect(exceptions.innerText()).resolves.toContain('In force');
    await page.getByRole('button', { name: /^Exception/ }).click();
    const results = page.getByRole('table', { name: /Results of this check/ });
    await expect.poll(() => results.locator('tbody tr').first().innerText()).toContain('Exception');
    await expect.poll(() => results.innerText()).toContain(userName);
    expect(failingBefore).toBeGreaterThan(0);
    await checkScreen('09-check-with-exception');

    await page.getByRole('button', { name: 'Checks', exact: true }).click();
    await page.getByRole('table', { name: 'Checks' }).waitFor();
    await checkScreen('10-checks-list');
    await page.getByRole('button', { name: 'Compliance', exact: true }).click();
    await page.getByRole('tablist', { name: 'Frameworks' }).waitFor();
    await checkScreen('11-compliance');
  }, 120_000);

  it('browses the data screens: users (virtualized, search, sort), MFA, policies in words, sign-ins, groups, apps, devices', async () => {
    const page = h.page;
    await page.getByRole('button', { name: 'Data', exact: true }).click();
    await page.getByRole('heading', { name: /^Users/ }).waitFor();
    const rows = page.locator('.vbody [role="row"]');
    await rows.first().locator('button').waitFor();
    const rendered = await rows.count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(120);
    await checkScreen('12-data-users');
    await page.getByRole('button', { name: 'User principal name' }).click();
    await page.getByRole('button', { name: 'User principal name' }).click();
    await expect(
      page.getByRole('columnheader', { name: /User principal name/ }).getAttribute('aria-sort'),
    ).resolves.toBe('descending');
    const firstName = await rows.first().locator('button').innerText();
    await page.getByLabel('Search').fill(firstName);
    await page.waitForFunction(
      (name) => [...document.querySelectorAll('.vbody [role="row"] button')].every((b) => b.textContent === name),
      firstName,
    );

    for (const [tab, name] of [
      ['MFA registration', '13-data-mfa'],
      ['Conditional access', '14-data-policies'],
      ['Sign-ins', '15-data-signins'],
      ['Groups and roles', '16-data-groups-roles'],
      ['Enterprise apps', '17-data-apps'],
      ['Devices', '18-data-devices'],
    ] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await page.locator('[role="tabpanel"] table, [role="tabpanel"] article').first().waitFor();
      await checkScreen(name);
    }
    await page.getByRole('tab', { name: 'Conditional access' }).click();
    await page.getByText('Excluded').first().waitFor();
    await page.getByRole('tab', { name: 'Sign-ins' }).click();
    await page.getByLabel('Result').selectOption('failure');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[role="tabpanel"] tbody tr td:nth-child(4)')].every((td) =>
        td.textContent?.startsWith('Failure'),
      ),
    );
  }, 120_000);

  it('exports a signed pack and shows its verification', async () => {
    const page = h.page;
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('heading', { name: 'Evidence pack' }).waitFor();
    await page.getByLabel(/SOC 2/).waitFor();
    await checkScreen('19-export-form');
    await page.getByRole('button', { name: 'Export and verify' }).click();
    await page.getByRole('heading', { name: 'Pack written and verified' }).waitFor({ timeout: 120_000 });
    const lines = await page.locator('.verify-list li').allInnerTexts();
    expect(lines.some((l) => /File hashes/.test(l))).toBe(true);
    expect(lines.some((l) => /Manifest signature/.test(l))).toBe(true);
    expect(lines.some((l) => /PDF signature/.test(l))).toBe(true);
    expect(await page.locator('.verify-list li.bad').count()).toBe(0);
    await checkScreen('20-export-verified');
  }, 180_000);

  it('opens the saved snapshot in review mode: read-only, integrity verified, who and when', async () => {
    const page = h.page;
    const state = await page.evaluate(async () => {
      const token = sessionStorage.getItem('entra-audit-token');
      const r = await fetch('api/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: '{}',
      });
      return (await r.json()) as { result: { snapshot: { path: string; meta: { collectedBy: string } } } };
    });
    const path = state.result.snapshot.path;
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByLabel('Open snapshot').check();
    await page.getByLabel('Snapshot file').fill(path);
    await page.getByRole('button', { name: 'Open for review' }).click();
    await page.getByRole('heading', { name: 'Overview', exact: true }).waitFor();
    const banner = page.getByRole('region', { name: 'Session' });
    await expect(banner.innerText()).resolves.toMatch(/Review mode · read-only/);
    await expect.poll(() => banner.innerText(), { timeout: 30_000 }).toMatch(/Integrity verified/);
    await expect(banner.innerText()).resolves.toContain(`Collected by ${state.result.snapshot.meta.collectedBy}`);
    const facts = page.getByRole('region', { name: 'About this snapshot' });
    await expect.poll(() => facts.innerText()).toMatch(/Intact: the content hash recomputed now matches/);
    await page.getByRole('heading', { name: 'Failing checks by severity' }).waitFor();
    await expect.poll(() => banner.innerText()).not.toMatch(/Running checks/);
    await checkScreen('21-review-overview');
    await page.getByRole('button', { name: 'Checks', exact: true }).click();
    await page.getByRole('button', { name: 'MFA Registered for All Users' }).click();
    await page.getByRole('table', { name: /Risk exceptions of this check/ }).waitFor();
    expect(await page.getByRole('button', { name: /Add exception/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Accept the risk/ }).count()).toBe(0);
    await checkScreen('22-review-check-read-only');
  }, 60_000);

  it('shows a tampered snapshot as altered and renders hostile names as text', async () => {
    const page = h.page;
    const state = await page.evaluate(async () => {
      const token = sessionStorage.getItem('entra-audit-token');
      const r = await fetch('api/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: '{}',
      });
      return (await r.json()) as { result: { snapshot: { path: string } } };
    });
    const tampered = join(h.dir, 'tampered.sqlite');
    copyFileSync(state.result.snapshot.path, tampered);
    const hostile = `<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2</script>‮evil`;
    const db = new Database(tampered);
    db.prepare(
      'UPDATE users SET displayName = ?, department = ? WHERE rowid IN (SELECT rowid FROM users ORDER BY displayName LIMIT 3)',
    ).run(hostile, '=HYPERLINK("http://x")');
    db.close();

    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByLabel('Open snapshot').check();
    await page.getByLabel('Snapshot file').fill(tampered);
    await page.getByRole('button', { name: 'Open for review' }).click();
    await page.getByRole('heading', { name: 'Overview', exact: true }).waitFor();
    await expect
      .poll(() => page.getByRole('region', { name: 'Session' }).innerText(), { timeout: 30_000 })
      .toMatch(/Altered since collection/);
    await expect
      .poll(() => page.getByRole('region', { name: 'About this snapshot' }).innerText())
      .toMatch(/Altered: the content no longer matches/);
    await shot(page, '23-review-tampered-overview');
    await page.getByRole('button', { name: 'Data', exact: true }).click();
    await page.getByLabel('Search').fill('onerror');
    await page.getByRole('button', { name: hostile }).first().waitFor();
    await shot(page, '24-review-tampered-hostile');
    expect(await page.locator('.vbody img, .vbody script').count()).toBe(0);
    await page.getByRole('button', { name: hostile }).first().click();
    await page.getByRole('heading', { name: hostile }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await checkScreen('25-user-evidence-hostile');
  }, 60_000);

  it('works from the keyboard: skip link, screen navigation, tabs with arrow keys', async () => {
    const page = h.page;
    // A reload keeps the session (token in sessionStorage, snapshot in main); focus goes to the screen title.
    await page.reload();
    await page.getByRole('heading', { name: 'Overview', exact: true }).waitFor();
    const active = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent);
    await expect.poll(active).toBe('page-title');
    for (const expected of ['Diff', 'Export', 'Compliance', 'Data']) {
      await page.keyboard.press('Shift+Tab');
      expect(await active()).toBe(expected);
    }
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: 'Users' }).waitFor();
    await expect.poll(active).toBe('page-title');
    for (let i = 0; i < 10; i++) await page.keyboard.press('Shift+Tab');
    expect(await active()).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await active()).toBe('main');
    await page.getByRole('tab', { name: 'Users' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'MFA registration' }).getAttribute('aria-selected')).resolves.toBe(
      'true',
    );
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('MFA registration');
    await page.keyboard.press('End');
    await expect(page.getByRole('tab', { name: 'Devices' }).getAttribute('aria-selected')).resolves.toBe('true');
  }, 60_000);

  it('reported no console errors, CSP violations, script dialogs or page errors', () => {
    expect(h.problems).toEqual([]);
  });
});
