/**
 * Reads the consultant's PKCS#12 file (OpenSSL 1.x or 3.x defaults, 3DES or AES/PBES2) into a signer identity.
 * A wrong passphrase, a file that is not PKCS#12, or a P12 without a matching key and certificate
 * each give their own SignerError.
 */
import forge from 'node-forge';
import { SignerError, type SignerIdentity } from './signer-identity.js';

type Bag = { key?: forge.pki.PrivateKey; cert?: forge.pki.Certificate };

/** Parses a P12 and returns the key, its certificate and the other certificates as chain. */
export function loadP12(bytes: Buffer, passphrase: string): SignerIdentity {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(bytes.toString('binary')));
  } catch {
    throw new SignerError('not-p12', 'the signing certificate file is not a PKCS#12 (.p12/.pfx) file');
  }
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/mac could not be verified|invalid password/i.test(message)) {
      throw new SignerError(
        'bad-passphrase',
        'the passphrase does not open the signing certificate file (wrong passphrase?)',
      );
    }
    if (/pkcs#12|pfx|asn\.?1|unsupported|too few bytes/i.test(message)) {
      throw new SignerError('not-p12', `the signing certificate file is not a readable PKCS#12 file (${message})`);
    }
    throw new SignerError('unreadable', `the signing certificate file cannot be read: ${message}`);
  }
  const bags: Bag[] = [];
  for (const type of [forge.pki.oids.pkcs8ShroudedKeyBag, forge.pki.oids.keyBag, forge.pki.oids.certBag]) {
    const found = p12.getBags({ bagType: type })[type] ?? [];
    bags.push(...(found as Bag[]));
  }
  const keys = bags.map((b) => b.key).filter((k): k is forge.pki.PrivateKey => !!k);
  const certs = bags.map((b) => b.cert).filter((c): c is forge.pki.Certificate => !!c);
  if (keys.length === 0) {
    if (bags.length === 0 && certs.length === 0) {
      throw new SignerError(
        'bad-passphrase',
        'the signing certificate file opened but holds nothing readable (wrong passphrase?)',
      );
    }
    throw new SignerError(
      'no-private-key',
      'the signing certificate file holds no private key (export it with its key)',
    );
  }
  const key = keys[0] as forge.pki.rsa.PrivateKey;
  if (!key.n || !key.e) throw new SignerError('not-rsa', 'only RSA signing keys are supported');
  const certificate = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return !!pub.n && pub.n.compareTo(key.n) === 0 && pub.e.compareTo(key.e) === 0;
  });
  if (!certificate)
    throw new SignerError('no-certificate', 'the signing certificate file has no certificate matching its private key');
  return { certificate, privateKey: key, chain: certs.filter((c) => c !== certificate), selfSigned: false };
}
