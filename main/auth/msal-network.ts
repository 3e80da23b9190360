/**
 * MSAL's network client over Node's https with an extra trusted CA (a local identity provider in tests,
 * a TLS-inspecting proxy's CA on a client site). MSAL's own client uses fetch, which cannot take a CA.
 * This talks only to the sign-in authority, never to Graph.
 */
import https from 'node:https';
import tls from 'node:tls';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

/** An INetworkModule that trusts the system roots plus `caCertPem`. */
export function httpsNetworkModule(caCertPem: string, timeoutMs = 30_000): INetworkModule {
  const agent = new https.Agent({ keepAlive: true, ca: [...tls.rootCertificates, caCertPem] });
  function send<T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { ...options?.headers };
      if (options?.body !== undefined) headers['content-length'] = String(Buffer.byteLength(options.body));
      const req = https.request(url, { method, agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // MSAL reads non-JSON bodies as errors itself.
          }
          const flat: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(', ') : v;
          resolve({ status: res.statusCode ?? 0, headers: flat, body: body as T });
        });
      });
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer from ${new URL(url).host} in ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end(options?.body);
    });
  }
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}
