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
  /** SHA-256 (hex) of that certificate's bytes exactly as embedded in the signature. */
  signerFingerprint: string | null;
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
  let signerFingerprint: string | null = null;
  const fail = (problem: string, signer: forge.pki.Certificate | null = null): CmsVerification => ({
    ok: false,
    problem,
    signer,
    signerFingerprint,
    signingTime: null,
  });
  let root: Node;
  try {
    root = forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')), true);
  } catch (err) {
    return fail(`not a CMS structure (${err instanceof Error ? err.message : String(err)})`);
  }
  // Any byte changed outside the signed parts must still be caught: insist on canonical DER
  // and on the exact header fields a detached SHA-2 signature has.
  if (forge.asn1.toDer(root).getBytes() !== der.toString('binary'))
    return fail('not a canonical DER encoding (altered)');
  const { UNIVERSAL, CONTEXT_SPECIFIC } = forge.asn1.Class;
  const { SEQUENCE, SET, OID, INTEGER, OCTETSTRING } = forge.asn1.Type;
  const [oid, explicit] = children(root);
  const signedDataNode = children(explicit)[0];
  const signedData = children(signedDataNode);
  const [version, digestAlgorithms, encap] = signedData;
  const signerInfosNode = signedData[signedData.length - 1];
  const infoNode = children(signerInfosNode)[0];
  const infoParts = children(infoNode);
  const shape: [Node | undefined, number, number][] = [
    [root, UNIVERSAL, SEQUENCE],
    [oid, UNIVERSAL, OID],
    [explicit, CONTEXT_SPECIFIC, 0],
    [signedDataNode, UNIVERSAL, SEQUENCE],
    [version, UNIVERSAL, INTEGER],
    [digestAlgorithms, UNIVERSAL, SET],
    [encap, UNIVERSAL, SEQUENCE],
    [signerInfosNode, UNIVERSAL, SET],
    [infoNode, UNIVERSAL, SEQUENCE],
    [infoParts[0], UNIVERSAL, INTEGER],
    [infoParts[1], UNIVERSAL, SEQUENCE],
    [infoParts[2], UNIVERSAL, SEQUENCE],
    [infoParts[3], CONTEXT_SPECIFIC, 0],
    [infoParts[4], UNIVERSAL, SEQUENCE],
    [infoParts[5], UNIVERSAL, OCTETSTRING],
  ];
  if (infoParts.length !== 6 || shape.some(([n, cls, type]) => !n || n.tagClass !== cls || n.type !== type))
    return fail('not a CMS SignedData of the expected shape (altered)');
  if (forge.asn1.derToOid(bytes(oid)) !== forge.pki.oids.signedData) return fail('not CMS SignedData');
  const sigAlgOid = algorithmOid(infoParts[4]);
  if (sigAlgOid !== forge.pki.oids.rsaEncryption && sigAlgOid !== forge.pki.oids.sha256WithRSAEncryption)
    return fail('unsupported signature algorithm');
  if (forge.util.bytesToHex(bytes(version)) !== '01') return fail('unexpected SignedData version');
  const encapParts = children(encap);
  if (
    encapParts.length !== 1 ||
    encapParts[0].tagClass !== UNIVERSAL ||
    encapParts[0].type !== OID ||
    forge.asn1.derToOid(bytes(encapParts[0])) !== forge.pki.oids.data
  )
    return fail('not a detached signature of data');
  const certsNode = signedData.find((n) => n.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && n.type === 0);
  const infos = children(signerInfosNode);
  if (infos.length !== 1) return fail(`expected exactly one signer, found ${infos.length}`);
  const certs: forge.pki.Certificate[] = [];
  const certDer = new Map<forge.pki.Certificate, string>();
  try {
    for (const c of children(certsNode)) {
      const cert = forge.pki.certificateFromAsn1(c);
      certs.push(cert);
      certDer.set(cert, forge.asn1.toDer(c).getBytes());
    }
  } catch (err) {
    return fail(`embedded certificate unreadable (${err instanceof Error ? err.message : String(err)})`);
  }
  const info = children(infos[0]);
  const [, sid, digestAlg] = info;
  const attrsNode = info.find((n) => n.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && n.type === 0);
  const signature = info[info.length - 1];
  const [issuerNode, serialNode] = children(sid);
  if (
    children(sid).length !== 2 ||
    issuerNode.type !== forge.asn1.Type.SEQUENCE ||
    serialNode.type !== forge.asn1.Type.INTEGER ||
    serialNode.tagClass !== forge.asn1.Class.UNIVERSAL
  ) {
    return fail('not a CMS SignedData of the expected shape (altered)');
  }
  const serialHex = forge.util.bytesToHex(bytes(serialNode));
  const signer =
    certs.find(
      (c) =>
        stripZeros(c.serialNumber) === stripZeros(serialHex) &&
        issuerDer(c) === (issuerNode ? forge.asn1.toDer(issuerNode).getBytes() : ''),
    ) ?? null;
  if (!signer) return fail('the signer certificate is not in the signature');
  signerFingerprint = createHash('sha256')
    .update(Buffer.from(certDer.get(signer)!, 'binary'))
    .digest('hex');
  const digestOid = algorithmOid(digestAlg) ?? '';
  const hash = HASHES[digestOid];
  if (!hash) return fail('unsupported digest algorithm', signer);
  const listed = children(digestAlgorithms).map(algorithmOid);
  if (listed.length !== 1 || listed[0] !== digestOid) return fail('digest algorithms do not match the signer', signer);
  if (forge.util.bytesToHex(bytes(info[0])) !== '01') return fail('unexpected SignerInfo version', signer);
  if (info.some((n) => n.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && n.type === 1))
    return fail('unexpected unsigned attributes', signer);
  if (!attrsNode) return fail('no signed attributes', signer);

  let messageDigest: string | null = null;
  let signingTime: Date | null = null;
  for (const attr of children(attrsNode)) {
    const [type, values] = children(attr);
    const t = forge.asn1.derToOid(bytes(type));
    const v = children(values)[0];
    if (t === forge.pki.oids.messageDigest) messageDigest = bytes(v);
    if (t === forge.pki.oids.signingTime && v)
      signingTime =
        v.type === forge.asn1.Type.UTCTIME
          ? forge.asn1.utcTimeToDate(bytes(v))
          : forge.asn1.generalizedTimeToDate(bytes(v));
  }
  if (messageDigest === null) return fail('no messageDigest attribute', signer);
  const actual = createHash(hash).update(content).digest();
  if (!actual.equals(Buffer.from(messageDigest, 'binary')))
    return fail('the signed content does not match its digest (content changed)', signer);

  // The signature covers the DER of the attributes as a SET OF (tag 0x31), not the [0] IMPLICIT form.
  const attrsDer = Buffer.from(forge.asn1.toDer(attrsNode).getBytes(), 'binary');
  attrsDer[0] = 0x31;
  const key = createPublicKey(forge.pki.publicKeyToPem(signer.publicKey));
  const good = verify(hash, attrsDer, key, Buffer.from(bytes(signature), 'binary'));
  if (!good) return fail('the signature does not verify with the signer certificate', signer);
  return { ok: true, problem: '', signer, signerFingerprint, signingTime };
}

/** The OID of an AlgorithmIdentifier (SEQUENCE { OID, NULL or nothing }), or null when it has another shape. */
function algorithmOid(node: Node | undefined): string | null {
  const parts = children(node);
  const { UNIVERSAL } = forge.asn1.Class;
  if (
    !node ||
    node.tagClass !== UNIVERSAL ||
    node.type !== forge.asn1.Type.SEQUENCE ||
    parts.length < 1 ||
    parts.length > 2
  )
    return null;
  if (parts[0].tagClass !== UNIVERSAL || parts[0].type !== forge.asn1.Type.OID) return null;
  if (parts[1] && (parts[1].tagClass !== UNIVERSAL || parts[1].type !== forge.asn1.Type.NULL || bytes(parts[1]) !== ''))
    return null;
  return forge.asn1.derToOid(bytes(parts[0]));
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
