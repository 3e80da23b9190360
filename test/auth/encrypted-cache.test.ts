import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { aesGcmCipher, encryptedCachePlugin, loadOrCreateKey } from '../../main/auth/encrypted-cache.js';
import type { TokenCacheContext } from '@azure/msal-node';

const dir = mkdtempSync(join(tmpdir(), 'entra-audit-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The two members of MSAL's TokenCacheContext the plugin uses, over a plain string store. */
function context(state: { data: string }, changed: boolean): TokenCacheContext {
  return {
    cacheHasChanged: changed,
    tokenCache: { serialize: () => state.data, deserialize: (s: string) => (state.data = s) },
  } as unknown as TokenCacheContext;
}

describe('encrypted token cache', () => {
  it('writes only ciphertext and reads it back with the same key', async () => {
    const keyPath = join(dir, 'cache.key');
    const key = loadOrCreateKey(keyPath);
    expect(key).toHaveLength(32);
    expect(loadOrCreateKey(keyPath).equals(key)).toBe(true);
    expect(statSync(keyPath).mode & 0o777).toBe(0o600);

    const cachePath = join(dir, 'msal-cache.bin');
    const secret = '{"RefreshToken":{"x":{"secret":"0.AVERY-SECRET-REFRESH-TOKEN"}}}';
    const plugin = encryptedCachePlugin(cachePath, aesGcmCipher(key));
    await plugin.afterCacheAccess(context({ data: secret }, true));
    const onDisk = readFileSync(cachePath);
    expect(onDisk.toString('latin1')).not.toContain('VERY-SECRET');
    expect(statSync(cachePath).mode & 0o777).toBe(0o600);

    const loaded = { data: '' };
    await plugin.beforeCacheAccess(context(loaded, false));
    expect(loaded.data).toBe(secret);

    const other = { data: '' };
    await encryptedCachePlugin(cachePath, aesGcmCipher(Buffer.alloc(32, 7))).beforeCacheAccess(context(other, false));
    expect(other.data).toBe('');
  });

  it('detects tampering (GCM tag) and refuses short keys', () => {
    const c = aesGcmCipher(Buffer.alloc(32, 1));
    const sealed = c.encrypt(Buffer.from('hello'));
    sealed[sealed.length - 1] ^= 1;
    expect(() => c.decrypt(sealed)).toThrow();
    expect(() => aesGcmCipher(Buffer.alloc(16))).toThrow(/32-byte/);
  });
});

describe('CLI cache location', () => {
  it('keeps cache and key in the user config folder, key created once', async () => {
    const { cliTokenCachePlugin, defaultConfigDir } = await import('../../main/auth/cli-helpers.js');
    expect(defaultConfigDir({ XDG_CONFIG_HOME: '/x/cfg' })).toBe('/x/cfg/entra-audit');
    const cfg = join(dir, 'cfg');
    const state = { data: '{"AccessToken":{"k":{"secret":"SECRET-ACCESS"}}}' };
    await cliTokenCachePlugin(cfg).afterCacheAccess(context(state, true));
    const back = { data: '' };
    await cliTokenCachePlugin(cfg).beforeCacheAccess(context(back, false));
    expect(back.data).toBe(state.data);
    expect(readFileSync(join(cfg, 'msal-cache.bin')).toString('latin1')).not.toContain('SECRET-ACCESS');
  });
});
