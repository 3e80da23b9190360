/**
 * Checks a PDF's adbe.pkcs7.detached signature the way pdfsig does: the ByteRange covers the whole
 * file except the /Contents hex string, and the CMS in /Contents signs exactly those bytes.
 */
import type forge from 'node-forge';
import { verifyDetached } from '../signing/cms-verify.js';

export interface PdfSignatureCheck {
  ok: boolean;
  problem: string;
  signer: forge.pki.Certificate | null;
  /** SHA-256 of the signer certificate as embedded. */
  signerFingerprint: string | null;
}

/** Verifies the (single) signature of `pdf`. */
export function verifyPdfSignature(pdf: Buffer): PdfSignatureCheck {
  const fail = (problem: string): PdfSignatureCheck => ({ ok: false, problem, signer: null, signerFingerprint: null });
  const text = pdf.toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  if (ranges.length === 0) return fail('the PDF carries no signature');
  if (ranges.length > 1) return fail(`the PDF carries ${ranges.length} signatures, expected one`);
  const [a, b, c, d] = ranges[0].slice(1, 5).map(Number);
  if (a !== 0 || b <= 0 || c <= b || c + d !== pdf.length)
    return fail('the signature does not cover the whole document');
  const hole = text.slice(b, c);
  if (!/^<[0-9A-Fa-f]*>$/.test(hole)) return fail('the signature /Contents is not where the ByteRange says');
  const der = derPrefix(Buffer.from(hole.slice(1, -1), 'hex'));
  if (!der) return fail('the signature /Contents holds no CMS structure');
  const signed = Buffer.concat([pdf.subarray(0, b), pdf.subarray(c, c + d)]);
  const r = verifyDetached(der, signed);
  return {
    ok: r.ok,
    problem: r.ok ? '' : `PDF signature: ${r.problem}`,
    signer: r.signer,
    signerFingerprint: r.signerFingerprint,
  };
}

/** The DER value at the start of `buf` (the hex placeholder is zero-padded after it). */
function derPrefix(buf: Buffer): Buffer | null {
  if (buf.length < 2 || buf[0] !== 0x30) return null;
  const first = buf[1];
  if (first < 0x80) return buf.subarray(0, 2 + first);
  const n = first & 0x7f;
  if (n === 0 || n > 4 || buf.length < 2 + n) return null;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + buf[2 + i];
  const end = 2 + n + len;
  if (end > buf.length) return null;
  // Anything after the DER value must be the zero padding the placeholder reserved.
  for (let i = end; i < buf.length; i++) if (buf[i] !== 0) return null;
  return buf.subarray(0, end);
}
