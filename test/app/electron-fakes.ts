/**
 * A stand-in for the parts of Electron the shell touches, recording what the shell did with them
 * (window options, handlers, permission answers) so tests can assert the hardening. Electron's
 * binary cannot run here; the shell's logic runs unchanged against this.
 */
import { EventEmitter } from 'node:events';

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  reloaded = 0;
  setWindowOpenHandler(h: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = h;
  }
  reload() {
    this.reloaded++;
  }
  /** Emits an event the way Electron does, returning whether a handler prevented it. */
  fire(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

export function createFakeElectron() {
  const appEvents = new EventEmitter();
  const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
  const windows: { options: Record<string, unknown>; url: string | null; webContents: FakeWebContents }[] = [];
  const session = {
    permissionRequestHandler: null as null | ((c: unknown, p: string, cb: (ok: boolean) => void) => void),
    permissionCheckHandler: null as null | ((...a: unknown[]) => boolean),
    events: new EventEmitter(),
    setPermissionRequestHandler(h: (c: unknown, p: string, cb: (ok: boolean) => void) => void) {
      this.permissionRequestHandler = h;
    },
    setPermissionCheckHandler(h: (...a: unknown[]) => boolean) {
      this.permissionCheckHandler = h;
    },
    setDevicePermissionHandler() {},
    on(name: string, fn: (...a: unknown[]) => void) {
      this.events.on(name, fn);
    },
  };
  const opened: string[] = [];
  const fake = {
    app: {
      on: (name: string, fn: (...a: unknown[]) => void) => appEvents.on(name, fn),
      whenReady: async () => {},
      getPath: (name: string) => `/tmp/fake-electron/${name}`,
      getVersion: () => '0.1.0',
      getName: () => 'Entra Audit Desktop',
      quit: () => {},
      exit: () => {},
    },
    BrowserWindow: class {
      webContents = new FakeWebContents();
      private entry: (typeof windows)[number];
      constructor(options: Record<string, unknown>) {
        this.entry = { options, url: null, webContents: this.webContents };
        windows.push(this.entry);
        appEvents.emit('web-contents-created', {}, this.webContents);
      }
      once() {}
      show() {}
      async loadURL(url: string) {
        this.entry.url = url;
      }
    },
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, input: unknown) => Promise<unknown>) => handlers.set(channel, fn),
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    protocol: {
      privileged: [] as unknown[],
      handled: new Map<string, (req: { url: string }) => Promise<Response>>(),
      registerSchemesAsPrivileged(list: unknown[]) {
        this.privileged.push(...list);
      },
      handle(scheme: string, fn: (req: { url: string }) => Promise<Response>) {
        this.handled.set(scheme, fn);
      },
    },
    session: { defaultSession: session },
    shell: { openExternal: async (url: string) => void opened.push(url) },
    dialog: { showOpenDialog: async () => ({ canceled: false, filePaths: ['/picked/file.sqlite'] }) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => {} },
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (s: string) => Buffer.from(`enc:${s}`),
      decryptString: (b: Buffer) => b.toString().replace(/^enc:/, ''),
    },
  };
  return { fake, handlers, windows, session, appEvents, opened };
}
