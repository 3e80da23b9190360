import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { signDetached } from '../../../main/export/signing/cms-sign.js';
import { verifyDetached } from '../../../main/export/signing/cms-verify.js';
import { loadP12 } from '../../../main/export/signing/load-p12.js';
import { profileSigner, type SecretStore } from '../../../main/export/signing/profile-signer.js';
import { generateSelfSigned } from '../../../main/export/signing/self-signed.js';
import { certificateFingerprint, certificatePem, SignerError } from '../../../main/export/signing/signer-identity.js';

const dir = mkdtempSync(join(tmpdir(), 'signing-'));
const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

beforeAll(() => {
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'k.pem',
    '-out',
    'c.pem',
    '-subj',
    '/CN=Jane Consultant/O=Audit LLP',
    '-days',
    '30',
  );
  openssl('pkcs12', '-export', '-inkey', 'k.pem', '-in', 'c.pem', '-out', 'id.p12', '-passout', 'pass:s3cret');
  openssl('pkcs12', '-export', '-nokeys', '-in', 'c.pem', '-out', 'certonly.p12', '-passout', 'pass:s3cret');
});

function expectSignerError(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(SignerError);
    expect((err as SignerError).code).toBe(code);
    return;
  }
  throw new Error(`expected SignerError ${code}`);
}

describe('consultant P12 (made by OpenSSL 3)', () => {
  it('loads key and certificate with the right passphrase', () => {
    const id = loadP12(readFileSync(join(dir, 'id.p12')), 's3cret');
    expect(id.certificate.subject.getField('CN').value).toBe('Jane Consultant');
    expect(id.selfSigned).toBe(false);
    const opensslFp = openssl('x509', '-in', 'c.pem', '-noout', '-fingerprint', '-sha256')
      .toString()
      .split('=')[1]
      .trim()
      .replace(/:/g, '')
      .toLowerCase();
    expect(certificateFingerprint(id.certificate)).toBe(opensslFp);
  });
  it('names a wrong passphrase', () =>
    expectSignerError(() => loadP12(readFileSync(join(dir, 'id.p12')), 'nope'), 'bad-passphrase'));
  it('names a broken file', () => {
    const bytes = readFileSync(join(dir, 'id.p12'));
    expectSignerError(() => loadP12(bytes.subarray(0, bytes.length / 2), 's3cret'), 'not-p12');
    expectSignerError(() => loadP12(Buffer.from('not a p12 at all'), 's3cret'), 'not-p12');
  });
  it('names a P12 without a private key', () =>
    expectSignerError(() => loadP12(readFileSync(join(dir, 'certonly.p12')), 's3cret'), 'no-private-key'));
});

describe('detached CMS', () => {
  const id = generateSelfSigned({ commonName: 'Test signer' });
  const content = Buffer.from('{"hello":"wörld"}\n');
  const p7s = signDetached(content, id);
  writeFileSync(join(dir, 'm.json'), content);
  writeFileSync(join(dir, 'm.json.p7s'), p7s);
  writeFileSync(join(dir, 'signer.pem'), certificatePem(id.certificate));
  const cms = (extra: string[], file = 'm.json') =>
    spawnSync(
      'openssl',
      [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        'm.json.p7s',
        '-content',
        file,
        '-CAfile',
        'signer.pem',
        ...extra,
        '-out',
        '/dev/null',
      ],
      { cwd: dir },
    );

  it('verifies with our verifier and with openssl cms (also without -purpose any)', () => {
    expect(verifyDetached(p7s, content)).toMatchObject({ ok: true });
    expect(cms(['-purpose', 'any']).status).toBe(0);
    expect(cms([]).status).toBe(0);
  });
  it('fails for changed content, in both', () => {
    const changed = Buffer.from(content);
    changed[3] ^= 1;
    writeFileSync(join(dir, 'changed.json'), changed);
    expect(verifyDetached(p7s, changed)).toMatchObject({ ok: false, problem: expect.stringMatching(/digest/) });
    expect(cms(['-purpose', 'any'], 'changed.json').status).not.toBe(0);
  });
  it('fails for a changed signature byte', () => {
    const bad = Buffer.from(p7s);
    bad[bad.length - 10] ^= 0x40;
    expect(verifyDetached(bad, content).ok).toBe(false);
  });
  it('every single-byte change of the signature is caught (bad signature or another signer)', () => {
    const fp = certificateFingerprint(id.certificate);
    for (let i = 0; i < p7s.length; i++) {
      const bad = Buffer.from(p7s);
      bad[i] ^= 0x01;
      const r = verifyDetached(bad, content);
      const caught = !r.ok || r.signerFingerprint !== fp;
      expect(caught, `byte ${i}`).toBe(true);
    }
  });
  it('reads a signature openssl made from the consultant key', () => {
    openssl(
      'cms',
      '-sign',
      '-binary',
      '-outform',
      'DER',
      '-in',
      'm.json',
      '-signer',
      'c.pem',
      '-inkey',
      'k.pem',
      '-out',
      'o.p7s',
    );
    const r = verifyDetached(readFileSync(join(dir, 'o.p7s')), content);
    expect(r).toMatchObject({ ok: true });
    expect(r.signer?.subject.getField('CN').value).toBe('Jane Consultant');
  });
});

describe('profile signer', () => {
  it('creates a protected identity once and reuses it', async () => {
    const profile = join(dir, 'profile', 'signer');
    const a = await profileSigner({ dir: profile, commonName: 'Profile test' });
    const b = await profileSigner({ dir: profile });
    expect(certificateFingerprint(b.certificate)).toBe(certificateFingerprint(a.certificate));
    expect(b.selfSigned).toBe(true);
    expect(statSync(profile).mode & 0o777).toBe(0o700);
    for (const f of readdirSync(profile)) {
      expect(statSync(join(profile, f)).mode & 0o777).toBe(0o600);
      expect(readFileSync(join(profile, f), 'latin1')).not.toContain('PRIVATE KEY');
    }
    // The P12 on disk is encrypted: OpenSSL opens it only with the stored passphrase.
    const pass = readFileSync(join(profile, 'signer-p12-passphrase.secret'), 'utf8');
    expect(
      spawnSync('openssl', ['pkcs12', '-in', join(profile, 'signer.p12'), '-passin', 'pass:wrong', '-nokeys'], {
        stdio: 'pipe',
      }).status,
    ).not.toBe(0);
    expect(
      spawnSync('openssl', ['pkcs12', '-in', join(profile, 'signer.p12'), '-passin', `pass:${pass}`, '-nokeys'], {
        stdio: 'pipe',
      }).status,
    ).toBe(0);
  });
  it('keeps the passphrase in an injected secret store when given one', async () => {
    const kept = new Map<string, string>();
    const secrets: SecretStore = { get: async (n) => kept.get(n) ?? null, set: async (n, v) => void kept.set(n, v) };
    const profile = join(dir, 'profile2');
    const a = await profileSigner({ dir: profile, secrets, commonName: 'Injected' });
    expect(readdirSync(profile)).toEqual(['signer.p12']);
    expect(kept.size).toBe(1);
    const b = await profileSigner({ dir: profile, secrets });
    expect(certificateFingerprint(b.certificate)).toBe(certificateFingerprint(a.certificate));
  });
});
