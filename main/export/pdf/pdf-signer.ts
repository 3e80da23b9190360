/**
 * Adapts a SignerIdentity to @signpdf's Signer: the PDF signature is the same detached CMS
 * (SHA-256, RSA, contentType + signingTime + messageDigest) as the manifest's.
 */
import { Signer } from '@signpdf/signpdf';
import { signDetached } from '../signing/cms-sign.js';
import type { SignerIdentity } from '../signing/signer-identity.js';

/** One signature per instance, like @signpdf's own signers. */
export class IdentityPdfSigner extends Signer {
  constructor(
    private readonly identity: SignerIdentity,
    private readonly time: Date,
  ) {
    super();
  }

  override async sign(pdf: Buffer, signingTime?: Date): Promise<Buffer> {
    return signDetached(pdf, this.identity, signingTime ?? this.time);
  }
}
