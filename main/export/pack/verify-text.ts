/**
 * VERIFY.txt: the exact commands an auditor runs with stock tools (OpenSSL, GNU coreutils, poppler-utils, qpdf).
 * Prose lines start with `#`, so the file is also a POSIX shell script: `sh VERIFY.txt` runs every step
 * and stops at the first one that fails (the tests run it exactly like that).
 */

export interface VerifyTextInput {
  toolVersion: string;
  tenantName: string;
  tenantId: string;
  created: string;
  signerSubject: string;
  /** Lower-case hex without separators. */
  signerFingerprint: string;
  selfSigned: boolean;
  hasPdf: boolean;
}

/** Formats a fingerprint the way `openssl x509 -fingerprint -sha256` prints it. */
export function colonFingerprint(hex: string): string {
  return hex.toUpperCase().match(/../g)!.join(':');
}

/** The text of VERIFY.txt. */
export function verifyText(v: VerifyTextInput): string {
  const fp = colonFingerprint(v.signerFingerprint);
  const chain = v.selfSigned ? '' : ' -partial_chain';
  const lines = [
    `# How to verify this evidence pack (made by Entra Audit Desktop ${v.toolVersion})`,
    '#',
    `# Tenant:  ${oneLine(v.tenantName)} (${v.tenantId})`,
    `# Created: ${v.created}`,
    `# Signer:  ${oneLine(v.signerSubject)}${v.selfSigned ? ' (self-signed)' : ''}`,
    `# Signer certificate SHA-256 fingerprint:`,
    `#   ${fp}`,
    '#',
    '# Confirm that fingerprint with the person who sent the pack, through another channel (phone,',
    '# signed mail). Anyone can make a certificate; the fingerprint ties this pack to its signer.',
    '#',
    '# Run the commands below in this folder (or run this whole file: sh VERIFY.txt). Each must succeed.',
    '# Tools: openssl (1.1 or 3.x), sha256sum/find/sort/diff (GNU coreutils), pdfsig (poppler-utils), qpdf.',
    'set -e',
    '',
    '# 1. The signer certificate shipped in the pack has the fingerprint above.',
    `openssl x509 -in signer.pem -noout -fingerprint -sha256 | grep -qi "=${fp}$" && echo "signer.pem: fingerprint OK"`,
    '',
    '# 2. manifest.json (the list of every file with its SHA-256 and size) is signed by that certificate.',
    `openssl cms -verify -binary -inform DER -in manifest.json.p7s -content manifest.json -CAfile signer.pem -purpose any${chain} -out /dev/null`,
    '',
    '# 3. SHA256SUMS is the checksum list that manifest.json names (same SHA-256).',
    `grep -q "\\"sha256\\": \\"$(sha256sum SHA256SUMS | cut -d' ' -f1)\\"" manifest.json && echo "SHA256SUMS: OK (listed in manifest.json)"`,
    '',
    '# 4. Every other file has the SHA-256 the list gives.',
    'sha256sum --strict -c SHA256SUMS',
    '',
    '# 5. Nothing was added or removed: the folder holds exactly the listed files plus these three.',
    `{ cut -c67- SHA256SUMS; printf '%s\\n' SHA256SUMS manifest.json manifest.json.p7s; } | LC_ALL=C sort > "\${TMPDIR:-/tmp}/pack-expected.$$"`,
    `find . -type f | sed 's|^\\./||' | LC_ALL=C sort | diff "\${TMPDIR:-/tmp}/pack-expected.$$" - && echo "file list: OK"`,
  ];
  if (v.hasPdf) {
    lines.push(
      '',
      '# 6. report.pdf carries a valid signature over the whole document (a self-signed signer also',
      '#    shows "Certificate issuer isn\'t Trusted": trust comes from the fingerprint check in step 1).',
      'out=$(pdfsig report.pdf); echo "$out"',
      'echo "$out" | grep -q "Signature is Valid" && echo "$out" | grep -q "Total document signed" && echo "report.pdf signature: OK"',
      '',
      '# 7. report.pdf is a well-formed PDF.',
      'qpdf --check report.pdf',
    );
  }
  lines.push('', 'echo "ALL CHECKS PASSED"', '');
  return lines.join('\n');
}

function oneLine(s: string): string {
  return s.replace(/[\r\n\u2028\u2029]+/g, ' ');
}
