/**
 * Renders the report PDF and signs it: pdfkit with embedded Unicode fonts, an outline, page
 * numbers and document metadata; then an adbe.pkcs7.detached signature over the whole file
 * (@signpdf placeholder, filled by IdentityPdfSigner). Returns the signed bytes.
 */
import { pdfkitAddPlaceholder } from '@signpdf/placeholder-pdfkit';
import { SignPdf } from '@signpdf/signpdf';
import PDFDocument from 'pdfkit';
import type { SignerIdentity } from '../signing/signer-identity.js';
import { FontSet } from './fonts.js';
import { COLORS, CONTENT_WIDTH, Flow, PAGE } from './layout.js';
import { IdentityPdfSigner } from './pdf-signer.js';
import type { ReportInput } from './report-input.js';
import { artifactsSection, methodSection } from './section-back.js';
import { checksSection, controlsSection } from './section-checks.js';
import { auditLayersSection } from './section-layers.js';
import { coverageSection, coverSection, summarySection } from './section-front.js';
import { drawLine } from './text.js';

/** Room reserved for the CMS signature (hex doubles it); enough for a P12 with a few chain certificates. */
const SIGNATURE_BYTES = 16_384;

/** Draws the report for `input` and returns it signed by `signer`. */
export async function renderReport(input: ReportInput, signer: SignerIdentity): Promise<Buffer> {
  const m = input.meta;
  const margins = { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right };
  const doc = new PDFDocument({
    size: 'A4',
    margins,
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    lang: 'en',
    displayTitle: true,
    info: {
      Title: `Entra ID security audit: ${m.tenantName}`,
      Author: input.signer.subject,
      Subject: `Evidence report for tenant ${m.tenantName} (${m.tenantId}), collected ${m.collectionStartedAt}`,
      Keywords: 'Entra ID, audit, evidence, SOC 2, ISO 27001',
      Creator: `Entra Audit Desktop ${input.toolVersion}`,
      Producer: `Entra Audit Desktop ${input.toolVersion} (pdfkit)`,
      CreationDate: input.now,
      ModDate: input.now,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const fonts = new FontSet(doc);
  const flow = new Flow(doc, fonts);
  flow.newPage();
  coverSection(flow, input);
  coverageSection(flow, input);
  summarySection(flow, input);
  checksSection(flow, input);
  controlsSection(flow, input);
  artifactsSection(flow, input);
  auditLayersSection(flow, input);
  methodSection(flow, input);
  footers(doc, fonts, input);

  pdfkitAddPlaceholder({
    pdf: doc,
    pdfBuffer: Buffer.alloc(0),
    reason: 'Evidence report of an Entra ID audit',
    contactInfo: m.collectedBy,
    name: input.signer.subject,
    location: m.tenantName,
    signingTime: input.now,
    signatureLength: SIGNATURE_BYTES,
  });
  doc.end();
  await ended;
  return new SignPdf().sign(Buffer.concat(chunks), new IdentityPdfSigner(signer, input.now));
}

function footers(doc: PDFKit.PDFDocument, fonts: FontSet, input: ReportInput): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = PAGE.height - 38;
    doc
      .moveTo(PAGE.left, y - 6)
      .lineTo(PAGE.width - PAGE.right, y - 6)
      .lineWidth(0.5)
      .strokeColor(COLORS.rule)
      .stroke();
    drawLine(
      doc,
      fonts,
      `${input.meta.tenantName} · snapshot ${input.meta.snapshotId}`,
      PAGE.left,
      y,
      CONTENT_WIDTH - 90,
      { size: 7.5, color: COLORS.muted },
    );
    const label = `Page ${i - range.start + 1} of ${range.count}`;
    doc.font('sans').fontSize(7.5);
    drawLine(doc, fonts, label, PAGE.width - PAGE.right - doc.widthOfString(label), y, 90, {
      size: 7.5,
      color: COLORS.muted,
    });
    doc.page.margins.bottom = bottom;
  }
}
