/**
 * A self-signed signing certificate for consultants without one of their own.
 * Key usage digitalSignature + nonRepudiation and extended key usage emailProtection (+ codeSigning),
 * so `openssl cms -verify` accepts it without `-purpose any` and pdfsig shows the signature valid.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { fastSigningKey } from './node-rsa.js';
import type { SignerIdentity } from './signer-identity.js';

export interface SelfSignedOptions {
  /** Subject common name, e.g. "Entra Audit evidence signer (alice@laptop)". */
  commonName: string;
  now?: Date;
  /** Validity in years (default 10: packs are verified long after they are made). */
  years?: number;
}

/** Generates an RSA-3072 key (Node's crypto, fast) and a self-signed certificate for it. */
export function generateSelfSigned(options: SelfSignedOptions): SignerIdentity {
  const { privateKey: pem } = generateKeyPairSync('rsa', {
    modulusLength: 3072,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const privateKey = forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey;
  const publicKey = forge.pki.setRsaPublicKey(privateKey.n, privateKey.e);
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  const serial = randomBytes(16);
  serial[0] &= 0x7f;
  cert.serialNumber = serial.toString('hex');
  const now = options.now ?? new Date();
  cert.validity.notBefore = new Date(now.getTime() - 5 * 60_000);
  cert.validity.notAfter = new Date(now);
  cert.validity.notAfter.setUTCFullYear(now.getUTCFullYear() + (options.years ?? 10));
  const subject = [
    { name: 'commonName', value: options.commonName },
    { name: 'organizationName', value: 'Entra Audit Desktop (self-signed evidence signer)' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'extKeyUsage', emailProtection: true, codeSigning: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(fastSigningKey(privateKey), forge.md.sha256.create());
  return { certificate: cert, privateKey, chain: [], selfSigned: true };
}
