/**
 * The self-signed identity kept in the user's profile (default ~/.entra-audit/signer/), created on first use.
 *
 * Storage: `signer.p12` (key + certificate, PKCS#12 with AES-256 / PBES2) in a 0700 directory, file mode 0600.
 * The P12's random passphrase lives in a SecretStore: the Electron app passes one backed by safeStorage
 * (OS keychain); the CLI uses `fileSecretStore`, a 0600 file beside it — on a machine without a
 * keychain reachable from plain Node, the file mode is the protection (documented in README-pack.md).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir, hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { loadP12 } from './load-p12.js';
import { generateSelfSigned } from './self-signed.js';
import type { SignerIdentity } from './signer-identity.js';

/** Where a secret (the profile P12's passphrase) is kept; the app implements it with safeStorage. */
export interface SecretStore {
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
}

/** The default profile directory for the signer. */
export function defaultSignerDir(): string {
  return join(homedir(), '.entra-audit', 'signer');
}

/** A SecretStore of 0600 files in a 0700 directory (the CLI's choice; see the module doc). */
export function fileSecretStore(dir: string): SecretStore {
  return {
    async get(name) {
      const path = join(dir, `${name}.secret`);
      return existsSync(path) ? readFileSync(path, 'utf8').trim() : null;
    },
    async set(name, value) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      writeAtomically(join(dir, `${name}.secret`), Buffer.from(value, 'utf8'));
    },
  };
}

const P12_FILE = 'signer.p12';
const SECRET = 'signer-p12-passphrase';

/** Loads the profile identity, creating it (key, certificate, P12, secret) when there is none. */
export async function profileSigner(
  options: { dir?: string; secrets?: SecretStore; commonName?: string; now?: Date } = {},
): Promise<SignerIdentity> {
  const dir = options.dir ?? defaultSignerDir();
  const secrets = options.secrets ?? fileSecretStore(dir);
  const path = join(dir, P12_FILE);
  const passphrase = await secrets.get(SECRET);
  if (existsSync(path) && passphrase) return { ...loadP12(readFileSync(path), passphrase), selfSigned: true };

  const identity = generateSelfSigned({ commonName: options.commonName ?? defaultCommonName(), now: options.now });
  const secret = randomBytes(32).toString('base64url');
  const asn1 = forge.pkcs12.toPkcs12Asn1(identity.privateKey, [identity.certificate], secret, {
    algorithm: 'aes256',
    friendlyName: 'Entra Audit evidence signer',
  });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  await secrets.set(SECRET, secret);
  writeAtomically(path, Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'));
  return identity;
}

function defaultCommonName(): string {
  let user = 'consultant';
  try {
    user = userInfo().username;
  } catch {
    /* no passwd entry: keep the generic name */
  }
  return `Entra Audit evidence signer (${user}@${hostname()})`;
}

function writeAtomically(path: string, bytes: Buffer): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}
