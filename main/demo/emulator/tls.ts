/**
 * The emulator's TLS identity: a self-signed certificate made at start, valid for 127.0.0.1 and
 * localhost, that clients trust explicitly (NODE_EXTRA_CA_CERTS or an https.Agent `ca`), so nobody
 * ever needs to turn TLS verification off.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

export interface TlsIdentity {
  certPem: string;
  keyPem: string;
}

/** A fresh key pair and a self-signed CA-capable server certificate (SAN IP:127.0.0.1, DNS:localhost). */
export function createTlsIdentity(): TlsIdentity {
  // Node's key generation is native and fast; forge only builds and signs the certificate.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const pubPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(pubPem);
  cert.serialNumber = '01' + randomBytes(15).toString('hex');
  const now = Date.now();
  cert.validity.notBefore = new Date(now - 60 * 60 * 1000);
  cert.validity.notAfter = new Date(now + 30 * 24 * 60 * 60 * 1000);
  const subject = [
    { name: 'commonName', value: 'Entra Audit Graph emulator' },
    { name: 'organizationName', value: 'Entra Audit Desktop (demo)' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 7, ip: '127.0.0.1' },
        { type: 2, value: 'localhost' },
      ],
    },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(keyPem), forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem };
}
