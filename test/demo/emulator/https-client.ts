/**
 * A plain Node HTTPS client for the emulator tests: it trusts the emulator's certificate explicitly
 * (the `ca` option) and never turns verification off.
 */
import { request } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export interface CallOptions {
  method?: string;
  token?: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Abort after this many ms (the promise rejects). */
  timeoutMs?: number;
}

/** Send one request to `url` (absolute) trusting `ca`; resolves with the whole reply. */
export function call(ca: string, url: string, o: CallOptions = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.Authorization = `Bearer ${o.token}`;
    const payload = o.body === undefined ? undefined : JSON.stringify(o.body);
    if (payload) headers['Content-Type'] = 'application/json';
    const req = request(url, { method: o.method ?? 'GET', headers, ca, agent: false, timeout: o.timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('aborted', () => reject(new Error('response aborted')));
      res.on('end', () => {
        if (!res.complete) return reject(new Error('response incomplete'));
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('timeout', () => req.destroy(new Error('client timeout')));
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}
