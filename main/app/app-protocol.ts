/**
 * The app:// protocol: serves the built renderer (dist/renderer) with the app's CSP, so pages have a
 * real origin (module scripts work, the IPC sender check has something to check) and nothing else
 * on disk is reachable.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './window/csp.js';

export const APP_SCHEME = 'app';

/** What registerSchemesAsPrivileged needs (called before the app is ready). */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Answers one app:// request from `root` (a file under it, or 404). */
export async function serveAppRequest(root: string, url: string): Promise<Response> {
  const base = normalize(root);
  let path: string;
  try {
    const u = new URL(url);
    path = decodeURIComponent(u.pathname === '/' ? '/index.html' : u.pathname);
  } catch {
    return new Response('bad request', { status: 400 });
  }
  const file = normalize(join(base, path));
  if (!file.startsWith(base + sep) || path.includes('\0')) return new Response('not found', { status: 404 });
  try {
    const body = await readFile(file);
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch {
    return new Response('not found', { status: 404 });
  }
}
