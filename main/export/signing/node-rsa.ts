/**
 * RSA signing through Node's crypto instead of node-forge's JavaScript big integers (about 50×
 * faster for a 3072-bit key). Gives forge an object with the `sign(md)` it calls when signing a
 * certificate or a PKCS#7 SignerInfo: RSASSA-PKCS1-v1_5 over forge's finished digest.
 */
import { createPrivateKey, privateEncrypt, constants, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

/** DER prefixes of DigestInfo (RFC 8017, 9.2 note 1) per digest. */
const DIGEST_INFO: Record<string, string> = {
  sha256: '3031300d060960864801650304020105000420',
  sha384: '3041300d060960864801650304020205000430',
  sha512: '3051300d060960864801650304020305000440',
};

const cache = new WeakMap<object, KeyObject>();

/** A forge-compatible signing key backed by Node's crypto. */
export function fastSigningKey(key: forge.pki.rsa.PrivateKey): forge.pki.rsa.PrivateKey {
  let keyObject = cache.get(key);
  if (!keyObject) {
    keyObject = createPrivateKey(forge.pki.privateKeyToPem(key));
    cache.set(key, keyObject);
  }
  const node = keyObject;
  return Object.assign(Object.create(key) as forge.pki.rsa.PrivateKey, {
    sign(md: forge.md.MessageDigest): forge.Bytes {
      const prefix = DIGEST_INFO[md.algorithm];
      if (!prefix) throw new Error(`unsupported digest ${md.algorithm}`);
      const info = Buffer.concat([Buffer.from(prefix, 'hex'), Buffer.from(md.digest().getBytes(), 'binary')]);
      return privateEncrypt({ key: node, padding: constants.RSA_PKCS1_PADDING }, info).toString('binary');
    },
  });
}
