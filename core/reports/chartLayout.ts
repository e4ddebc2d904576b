import type { ReportModel } from './model';
import { shortQuarter } from './period';

/**
 * Grouped bar charts as plain geometry, drawn three ways from the same numbers: an SVG React component in the
 * application, an SVG and a PNG image in the DOCX. Labels drawn inside the chart are ASCII ("Q3/26", "4 sao",
 * digits) so the PNG's built-in font can draw them; Vietnamese legends are written beside the chart as text.
 */
export type BarSeries = { readonly name: string; readonly color: string; readonly values: readonly number[] };
export type BarChartSpec = { readonly title: string; readonly categories: readonly string[]; readonly series: readonly BarSeries[] };

export type BarChartLayout = {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
  readonly yTicks: readonly { readonly value: number; readonly y: number }[];
  readonly bars: readonly {
    readonly x: number;
    readonly y: number;
    readonly w: number;
    readonly h: number;
    readonly color: string;
    readonly value: number;
    readonly seriesIndex: number;
    readonly categoryIndex: number;
  }[];
  readonly categoryLabels: readonly { readonly x: number; readonly y: number; readonly text: string }[];
};

export const CHART_SIZE = { width: 600, height: 240 } as const;
const PAD = { left: 40, right: 12, top: 22, bottom: 30 };

/** Ticks at round steps (1, 2, 5 × 10ⁿ) up to at least the largest value. */
function niceTicks(max: number): number[] {
  const top = Math.max(1, max);
  const raw = top / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const stepInt = Math.max(1, Math.round(step));
  const ticks: number[] = [];
  for (let t = 0; t < top + stepInt; t += stepInt) ticks.push(t);
  return ticks;
}

export function layoutBarChart(spec: BarChartSpec, size: { width: number; height: number } = CHART_SIZE): BarChartLayout {
  const plot = { x: PAD.left, y: PAD.top, w: size.width - PAD.left - PAD.right, h: size.height - PAD.top - PAD.bottom };
  const max = Math.max(0, ...spec.series.flatMap((s) => s.values));
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1]!;
  const yOf = (v: number) => plot.y + plot.h - (v / top) * plot.h;
  const groupW = plot.w / Math.max(1, spec.categories.length);
  const barW = Math.max(2, Math.min(48, (groupW * 0.7) / Math.max(1, spec.series.length)));
  const bars: BarChartLayout['bars'][number][] = [];
  spec.categories.forEach((_, ci) => {
    const groupX = plot.x + ci * groupW + (groupW - barW * spec.series.length) / 2;
    spec.series.forEach((s, si) => {
      const value = s.values[ci] ?? 0;
      const y = yOf(value);
      bars.push({ x: Math.round(groupX + si * barW), y: Math.round(y), w: Math.round(barW) - 2, h: Math.round(plot.y + plot.h) - Math.round(y), color: s.color, value, seriesIndex: si, categoryIndex: ci });
    });
  });
  return {
    width: size.width,
    height: size.height,
    plot,
    yTicks: ticks.map((value) => ({ value, y: Math.round(yOf(value)) })),
    bars,
    categoryLabels: spec.categories.map((text, ci) => ({ x: Math.round(plot.x + ci * groupW + groupW / 2), y: plot.y + plot.h + 18, text })),
  };
}

export const CHART_COLORS = { primary: '#2f9e44', secondary: '#74c0fc', previous: '#adb5bd', stars: '#f08c00' } as const;

/** Communes holding xã NTM or higher by decision, and communes meeting every criterion, per quarter. */
export function trendChartSpec(model: ReportModel): BarChartSpec {
  return {
    title: 'Số xã đạt chuẩn nông thôn mới qua 8 quý',
    categories: model.ntm.trend.map((t) => shortQuarter(t.quarter)),
    series: [
      { name: 'Xã đạt chuẩn NTM (theo quyết định công nhận)', color: CHART_COLORS.primary, values: model.ntm.trend.map((t) => t.recognized.value) },
      { name: 'Xã đạt đủ tiêu chí (theo kết quả tự đánh giá)', color: CHART_COLORS.secondary, values: model.ntm.trend.map((t) => t.fullyMet.value) },
    ],
  };
}

/** OCOP products in force by stars, this period and the previous one. */
export function starChartSpec(model: ReportModel): BarChartSpec {
  return {
    title: 'Sản phẩm OCOP còn hiệu lực theo hạng sao',
    categories: model.ocop.byStars.map((s) => `${s.stars} sao`),
    series: [
      { name: model.previousPeriodLabel.replace(/^năm/, 'Năm'), color: CHART_COLORS.previous, values: model.ocop.byStars.map((s) => s.previous.value) },
      { name: model.periodLabel.replace(/^năm/, 'Năm'), color: CHART_COLORS.stars, values: model.ocop.byStars.map((s) => s.current.value) },
    ],
  };
}
