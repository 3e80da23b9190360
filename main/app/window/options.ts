/**
 * The main window's options, hardened per Electron's security checklist: isolated, sandboxed
 * renderer without Node, web security on, no remote content features, our preload only.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

/** Web preferences every window of ours gets. */
export function secureWebPreferences(
  preloadPath: string,
): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    devTools: process.env.ENTRA_AUDIT_DEVTOOLS === '1',
  };
}

/** The main window. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 880,
    minWidth: 980,
    minHeight: 640,
    show: false,
    title: 'Entra Audit Desktop',
    backgroundColor: '#f5f7fa',
    webPreferences: secureWebPreferences(preloadPath),
  };
}
