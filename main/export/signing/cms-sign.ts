/**
 * Detached CMS (PKCS#7 SignedData, DER) over some bytes, SHA-256 with RSA, signed attributes
 * contentType + signingTime + messageDigest. The same structure signs manifest.json
 * (manifest.json.p7s) and the PDF (adbe.pkcs7.detached), so one verifier checks both.
 */
import forge from 'node-forge';
import { fastSigningKey } from './node-rsa.js';
import type { SignerIdentity } from './signer-identity.js';

/** Signs `content` and returns the detached CMS signature as DER bytes. */
export function signDetached(content: Buffer, identity: SignerIdentity, signingTime: Date = new Date()): Buffer {
  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer(content.toString('binary'));
  p7.addCertificate(identity.certificate);
  for (const c of identity.chain) p7.addCertificate(c);
  p7.addSigner({
    key: fastSigningKey(identity.privateKey),
    certificate: identity.certificate,
    digestAlgorithm: forge.pki.oids.sha256,
    authenticatedAttributes: [
      { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
      { type: forge.pki.oids.signingTime, value: signingTime as unknown as string },
      { type: forge.pki.oids.messageDigest },
    ],
  });
  p7.sign({ detached: true });
  return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
}
