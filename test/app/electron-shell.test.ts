/**
 * The Electron shell's hardening, with Electron replaced by recording fakes: window options, denied
 * navigation / new windows / webviews / permissions, the app:// protocol, and IPC that refuses
 * foreign senders and invalid input before anything reaches the services.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, IPC_PREFIX, type Envelope } from '../../shared/ipc.js';
import type { ServiceBackend } from '../../main/app/backend.js';
import { registerSchemes, startShell } from '../../main/app/shell.js';
import type { HostCalls } from '../../main/app/worker/messages.js';
import { CONTENT_SECURITY_POLICY } from '../../main/app/window/csp.js';
import { createFakeElectron } from './electron-fakes.js';

const APP_FRAME = { url: 'app://entra-audit/index.html', parent: null };

function recordingBackend() {
  const calls: { channel: string; input: unknown }[] = [];
  const backend: ServiceBackend = {
    call: async (channel, input) => {
      calls.push({ channel, input });
      return { ok: true, result: { echoed: channel } };
    },
    close: async () => {},
  };
  return { backend, calls };
}

describe('Electron shell', () => {
  let env: ReturnType<typeof createFakeElectron>;
  let rec: ReturnType<typeof recordingBackend>;
  let hostCalls: HostCalls;
  let rendererDir: string;

  beforeEach(async () => {
    env = createFakeElectron();
    rec = recordingBackend();
    rendererDir = mkdtempSync(join(tmpdir(), 'ea-renderer-'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
    registerSchemes(env.fake as never);
    await startShell(env.fake as never, {
      rendererDir,
      preload: '/app/dist/electron/preload.cjs',
      makeBackend: (host) => {
        hostCalls = host;
        return rec.backend;
      },
    });
  });

  it('creates the window isolated, sandboxed, without Node, with web security and our preload only', () => {
    expect(env.windows).toHaveLength(1);
    const prefs = env.windows[0].options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/dist/electron/preload.cjs',
    });
    expect(env.windows[0].url).toBe('app://entra-audit/index.html');
  });

  it('denies navigation away from the app, redirects, webviews and every new window', () => {
    const wc = env.windows[0].webContents;
    expect(wc.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(wc.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(wc.fire('will-navigate', 'app://entra-audit.evil/index.html')).toBe(true);
    expect(wc.fire('will-navigate', 'app://entra-audit/index.html')).toBe(false);
    expect(wc.fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(wc.fire('will-attach-webview', {}, {})).toBe(true);
    expect(wc.windowOpenHandler?.({ url: 'https://login.microsoftonline.com/' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler?.({ url: 'app://entra-audit/index.html' })).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check, and downloads', () => {
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])
      env.session.permissionRequestHandler?.({}, p, (ok) => answers.push(ok));
    expect(answers).toEqual([false, false, false, false, false]);
    expect(env.session.permissionCheckHandler?.({}, 'media')).toBe(false);
    let prevented = false;
    env.session.events.emit('will-download', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it('serves the renderer on a privileged app:// scheme with the CSP, and nothing outside it', async () => {
    expect(env.fake.protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    const handle = env.fake.protocol.handled.get('app')!;
    const ok = await handle({ url: 'app://entra-audit/index.html' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(eval|inline)/);
    for (const url of [
      'app://entra-audit/../../etc/passwd',
      'app://entra-audit/%2e%2e/%2e%2e/etc/passwd',
      'app://entra-audit/missing.js',
    ]) {
      expect((await handle({ url })).status).toBe(404);
    }
  });

  it('registers exactly one handler per channel of the table', () => {
    expect([...env.handlers.keys()].sort()).toEqual(CHANNEL_NAMES.map((n) => IPC_PREFIX + n).sort());
  });

  it('refuses foreign senders before validating or calling the services', async () => {
    const invoke = env.handlers.get(`${IPC_PREFIX}appInfo`)!;
    const foreign = [
      { url: 'https://evil.example/', parent: null },
      { url: 'file:///tmp/index.html', parent: null },
      { url: 'app://entra-audit/index.html', parent: { url: 'app://entra-audit/index.html' } },
      null,
    ];
    for (const senderFrame of foreign) {
      const env2 = (await invoke({ senderFrame }, {})) as Envelope<unknown>;
      expect(env2).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(rec.calls).toHaveLength(0);
  });

  it('rejects invalid input with the zod schema and forwards valid input', async () => {
    const demo = env.handlers.get(`${IPC_PREFIX}connectDemo`)!;
    const bad = [
      undefined,
      null,
      'x',
      [],
      { users: 5, seed: 1, licence: 'p2' },
      { users: 100, seed: 1, licence: 'p3' },
      { users: 100, seed: 1, licence: 'p2', extra: true },
    ];
    for (const input of bad)
      expect(await demo({ senderFrame: APP_FRAME }, input)).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    expect(rec.calls).toHaveLength(0);
    expect(await demo({ senderFrame: APP_FRAME }, { users: 100, seed: 1, licence: 'p2' })).toEqual({
      ok: true,
      result: { echoed: 'connectDemo' },
    });
    expect(rec.calls).toEqual([{ channel: 'connectDemo', input: { users: 100, seed: 1, licence: 'p2' } }]);
  });

  it('opens only Microsoft sign-in and admin-consent URLs in the system browser', async () => {
    await hostCalls.openExternal('https://login.microsoftonline.com/contoso.onmicrosoft.com/adminconsent?client_id=x');
    await hostCalls.openExternal('https://login.microsoftonline.us/organizations/oauth2/v2.0/authorize?x=1');
    for (const url of [
      'https://evil.example/',
      'http://login.microsoftonline.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'https://login.microsoftonline.com.evil.example/',
      'https://user@login.microsoftonline.com/',
    ]) {
      await expect(hostCalls.openExternal(url)).rejects.toThrow(/only Microsoft/);
    }
    expect(env.opened).toHaveLength(2);
  });

  it('keeps remembered secrets encrypted through safeStorage', async () => {
    await hostCalls.secretSave('client-secret:t:c', 's3cret');
    expect(await hostCalls.secretLoad('client-secret:t:c')).toBe('s3cret');
  });
});
