/**
 * The Electron shell, kept thin: hardens every web contents and the session, serves the renderer on
 * app://, registers the IPC channels in front of the service backend (a worker thread in the app),
 * opens the window and sets the menu. Electron is passed in, so tests run it with a mock.
 */
import type * as Electron from 'electron';
import { join } from 'node:path';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, serveAppRequest } from './app-protocol.js';
import type { ServiceBackend } from './backend.js';
import { registerIpc } from './ipc.js';
import { menuTemplate } from './menu.js';
import { safeStorageSecrets } from './secret-store.js';
import { isAllowedExternalUrl } from './services/external-urls.js';
import type { HostCalls, WorkerInit } from './worker/messages.js';
import { mainWindowOptions } from './window/options.js';
import { APP_ORIGIN, hardenSession, hardenWebContents } from './window/security.js';

type ElectronApi = Pick<
  typeof Electron,
  'app' | 'BrowserWindow' | 'ipcMain' | 'protocol' | 'session' | 'shell' | 'dialog' | 'Menu' | 'safeStorage'
>;

export interface ShellOptions {
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** The bundled preload script. */
  preload: string;
  /** Makes the backend the IPC handlers call (the worker thread in the app). */
  makeBackend(host: HostCalls, init: WorkerInit): ServiceBackend;
}

export interface Shell {
  window: Electron.BrowserWindow;
  backend: ServiceBackend;
}

/** Must run before the app is ready: the app:// scheme gets a real, secure origin. */
export function registerSchemes(e: Pick<ElectronApi, 'protocol'>): void {
  e.protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** Starts the app once Electron is ready. */
export async function startShell(e: ElectronApi, opts: ShellOptions): Promise<Shell> {
  e.app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  await e.app.whenReady();
  hardenSession(e.session.defaultSession);
  e.protocol.handle(APP_SCHEME, (request) => serveAppRequest(opts.rendererDir, request.url));

  let window: Electron.BrowserWindow | null = null;
  const secrets = safeStorageSecrets(join(e.app.getPath('userData'), 'secrets.json'), e.safeStorage);
  const host: HostCalls = {
    pickSnapshotFile: async () => {
      const r = await e.dialog.showOpenDialog(window!, {
        title: 'Open snapshot',
        properties: ['openFile'],
        filters: [{ name: 'Entra Audit snapshot', extensions: ['sqlite'] }],
      });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    pickDirectory: async () => {
      const r = await e.dialog.showOpenDialog(window!, {
        title: 'Choose a folder for the evidence pack',
        properties: ['openDirectory', 'createDirectory'],
      });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    openExternal: async (url) => {
      if (!isAllowedExternalUrl(url)) throw new Error('only Microsoft sign-in and admin-consent links are opened');
      await e.shell.openExternal(url);
    },
    secretSave: (key, value) => secrets.save(key, value),
    secretLoad: (key) => secrets.load(key),
  };
  const backend = opts.makeBackend(host, {
    appVersion: e.app.getVersion(),
    dataDir: join(e.app.getPath('documents'), 'Entra Audit'),
    nativeDialogs: true,
  });
  registerIpc(e.ipcMain, backend);

  window = new e.BrowserWindow(mainWindowOptions(opts.preload));
  window.once('ready-to-show', () => window?.show());
  await window.loadURL(`${APP_ORIGIN}/index.html`);

  const devTools = process.env.ENTRA_AUDIT_DEVTOOLS === '1';
  const openSnapshot = async () => {
    const path = await host.pickSnapshotFile();
    if (path) {
      await backend.call('snapshotOpen', { path });
      window?.webContents.reload();
    }
  };
  e.Menu.setApplicationMenu(
    e.Menu.buildFromTemplate(
      menuTemplate({
        isMac: process.platform === 'darwin',
        appName: e.app.getName(),
        devTools,
        onOpenSnapshot: () => void openSnapshot(),
      }),
    ),
  );

  e.app.on('window-all-closed', () => {
    void backend.close().finally(() => e.app.quit());
  });
  return { window, backend };
}
