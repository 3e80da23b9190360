/// <reference lib="dom" />
/**
 * e2e harness: builds the renderer with Vite into a temp folder, starts the app's services behind the
 * HTTP bridge (the `ui` command's session), and drives Debian's Chromium headless with playwright-core.
 * Also: an axe-core scan of the current page, and screenshots under /tmp/ui-shots/.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { startWebSession } from '../../main/app/web-session.js';

export const SHOTS = '/tmp/ui-shots';

export interface Harness {
  dir: string;
  web: Awaited<ReturnType<typeof startWebSession>>;
  browser: Browser;
  page: Page;
  /** Problems the page reported (console errors, CSP violations, uncaught errors, dialogs). */
  problems: string[];
  close(): Promise<void>;
}

/** Builds the renderer into `outDir` with the project's vite.config.ts. */
export async function buildRenderer(outDir: string): Promise<void> {
  await build({ configFile: resolve('vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

export async function startHarness(): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'ea-e2e-'));
  const staticDir = join(dir, 'renderer');
  await buildRenderer(staticDir);
  const web = await startWebSession({
    dataDir: join(dir, 'data'),
    staticDir,
    appVersion: '0.1.0-e2e',
    demoSpeedup: 200,
    signerDir: join(dir, 'signer'),
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text()))
      problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  mkdirSync(SHOTS, { recursive: true });
  return {
    dir,
    web,
    browser,
    page,
    problems,
    close: async () => {
      await browser.close();
      await web.close();
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** Runs axe-core in the page (evaluated through the devtools protocol, so the CSP stays strict). */
export async function axeScan(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, html: n.html.slice(0, 200) })),
    }));
  });
}

/** Serious and critical violations only (the bar for "axe clean"). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  return (await axeScan(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}
