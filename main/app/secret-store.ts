/**
 * Secrets the user asked us to remember (a client secret), encrypted with Electron's safeStorage
 * (DPAPI, Keychain, libsecret) in one file under the user's profile. Refuses when the OS offers no
 * encryption rather than writing plain text.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The part of Electron's safeStorage we use. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** A file of encrypted values, keyed by name. */
export function safeStorageSecrets(file: string, safeStorage: SafeStorageLike) {
  const read = (): Record<string, string> =>
    existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  return {
    async save(key: string, value: string): Promise<void> {
      if (!safeStorage.isEncryptionAvailable())
        throw new Error('the operating system offers no encrypted storage here: the secret was not saved');
      const all = read();
      all[key] = safeStorage.encryptString(value).toString('base64');
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      writeFileSync(`${file}.tmp`, JSON.stringify(all), { mode: 0o600 });
      renameSync(`${file}.tmp`, file);
    },
    async load(key: string): Promise<string | null> {
      const v = read()[key];
      if (!v || !safeStorage.isEncryptionAvailable()) return null;
      return safeStorage.decryptString(Buffer.from(v, 'base64'));
    },
  };
}
