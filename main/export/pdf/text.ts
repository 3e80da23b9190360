/**
 * Single-line text in any script: split into font runs, cut with an ellipsis to fit a width, drawn
 * run by run. Tenant-controlled strings (names, reasons, policy names) always go through here, so a
 * 100k-character display name costs one line and no layout work beyond that line.
 */
import type { FontSet, TextRun } from './fonts.js';

/** Longest text measured for one line; anything beyond cannot fit an A4 line anyway. */
const MAX_CHARS = 300;

export interface LineStyle {
  size: number;
  bold?: boolean;
  color?: string;
}

/** Draws `text` on one line at (x, y), at most `width` points wide; returns the width drawn. */
export function drawLine(
  doc: PDFKit.PDFDocument,
  fonts: FontSet,
  text: string,
  x: number,
  y: number,
  width: number,
  style: LineStyle,
): number {
  const runs = fitRuns(doc, fonts, text, width, style);
  let cx = x;
  doc.fillColor(style.color ?? '#1a1a1a');
  for (const r of runs) {
    doc.font(r.font).fontSize(style.size);
    if (!RTL_FONTS.has(r.font)) {
      doc.text(r.text, cx, y, { lineBreak: false });
      cx += doc.widthOfString(r.text);
      continue;
    }
    // Right-to-left run: fontkit orders the letters of a word; the words are placed right to left here.
    const space = doc.widthOfString(' ');
    const words = r.text.split(' ').reverse();
    words.forEach((word, i) => {
      if (i > 0) cx += space;
      if (!word) return;
      doc.text(word, cx, y, { lineBreak: false });
      cx += doc.widthOfString(word);
    });
  }
  return cx - x;
}

const RTL_FONTS = new Set(['arabic', 'hebrew']);

/** Width of `text` as drawLine would draw it (uncut). */
export function lineWidth(doc: PDFKit.PDFDocument, fonts: FontSet, text: string, style: LineStyle): number {
  let w = 0;
  for (const r of fonts.runs(clip(text), style.bold ? 'sans-bold' : 'sans')) w += runWidth(doc, r, style.size);
  return w;
}

function fitRuns(doc: PDFKit.PDFDocument, fonts: FontSet, text: string, width: number, style: LineStyle): TextRun[] {
  const runs = fonts.runs(clip(text), style.bold ? 'sans-bold' : 'sans');
  const widths = runs.map((r) => runWidth(doc, r, style.size));
  const total = widths.reduce((a, b) => a + b, 0);
  if (total <= width && [...text].length <= MAX_CHARS) return runs;
  const ellipsis: TextRun = { font: 'sans', text: '…' };
  const budget = width - runWidth(doc, ellipsis, style.size);
  const out: TextRun[] = [];
  let used = 0;
  for (let i = 0; i < runs.length; i++) {
    if (used + widths[i] <= budget) {
      out.push(runs[i]);
      used += widths[i];
      continue;
    }
    const chars = [...runs[i].text];
    let lo = 0;
    let hi = chars.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (used + runWidth(doc, { font: runs[i].font, text: chars.slice(0, mid).join('') }, style.size) <= budget)
        lo = mid;
      else hi = mid - 1;
    }
    if (lo > 0) out.push({ font: runs[i].font, text: chars.slice(0, lo).join('') });
    break;
  }
  out.push(ellipsis);
  return out;
}

function runWidth(doc: PDFKit.PDFDocument, run: TextRun, size: number): number {
  return doc.font(run.font).fontSize(size).widthOfString(run.text);
}

function clip(text: string): string {
  if (text.length <= MAX_CHARS * 2) return text;
  return [...text.slice(0, MAX_CHARS * 2)].slice(0, MAX_CHARS + 1).join('');
}
