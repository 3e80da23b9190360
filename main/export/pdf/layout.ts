/**
 * Page flow for the report: headings (with outline entries), wrapped paragraphs of our own text,
 * key-value blocks, and tables whose header repeats on each page. Keeps a cursor `y` and breaks
 * pages before anything that would not fit.
 */
import type { FontSet } from './fonts.js';
import { drawLine } from './text.js';

export const PAGE = { width: 595.28, height: 841.89, left: 50, right: 50, top: 56, bottom: 64 };
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

export const COLORS = {
  text: '#1a1a1a',
  muted: '#5f6b7a',
  rule: '#d5dbe3',
  zebra: '#f3f6f9',
  accent: '#1f4e79',
  pass: '#2e7d32',
  fail: '#c62828',
  partial: '#ef8f00',
  'not-assessed': '#7b8794',
  'not-applicable': '#c5ccd6',
  exception: '#6a4fb3',
  external: '#0277bd',
} as const;

/** Colour of an outcome or status word (falls back to the text colour). */
export function statusColor(status: string): string {
  const alias: Record<string, string> = {
    complete: COLORS.pass,
    unavailable: COLORS['not-assessed'],
    'not-collected': COLORS['not-assessed'],
    Critical: COLORS.fail,
    High: '#e65100',
  };
  return alias[status] ?? (COLORS as Record<string, string>)[status] ?? COLORS.text;
}

export interface Column {
  header: string;
  width: number;
  /** Draw the cell in the status colour of its value. */
  status?: boolean;
  bold?: boolean;
}

type Outline = PDFKit.PDFOutline;

/** The cursor and helpers for one document. */
export class Flow {
  y = PAGE.top;
  private outlines: Outline[] = [];

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly fonts: FontSet,
  ) {}

  get bottom(): number {
    return PAGE.height - PAGE.bottom;
  }

  newPage(): void {
    this.doc.addPage({
      size: 'A4',
      margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
    });
    this.y = PAGE.top;
  }

  /** Breaks the page when fewer than `h` points are left. */
  ensure(h: number): void {
    if (this.y + h > this.bottom) this.newPage();
  }

  space(h: number): void {
    this.y += h;
  }

  /** A section heading; level 1 starts a page. Adds an outline (bookmark) entry. */
  heading(text: string, level: 1 | 2 | 3 = 1): void {
    if (level === 1 && this.y > PAGE.top) this.newPage();
    const size = level === 1 ? 18 : level === 2 ? 13 : 11;
    this.ensure(size * 2.6);
    if (level > 1) this.y += level === 2 ? 8 : 4;
    const parent = level === 1 ? this.doc.outline : (this.outlines[level - 2] ?? this.doc.outline);
    const item = parent.addItem(text);
    this.outlines[level - 1] = item;
    this.outlines.length = level;
    drawLine(this.doc, this.fonts, text, PAGE.left, this.y, CONTENT_WIDTH, {
      size,
      bold: true,
      color: level === 1 ? COLORS.accent : COLORS.text,
    });
    this.y += size * 1.45;
    if (level === 1) {
      this.doc
        .moveTo(PAGE.left, this.y)
        .lineTo(PAGE.width - PAGE.right, this.y)
        .lineWidth(1)
        .strokeColor(COLORS.accent)
        .stroke();
      this.y += 10;
    }
  }

  /** A wrapped paragraph of the tool's own (Latin) text. */
  para(text: string, opts: { size?: number; color?: string; bold?: boolean } = {}): void {
    const size = opts.size ?? 9.5;
    this.doc.font(opts.bold ? 'sans-bold' : 'sans').fontSize(size);
    const h = this.doc.heightOfString(text, { width: CONTENT_WIDTH, lineGap: 1.5 });
    this.ensure(Math.min(h, 200) + 4);
    this.doc.fillColor(opts.color ?? COLORS.text).text(text, PAGE.left, this.y, { width: CONTENT_WIDTH, lineGap: 1.5 });
    this.y = this.doc.y + 5;
  }

  /** Label / value lines (values may be in any script; one line each, cut to fit). */
  keyValues(rows: [string, string][], labelWidth = 150, size = 9.5): void {
    for (const [k, v] of rows) {
      this.ensure(size * 1.7);
      drawLine(this.doc, this.fonts, k, PAGE.left, this.y, labelWidth - 8, { size, color: COLORS.muted });
      drawLine(this.doc, this.fonts, v, PAGE.left + labelWidth, this.y, CONTENT_WIDTH - labelWidth, { size });
      this.y += size * 1.6;
    }
  }

  /** A table of single-line cells; the header repeats after a page break. */
  table(columns: Column[], rows: Iterable<string[]>, size = 8.5): void {
    const rowH = size * 1.9;
    const header = (): void => {
      this.doc.rect(PAGE.left, this.y, CONTENT_WIDTH, rowH).fill(COLORS.accent);
      let x = PAGE.left;
      for (const c of columns) {
        drawLine(this.doc, this.fonts, c.header, x + 4, this.y + size * 0.45, c.width - 8, {
          size,
          bold: true,
          color: '#ffffff',
        });
        x += c.width;
      }
      this.y += rowH;
    };
    this.ensure(rowH * 2);
    header();
    let i = 0;
    for (const row of rows) {
      if (this.y + rowH > this.bottom) {
        this.newPage();
        header();
      }
      if (i++ % 2 === 1) this.doc.rect(PAGE.left, this.y, CONTENT_WIDTH, rowH).fill(COLORS.zebra);
      let x = PAGE.left;
      columns.forEach((c, j) => {
        const value = row[j] ?? '';
        drawLine(this.doc, this.fonts, value, x + 4, this.y + size * 0.45, c.width - 8, {
          size,
          bold: c.bold || c.status,
          color: c.status ? statusColor(value) : COLORS.text,
        });
        x += c.width;
      });
      this.y += rowH;
    }
    this.doc
      .moveTo(PAGE.left, this.y)
      .lineTo(PAGE.width - PAGE.right, this.y)
      .lineWidth(0.5)
      .strokeColor(COLORS.rule)
      .stroke();
    this.y += 8;
  }
}

/** Column widths from fractions of the content width. */
export function columns(spec: [string, number, Partial<Column>?][]): Column[] {
  const total = spec.reduce((a, [, f]) => a + f, 0);
  return spec.map(([header, f, extra]) => ({ header, width: (CONTENT_WIDTH * f) / total, ...extra }));
}
