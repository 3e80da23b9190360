/**
 * MSAL token cache persisted only encrypted. The app passes Electron safeStorage (OS keychain); the CLI
 * passes aesGcmCipher() with a 32-byte key kept in its own file (0600) beside the cache, so the refresh
 * token never sits on disk in clear text and neither file alone reveals it. The cache never goes into a
 * snapshot, log or pack.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';

/** Symmetric protection for the cache file (safeStorage in the app, AES-256-GCM in the CLI). */
export interface CacheCipher {
  encrypt(plain: Buffer): Buffer;
  decrypt(sealed: Buffer): Buffer;
}

/** AES-256-GCM: 12-byte IV | 16-byte tag | ciphertext. */
export function aesGcmCipher(key: Buffer): CacheCipher {
  if (key.length !== 32) throw new Error('AES-256-GCM needs a 32-byte key');
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt(sealed) {
      const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      d.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([d.update(sealed.subarray(28)), d.final()]);
    },
  };
}

/** Loads the CLI's cache key, creating a random one (mode 0600) on first use. */
export function loadOrCreateKey(path: string): Buffer {
  if (existsSync(path)) return readFileSync(path);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  writeFileSync(path, key, { mode: 0o600, flag: 'wx' });
  return key;
}

/** An MSAL cache plugin that reads and writes `path` through the cipher only. */
export function encryptedCachePlugin(path: string, cipher: CacheCipher): ICachePlugin {
  return {
    async beforeCacheAccess(ctx: TokenCacheContext) {
      if (!existsSync(path)) return;
      try {
        ctx.tokenCache.deserialize(cipher.decrypt(readFileSync(path)).toString('utf8'));
      } catch {
        // Unreadable (other key, corrupt): start with an empty cache; the user signs in again.
      }
    },
    async afterCacheAccess(ctx: TokenCacheContext) {
      if (!ctx.cacheHasChanged) return;
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, cipher.encrypt(Buffer.from(ctx.tokenCache.serialize(), 'utf8')), { mode: 0o600 });
      renameSync(tmp, path);
    },
  };
}
