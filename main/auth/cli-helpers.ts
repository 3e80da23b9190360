/**
 * What the CLI needs around interactive sign-in: open the system browser, and an encrypted token cache
 * in the user's config folder (AES-256-GCM, key in a separate 0600 file; see encrypted-cache.ts).
 * The Electron app uses shell.openExternal and safeStorage instead.
 */
import { spawn } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ICachePlugin } from '@azure/msal-node';
import { aesGcmCipher, encryptedCachePlugin, loadOrCreateKey } from './encrypted-cache.js';

/** Opens a URL in the default browser (xdg-open, open, or start), without a shell. */
export function openSystemBrowser(url: string): Promise<void> {
  if (!/^https:\/\//.test(url)) return Promise.reject(new Error('only https sign-in URLs are opened'));
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
        : ['xdg-open', [url]];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.once('error', (e) => reject(new Error(`could not open a browser (${e.message}); open this URL yourself: ${url}`)));
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

/** The CLI's config folder: $XDG_CONFIG_HOME/entra-audit, %APPDATA%\entra-audit, or ~/.config/entra-audit. */
export function defaultConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.XDG_CONFIG_HOME) return join(env.XDG_CONFIG_HOME, 'entra-audit');
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'entra-audit');
  return join(homedir(), '.config', 'entra-audit');
}

/** The CLI's encrypted MSAL cache: msal-cache.bin sealed with the key in cache.key (both 0600). */
export function cliTokenCachePlugin(dir = defaultConfigDir()): ICachePlugin {
  return encryptedCachePlugin(join(dir, 'msal-cache.bin'), aesGcmCipher(loadOrCreateKey(join(dir, 'cache.key'))));
}
