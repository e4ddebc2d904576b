import { PLAN_METRIC_LABELS, PLAN_MODE_LABELS, type PlanMetric, type PlanTargetMode } from '../contract/plans';
import { vnNumber } from './pace';

export const NTM_LEVEL_METRICS = ['xa_ntm', 'xa_ntm_nang_cao', 'xa_ntm_kieu_mau', 'xa_ntm_hien_dai'] as const;
export const OCOP_METRICS = ['ocop_total', 'ocop_3', 'ocop_4', 'ocop_5'] as const;

/** The unit a target counts in. */
export function metricUnit(metric: PlanMetric, mode: PlanTargetMode): string {
  if (mode === 'percent') return '%';
  if (metric === 'avg_criteria' || metric === 'min_criteria') return 'tiêu chí';
  if (metric === 'thon_ntm') return 'thôn, bản';
  if ((OCOP_METRICS as readonly string[]).includes(metric)) return 'sản phẩm';
  return 'xã';
}

/** Which modes make sense for a metric (checked on save, offered in the form). */
export function modesFor(metric: PlanMetric): PlanTargetMode[] {
  if (metric === 'avg_criteria' || metric === 'min_criteria') return ['level'];
  if (metric === 'thon_ntm' || (OCOP_METRICS as readonly string[]).includes(metric)) return ['new', 'cumulative'];
  return ['new', 'cumulative', 'percent'];
}

/** "Xã đạt chuẩn NTM — thêm trong kỳ: 13 xã"; "Không còn xã dưới 15 tiêu chí". */
export function targetLabel(metric: PlanMetric, mode: PlanTargetMode, value: number): string {
  if (metric === 'min_criteria') return `Không còn xã dưới ${vnNumber(value)} tiêu chí`;
  if (metric === 'avg_criteria') return `Bình quân đạt ít nhất ${vnNumber(value)} tiêu chí/xã`;
  const unit = metricUnit(metric, mode);
  return `${PLAN_METRIC_LABELS[metric]} — ${PLAN_MODE_LABELS[mode]}: ${vnNumber(value)}${unit === '%' ? '%' : ` ${unit}`}`;
}
