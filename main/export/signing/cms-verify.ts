/**
 * Verifies a detached CMS SignedData (as made by cms-sign.ts, @signpdf or openssl cms -sign -binary):
 * the messageDigest attribute equals the content's digest, and the signature over the signed
 * attributes checks with the signer certificate's public key. node-forge cannot verify PKCS#7,
 * so the structure is walked here and the RSA check is Node's crypto.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import forge from 'node-forge';

export interface CmsVerification {
  ok: boolean;
  /** What failed, in words (empty when ok). */
  problem: string;
  /** The certificate that signed (when found). */
  signer: forge.pki.Certificate | null;
  signingTime: Date | null;
}

const HASHES: Record<string, string> = {
  [forge.pki.oids.sha256]: 'sha256',
  [forge.pki.oids.sha384]: 'sha384',
  [forge.pki.oids.sha512]: 'sha512',
  [forge.pki.oids.sha1]: 'sha1',
};

type Node = forge.asn1.Asn1;
const children = (n: Node | undefined): Node[] => (n && Array.isArray(n.value) ? (n.value as Node[]) : []);
const bytes = (n: Node | undefined): string => (n && typeof n.value === 'string' ? n.value : '');

/** Checks `der` is a valid detached signature of `content`. */
export function verifyDetached(der: Buffer, content: Buffer): CmsVerification {
  const fail = (problem: string, signer: forge.pki.Certificate | null = null): CmsVerification => ({ ok: false, problem, signer, signingTime: null });
  let root: Node;
  try {
    root = forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')), true);
  } catch (err) {
    return fail(`not a CMS structure (${err instanceof Error ? err.message : String(err)})`);
  }
  const [oid, explicit] = children(root);
  if (!oid || forge.asn1.derToOid(bytes(oid)) !== forge.pki.oids.signedData) return fail('not CMS SignedData');
  const signedData = children(children(explicit)[0]);
  const certsNode = signedData.find((n) => n.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && n.type === 0);
  const signerInfos = signedData[signedData.length - 1];
  const infos = children(signerInfos);
  if (infos.length !== 1) return fail(`expected exactly one signer, found ${infos.length}`);
  const certs: forge.pki.Certificate[] = [];
  try {
    for (const c of children(certsNode)) certs.push(forge.pki.certificateFromAsn1(c));
  } catch (err) {
    return fail(`embedded certificate unreadable (${err instanceof Error ? err.message : String(err)})`);
  }
  const info = children(infos[0]);
  const [, sid, digestAlg] = info;
  const attrsNode = info.find((n) => n.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && n.type === 0);
  const signature = info[info.length - 1];
  const [issuerNode, serialNode] = children(sid);
  const serialHex = forge.util.bytesToHex(bytes(serialNode));
  const signer =
    certs.find((c) => stripZeros(c.serialNumber) === stripZeros(serialHex) && issuerDer(c) === (issuerNode ? forge.asn1.toDer(issuerNode).getBytes() : '')) ?? null;
  if (!signer) return fail('the signer certificate is not in the signature');
  const hash = HASHES[forge.asn1.derToOid(bytes(children(digestAlg)[0]))];
  if (!hash) return fail('unsupported digest algorithm', signer);
  if (!attrsNode) return fail('no signed attributes', signer);

  let messageDigest: string | null = null;
  let signingTime: Date | null = null;
  for (const attr of children(attrsNode)) {
    const [type, values] = children(attr);
    const t = forge.asn1.derToOid(bytes(type));
    const v = children(values)[0];
    if (t === forge.pki.oids.messageDigest) messageDigest = bytes(v);
    if (t === forge.pki.oids.signingTime && v) signingTime = v.type === forge.asn1.Type.UTCTIME ? forge.asn1.utcTimeToDate(bytes(v)) : forge.asn1.generalizedTimeToDate(bytes(v));
  }
  if (messageDigest === null) return fail('no messageDigest attribute', signer);
  const actual = createHash(hash).update(content).digest();
  if (!actual.equals(Buffer.from(messageDigest, 'binary'))) return fail('the signed content does not match its digest (content changed)', signer);

  // The signature covers the DER of the attributes as a SET OF (tag 0x31), not the [0] IMPLICIT form.
  const attrsDer = Buffer.from(forge.asn1.toDer(attrsNode).getBytes(), 'binary');
  attrsDer[0] = 0x31;
  const key = createPublicKey(forge.pki.publicKeyToPem(signer.publicKey));
  const good = verify(hash, attrsDer, key, Buffer.from(bytes(signature), 'binary'));
  if (!good) return fail('the signature does not verify with the signer certificate', signer);
  return { ok: true, problem: '', signer, signingTime };
}

function issuerDer(cert: forge.pki.Certificate): string {
  const asn1 = forge.pki.certificateToAsn1(cert);
  const tbs = children(asn1)[0];
  const fields = children(tbs);
  // tbsCertificate: [0] version?, serial, sigAlg, issuer, ...
  const offset = fields[0].tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  return forge.asn1.toDer(fields[offset + 2]).getBytes();
}

function stripZeros(hex: string): string {
  return hex.toLowerCase().replace(/^(00)+/, '');
}
