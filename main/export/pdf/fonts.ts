/**
 * The fonts embedded in the PDF (assets/fonts/, all SIL Open Font License) and the choice of a font
 * per run of text, so a name in any script renders: Noto Sans (Latin, Greek, Cyrillic), Noto Sans
 * Arabic, Noto Sans Hebrew, and a Noto Sans CJK subset (common Hanzi/Kanji/Hanja, kana, Hangul).
 * A character no font has is shown as U+FFFD (visibly replaced, never silently dropped).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type PDFDocument from 'pdfkit';

export type FontName = 'sans' | 'sans-bold' | 'arabic' | 'hebrew' | 'cjk';

const FILES: Record<FontName, string> = {
  sans: 'NotoSans-Regular.ttf',
  'sans-bold': 'NotoSans-Bold.ttf',
  arabic: 'NotoSansArabic-Regular.ttf',
  hebrew: 'NotoSansHebrew-Regular.ttf',
  cjk: 'NotoSansCJK-Subset.otf',
};

/** Fallback order after the run's own font. */
const FALLBACK: readonly FontName[] = ['sans', 'arabic', 'hebrew', 'cjk'];

/** Finds assets/fonts from the source tree or a bundled app (override with ENTRA_AUDIT_ASSETS). */
export function fontDir(): string {
  const candidates = [
    process.env.ENTRA_AUDIT_ASSETS ? join(process.env.ENTRA_AUDIT_ASSETS, 'fonts') : '',
    resolve(dirname(fileURLToPath(import.meta.url)), '../../../assets/fonts'),
    resolve(process.cwd(), 'assets/fonts'),
  ].filter(Boolean);
  const found = candidates.find((d) => existsSync(join(d, FILES.sans)));
  if (!found) throw new Error(`PDF fonts not found (looked in ${candidates.join(', ')})`);
  return found;
}

interface GlyphSource {
  hasGlyphForCodePoint(cp: number): boolean;
}

/** A run of text to draw with one font. */
export interface TextRun {
  font: FontName;
  text: string;
}

/** The fonts registered on one document, with per-character coverage. */
export class FontSet {
  private readonly coverage = new Map<FontName, GlyphSource>();

  constructor(private readonly doc: PDFKit.PDFDocument) {
    const dir = fontDir();
    for (const [name, file] of Object.entries(FILES) as [FontName, string][]) {
      doc.registerFont(name, join(dir, file));
      doc.font(name);
      this.coverage.set(name, (doc as unknown as { _font: { font: GlyphSource } })._font.font);
    }
    doc.font('sans');
  }

  /** Splits `text` into runs, each drawn with a font that has its glyphs; `base` is sans or sans-bold. */
  runs(text: string, base: 'sans' | 'sans-bold' = 'sans'): TextRun[] {
    const out: TextRun[] = [];
    let current: FontName | null = null;
    let buf = '';
    for (const ch of text) {
      let cp = ch.codePointAt(0)!;
      let c = ch;
      if ((cp >= 0xd800 && cp <= 0xdfff) || cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || isBidiControl(cp)) {
        c = '\uFFFD';
        cp = 0xfffd;
      }
      let font: FontName;
      if (current && NEUTRAL.test(c) && this.has(current, cp)) font = current;
      else font = this.pick(cp, base);
      if (!this.has(font, cp)) {
        c = '\uFFFD';
        font = base;
      }
      if (font !== current && buf) {
        out.push({ font: current!, text: buf });
        buf = '';
      }
      current = font;
      buf += c;
    }
    if (buf && current) out.push({ font: current, text: buf });
    return out;
  }

  private pick(cp: number, base: 'sans' | 'sans-bold'): FontName {
    if (this.has(base, cp)) return base;
    return FALLBACK.find((f) => this.has(f, cp)) ?? base;
  }

  private has(font: FontName, cp: number): boolean {
    return this.coverage.get(font)!.hasGlyphForCodePoint(cp);
  }
}

const NEUTRAL = /^[\p{Zs}\p{P}\p{N}]$/u;

/** Bidi overrides and isolates (U+202A–202E, U+2066–2069): replaced so tenant text cannot reorder a line. */
function isBidiControl(cp: number): boolean {
  return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

export type { PDFDocument };
