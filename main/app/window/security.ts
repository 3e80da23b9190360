/**
 * Guards around every web contents and session: no navigation away from the app, no new windows,
 * no <webview>, every permission request denied, and an IPC sender check that accepts only our
 * app's own top frame.
 */
import type { Session, WebContents, WebFrameMain } from 'electron';

/** The origin the app's pages load from (the app:// protocol, see app-protocol.ts). */
export const APP_ORIGIN = 'app://entra-audit';

/** True when a URL belongs to our app (same scheme and host; nothing else). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** True when an IPC message comes from our app's top-level frame (not an iframe, not another page). */
export function isTrustedSender(frame: WebFrameMain | null | undefined): boolean {
  if (!frame) return false;
  if (frame.parent) return false;
  return isAppUrl(frame.url);
}

/** Denies navigation, new windows and webviews on one web contents. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Denies every permission request and check (camera, notifications, geolocation, ...). */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
  session.on('will-download', (event) => event.preventDefault());
}
