/**
 * The executive-summary chart, drawn with vector paths: one horizontal stacked bar per framework
 * (controls passing, partial, failing, not assessed, not applicable) with a legend.
 */
import type { ControlStatus } from '../../../shared/results.js';
import { COLORS, CONTENT_WIDTH, PAGE, type Flow } from './layout.js';
import { drawLine } from './text.js';

export const CHART_ORDER: readonly ControlStatus[] = ['pass', 'partial', 'fail', 'not-assessed', 'not-applicable'];

export interface ChartRow {
  label: string;
  counts: Record<ControlStatus, number>;
}

/** Draws the chart at the flow's cursor. */
export function statusChart(flow: Flow, rows: ChartRow[]): void {
  const { doc, fonts } = flow;
  const labelW = 150;
  const barW = CONTENT_WIDTH - labelW - 40;
  const barH = 14;
  const gap = 8;
  flow.ensure(rows.length * (barH + gap) + 40);
  for (const row of rows) {
    const total = CHART_ORDER.reduce((a, s) => a + row.counts[s], 0);
    drawLine(doc, fonts, row.label, PAGE.left, flow.y + 2, labelW - 8, { size: 8.5 });
    let x = PAGE.left + labelW;
    doc.rect(x, flow.y, barW, barH).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
    for (const s of CHART_ORDER) {
      if (!total || !row.counts[s]) continue;
      const w = (barW * row.counts[s]) / total;
      doc.rect(x, flow.y, w, barH).fill(COLORS[s]);
      if (w > 14)
        drawLine(doc, fonts, String(row.counts[s]), x + 3, flow.y + 2.5, w - 4, {
          size: 7.5,
          bold: true,
          color: '#ffffff',
        });
      x += w;
    }
    drawLine(doc, fonts, String(total), PAGE.left + labelW + barW + 6, flow.y + 2, 34, {
      size: 8.5,
      color: COLORS.muted,
    });
    flow.y += barH + gap;
  }
  let x = PAGE.left + labelW;
  for (const s of CHART_ORDER) {
    doc.rect(x, flow.y + 2, 8, 8).fill(COLORS[s]);
    x += 12 + drawLine(doc, fonts, s, x + 12, flow.y + 1, 90, { size: 7.5, color: COLORS.muted }) + 10;
  }
  flow.y += 22;
}
