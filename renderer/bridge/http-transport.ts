/**
 * The HTTP transport: POST /api/<channel> on the page's own origin with the per-launch token the
 * `ui` command put in the URL fragment. The fragment is read once and removed from the address bar.
 */
import { CHANNEL_NAMES, type BridgeErrorCode, type Envelope } from '../../shared/ipc.js';
import type { EnvelopeBridge } from './envelope-bridge.js';

/** Reads `#token=...` from the location and clears it (so it is not left in history or screenshots). */
export function takeTokenFromFragment(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (!match) return sessionStorage.getItem('entra-audit-token');
  sessionStorage.setItem('entra-audit-token', match[1]);
  history.replaceState(null, '', window.location.pathname + window.location.search);
  return match[1];
}

/** Builds the envelope bridge over fetch. */
export function createHttpTransport(token: string): EnvelopeBridge {
  const call = async (name: string, input: unknown): Promise<Envelope<unknown>> => {
    let res: Response;
    try {
      res = await fetch(`api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      return {
        ok: false,
        error: {
          code: 'failed' as BridgeErrorCode,
          message: 'the app process is not reachable (was `entra-audit ui` stopped?)',
        },
      };
    }
    try {
      return (await res.json()) as Envelope<unknown>;
    } catch {
      return { ok: false, error: { code: 'failed', message: `unexpected answer (HTTP ${res.status})` } };
    }
  };
  return Object.fromEntries(
    CHANNEL_NAMES.map((name) => [name, (input: unknown) => call(name, input)]),
  ) as unknown as EnvelopeBridge;
}
