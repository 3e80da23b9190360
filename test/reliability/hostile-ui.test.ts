/// <reference lib="dom" />
/**
 * Hostile tenant text in the UI: the hostile snapshot (hostile-tenant.ts, collected over HTTPS by the
 * real collectors) opened for review in the real renderer, served by the HTTP bridge to headless
 * Chromium. On every data screen the payloads are text: no element is created from them (the
 * `<img onerror>` and `<script>` payloads would set window.__pwned), no dialog, console error, CSP
 * violation or page error, and the script payload can be found by searching for it.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_PERMISSIONS } from '../../main/auth/permissions.js';
import { startEmulator } from '../../main/demo/emulator/index.js';
import { generateTenant } from '../../main/demo/generator/index.js';
import { createGraphReader } from '../../main/graph/reader.js';
import { collectInto, TIME_SCALE } from '../collect/harness.js';
import { startHarness, type Harness } from '../e2e/harness.js';
import { tempDir } from './harness.js';
import { hostileTenant, PAYLOADS } from './hostile-tenant.js';

let h: Harness;
let snapshot: string;
let cleanup: () => void;

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  const generated = generateTenant({ users: 30, licence: 'p2', seed: 13 });
  const hostile = hostileTenant(generated.tenant);
  const emulator = await startEmulator({ tenant: hostile.tenant, timeScale: TIME_SCALE });
  const token = emulator.issueToken({ roles: [...SIGN_IN_PERMISSIONS] });
  const graph = createGraphReader({
    baseUrl: emulator.url,
    caCertPem: emulator.caCertPem,
    tokenProvider: { getToken: async () => token },
    timeScale: TIME_SCALE,
  });
  snapshot = join(t.dir, 'hostile.sqlite');
  await collectInto(
    { generated: { ...generated, tenant: hostile.tenant }, emulator, close: () => emulator.close() },
    graph,
    snapshot,
    { days: 3 },
  );
  graph.close();
  await emulator.close();
  h = await startHarness();
}, 180_000);

afterAll(async () => {
  await h?.close();
  cleanup?.();
});

/** Elements a payload would have created if it were parsed as HTML. */
async function injectedElements(): Promise<number> {
  return h.page.evaluate(() => document.querySelectorAll('img[src="x"], b, script:not([src])').length);
}

describe('hostile tenant text in the UI', () => {
  it('shows as text on every data screen; nothing runs', async () => {
    const page = h.page;
    await page.goto(h.web.url);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByLabel('Open snapshot').check();
    await page.getByLabel('Snapshot file').fill(snapshot);
    await page.getByRole('button', { name: 'Open for review' }).click();
    await page.getByRole('heading', { name: 'Overview', exact: true }).waitFor();
    expect(await injectedElements()).toBe(0);

    await page.getByRole('button', { name: 'Data', exact: true }).click();
    await page.locator('[role="tabpanel"]').first().waitFor();
    for (const tab of [
      'MFA registration',
      'Conditional access',
      'Sign-ins',
      'Groups and roles',
      'Enterprise apps',
      'Devices',
    ]) {
      await page.getByRole('tab', { name: tab }).click();
      await page.locator('[role="tabpanel"] table, [role="tabpanel"] article').first().waitFor();
      expect(await injectedElements(), tab).toBe(0);
    }
    await page.getByRole('tab', { name: 'Users' }).click();
    await page.getByLabel('Search').fill('window.__pwned');
    await page.getByRole('button', { name: PAYLOADS.script }).first().waitFor();
    await page.getByRole('button', { name: PAYLOADS.script }).first().click();
    await page.getByRole('heading', { name: PAYLOADS.script }).waitFor();
    expect(await injectedElements()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(h.problems).toEqual([]);
  }, 120_000);
});
