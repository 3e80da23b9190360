/**
 * The HTTP bridge: the same channel table as the Electron IPC, served on 127.0.0.1 so the renderer
 * runs in a browser against real main services (UI development, e2e tests, `npm run dev:web`).
 * POST /api/<channel> with `Authorization: Bearer <token>` (a random per-launch token) and a JSON
 * body; the built renderer is served from `/` with the app's CSP. Loopback only, no CORS, Host
 * checked (DNS rebinding), bodies capped.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { dispatch, type Handlers } from './services/dispatch.js';
import { CONTENT_SECURITY_POLICY } from './window/csp.js';

export interface HttpBridgeOptions {
  handlers: Handlers;
  /** The built renderer (dist/renderer); omitted = API only. */
  staticDir?: string;
  /** 0 / undefined = a random free port. */
  port?: number;
}

export interface HttpBridge {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** The URL to open: the app with the token in the fragment (never sent to the server in requests). */
  url: string;
  token: string;
  close(): Promise<void>;
}

/** Largest request body accepted (a channel input is small; this stops memory abuse). */
export const MAX_BODY_BYTES = 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/** Starts the bridge on 127.0.0.1. */
export async function startHttpBridge(opts: HttpBridgeOptions): Promise<HttpBridge> {
  const token = randomBytes(32).toString('base64url');
  const expected = Buffer.from(`Bearer ${token}`);
  let host = '';

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'failed', message: 'internal error' } });
      else res.end();
      console.error('http bridge:', err instanceof Error ? err.message : err);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.host !== host)
      return send(res, 421, { ok: false, error: { code: 'forbidden', message: 'wrong Host' } });
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname.startsWith('/api/')) return api(req, res, url.pathname.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, { ok: false, error: { code: 'forbidden', message: 'method not allowed' } });
    return serveStatic(res, url.pathname);
  }

  async function api(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    const auth = Buffer.from(req.headers.authorization ?? '');
    if (auth.length !== expected.length || !timingSafeEqual(auth, expected)) {
      req.resume();
      return send(res, 401, { ok: false, error: { code: 'forbidden', message: 'missing or wrong bridge token' } });
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`)
      return send(res, 403, { ok: false, error: { code: 'forbidden', message: 'foreign origin' } });
    if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'forbidden', message: 'use POST' } });
    if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
      return send(res, 415, { ok: false, error: { code: 'invalid-input', message: 'send application/json' } });
    let body: unknown;
    try {
      const text = await readBody(req);
      body = text === '' ? {} : JSON.parse(text);
    } catch (err) {
      return send(res, 400, {
        ok: false,
        error: {
          code: 'invalid-input',
          message: (err as Error).message === 'too large' ? 'request body too large' : 'the body is not JSON',
        },
      });
    }
    const envelope = await dispatch(opts.handlers, decodeURIComponent(channel), body);
    send(
      res,
      envelope.ok
        ? 200
        : envelope.error.code === 'invalid-input'
          ? 400
          : envelope.error.code === 'not-found'
            ? 404
            : 200,
      envelope,
    );
  }

  function serveStatic(res: ServerResponse, pathname: string): void {
    if (!opts.staticDir)
      return send(res, 404, { ok: false, error: { code: 'not-found', message: 'no renderer served here' } });
    const root = normalize(opts.staticDir);
    let rel: string;
    try {
      rel = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    } catch {
      return send(res, 400, { ok: false, error: { code: 'invalid-input', message: 'bad path' } });
    }
    const file = normalize(join(root, rel));
    if (!file.startsWith(root + sep) || rel.includes('\0'))
      return send(res, 404, { ok: false, error: { code: 'not-found', message: 'not found' } });
    let size: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new Error('not a file');
      size = st.size;
    } catch {
      return send(res, 404, { ok: false, error: { code: 'not-found', message: 'not found' } });
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Content-Length': size,
    });
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  const origin = `http://${host}`;
  return {
    origin,
    url: `${origin}/#token=${token}`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        req.destroy();
        reject(new Error('too large'));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
