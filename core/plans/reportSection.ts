import { PLAN_METRIC_LABELS, type PlanMetric, type PlanTargetMode, type ProgressStatus } from '../contract/plans';
import { metricUnit } from './labels';
import { vnNumber } from './pace';

/** One row of "Kết quả so với kế hoạch" in a periodic report: a target, what was achieved, where it stands. */
export type PlanReportRow = {
  metric: PlanMetric;
  mode: PlanTargetMode;
  /** "Xã đạt chuẩn NTM — thêm trong kỳ: 13 xã" */
  label: string;
  unit: string;
  target: number;
  /** Đạt trong kỳ kế hoạch (recognitions / certificates in the plan's period up to the as-of date). */
  achievedInPeriod: number | null;
  /** Lũy kế at the as-of date. */
  cumulative: number | null;
  /** The figure compared with the target, in the target's terms. */
  achieved: number | null;
  status: ProgressStatus;
  statusLabel: string;
  statusText: string;
  /**
   * Còn thiếu: target − achieved in the target's unit; for "không còn xã dưới N tiêu chí" the number of assessed
   * communes still below N (unit "xã"). null when nothing is known yet.
   */
  remaining: number | null;
  remainingUnit: string;
  gapKind: 'commune' | 'product' | null;
  /** The communes or products that make up the remaining gap, those registered on the roadmap within the plan's period first. */
  gap: PlanReportGapItem[];
};

export type PlanReportGapItem = {
  name: string;
  /** The year the commune registered to reach the level (roadmap), if it did. */
  roadmapYear: number | null;
  /** Registered to reach it within the plan's period. */
  planned: boolean;
  metCount: number | null;
  criteriaCount: number | null;
};

export type PlanReportSection = {
  /** The report's year: the plans are those whose period covers it. */
  year: number;
  asOf: string;
  plans: { title: string; document: string; periodLabel: string; rows: PlanReportRow[] }[];
};

/** The one sentence the report prints when no plan of the office covers the year. */
export function noPlanSentence(year: number): string {
  return `Chưa có kế hoạch, chỉ tiêu nào của năm ${year} được nhập vào ứng dụng nên chưa đánh giá được kết quả thực hiện so với kế hoạch.`;
}

const MODE_PHRASE: Record<PlanTargetMode, string> = {
  new: 'tăng thêm trong kỳ',
  cumulative: 'lũy kế đến cuối kỳ',
  percent: 'tỷ lệ so với tổng số xã',
  level: 'mức phải đạt',
};

const INDICATOR: Partial<Record<PlanMetric, string>> = {
  avg_criteria: 'Bình quân số tiêu chí đạt/xã',
  min_criteria: 'Số tiêu chí đạt của xã thấp nhất',
};

const withUnit = (n: number, unit: string) => (unit === '%' ? `${vnNumber(n)}%` : `${vnNumber(n)} ${unit}`);

/** What a row counts in the "đạt trong kỳ" column: communes for a % target, else the target's own unit. */
function countUnit(row: PlanReportRow): string {
  return row.mode === 'percent' ? 'xã' : metricUnit(row.metric, row.mode === 'level' ? 'new' : row.mode);
}

/**
 * The cells of one row as the DOCX table and the report preview print them (chỉ tiêu, kế hoạch, đạt trong kỳ,
 * lũy kế, đánh giá, còn thiếu), each with its unit, so both say the same thing.
 */
export function planReportCells(row: PlanReportRow): { indicator: string; target: string; inPeriod: string; cumulative: string; status: string; remaining: string } {
  const indicator = INDICATOR[row.metric] ?? `${PLAN_METRIC_LABELS[row.metric]}, ${MODE_PHRASE[row.mode]}`;
  const inPeriod = row.achievedInPeriod === null ? '—' : withUnit(row.achievedInPeriod, countUnit(row));
  let cumulative: string;
  if (row.metric === 'min_criteria' || row.metric === 'avg_criteria') cumulative = row.achieved === null ? '—' : withUnit(row.achieved, 'tiêu chí');
  else if (row.mode === 'percent') cumulative = row.cumulative === null ? '—' : `${withUnit(row.cumulative, 'xã')} (${vnNumber(row.achieved ?? 0)}%)`;
  else cumulative = row.cumulative === null ? '—' : withUnit(row.cumulative, countUnit(row));
  const remaining = row.status === 'achieved' || row.remaining === null ? '—' : withUnit(row.remaining, row.remainingUnit);
  const target = withUnit(row.target, row.unit);
  return { indicator, target, inPeriod, cumulative, status: row.statusLabel, remaining };
}

/** "Xã Bắc Lý (lộ trình 2025; 17/19 tiêu chí)": a commune or product of the gap with what the records say of it. */
export function gapItemLabel(item: PlanReportGapItem): string {
  const notes = [item.roadmapYear !== null ? `lộ trình ${item.roadmapYear}` : null, item.metCount !== null ? `${item.metCount}/${item.criteriaCount} tiêu chí` : null].filter(Boolean);
  return notes.length ? `${item.name} (${notes.join('; ')})` : item.name;
}

const names = (items: PlanReportGapItem[]) => items.map(gapItemLabel).join(', ');

/**
 * The line under the table for a target not yet achieved: its status in words, then who makes up the gap. A
 * short gap is named in full; a long one names the communes registered on the roadmap for the period (or, for a
 * criteria target, those assessed below the level) and counts the rest, which the annex lists.
 */
export function planGapSentence(row: PlanReportRow, annex = 'Biểu 09', max = 8): string {
  const status = `${row.label}. ${row.statusText.replace(/[.;\s]+$/, '')}.`;
  if (row.gap.length === 0 || row.gapKind === null) return status;
  if (row.gapKind === 'product') {
    const more = row.gap.length > max ? ` và ${row.gap.length - max} sản phẩm khác (${annex})` : '';
    return `${status} Sản phẩm chưa đạt: ${names(row.gap.slice(0, max))}${more}.`;
  }
  if (row.metric === 'min_criteria' || row.metric === 'avg_criteria') {
    const below = row.gap.filter((g) => g.metCount !== null && g.metCount < row.target);
    if (below.length === 0) return status;
    const more = below.length > max ? ` và ${below.length - max} xã khác (${annex})` : '';
    return `${status} Xã đạt dưới ${vnNumber(row.target)} tiêu chí: ${names(below.slice(0, max))}${more}.`;
  }
  if (row.gap.length <= max) return `${status} Xã chưa đạt: ${names(row.gap)}.`;
  const planned = row.gap.filter((g) => g.planned);
  const rest = `${row.gap.length - planned.length} xã chưa đạt khác tại ${annex}`;
  return planned.length > 0
    ? `${status} Xã đăng ký lộ trình đạt trong kỳ: ${names(planned)}; ${rest}.`
    : `${status} Chưa có xã nào đăng ký lộ trình đạt trong kỳ; ${row.gap.length} xã chưa đạt tại ${annex}.`;
}
