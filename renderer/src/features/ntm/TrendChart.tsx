import type { NtmOverview } from '../../../../core/contract/index';
import { periodLabel } from '../../../../core/ntm/period';
import { formatNumber, shortPeriod } from './format';

export type TrendChartProps = { trend: NtmOverview['trend']; maxCriteria: number };

const W = 640;
const H = 220;
const PAD = { left: 34, right: 16, top: 20, bottom: 44 };

/**
 * Average criteria met per commune over 8 quarters, in plain SVG (no chart library). Quarters without
 * assessments leave a gap in the line instead of dropping to zero; so do quarters assessed under another criteria
 * set (QĐ 318/2022's 19 criteria before 2026, QĐ 51/2025 after): their averages count different criteria. Each point carries its figures in a
 * <title> for a tooltip and for screen readers.
 */
export function TrendChart({ trend, maxCriteria }: TrendChartProps) {
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const top = Math.max(maxCriteria, 1);
  const x = (i: number) => PAD.left + (trend.length <= 1 ? innerW / 2 : (i * innerW) / (trend.length - 1));
  const y = (v: number) => PAD.top + innerH - (v / top) * innerH;
  // Round steps (0, 5, 10, 15, 19 for 19 criteria; 0, 2, … 10 for 10) and always the maximum.
  const step = top > 12 ? 5 : 2;
  const ticks: number[] = [];
  for (let t = 0; t < top; t += step) ticks.push(t);
  ticks.push(top);
  const otherSet = (t: TrendChartProps['trend'][number]) => t.criteriaCount !== null && t.criteriaCount !== maxCriteria;
  const segments: string[] = [];
  let current = '';
  trend.forEach((t, i) => {
    if (t.averageMet === null || otherSet(t)) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? 'L' : 'M'}${x(i).toFixed(1)},${y(t.averageMet).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const summary = trend
    .map(
      (t) =>
        `${periodLabel(t.period)}: ${t.averageMet === null ? 'chưa có số liệu' : `${formatNumber(t.averageMet)}/${t.criteriaCount ?? maxCriteria} tiêu chí${otherSet(t) ? ' (bộ tiêu chí khác)' : ''}`}`,
    )
    .join('; ');
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={`Bình quân tiêu chí đạt mỗi xã, 8 quý: ${summary}`} data-testid="ntm-trend-chart" style={{ maxHeight: 260, display: 'block' }}>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="#e9ecef" />
          <text x={PAD.left - 6} y={y(t) + 4} fontSize={12} textAnchor="end" fill="#868e96">
            {t}
          </text>
        </g>
      ))}
      {segments.map((d) => (
        <path key={d} d={d} fill="none" stroke="#2f9e44" strokeWidth={2.5} />
      ))}
      {trend.map((t, i) => (
        <g key={t.period}>
          {t.averageMet !== null && !otherSet(t) && (
            <>
              <circle cx={x(i)} cy={y(t.averageMet)} r={4} fill="#2f9e44">
                <title>{`${periodLabel(t.period)}: bình quân ${formatNumber(t.averageMet)} tiêu chí/xã; ${t.fullyMet} xã đạt đủ; ${t.assessed} xã đã đánh giá`}</title>
              </circle>
              <text x={x(i)} y={y(t.averageMet) - 9} fontSize={13} textAnchor="middle" fill="#2b8a3e" fontWeight={600}>
                {formatNumber(t.averageMet)}
              </text>
            </>
          )}
          <text x={x(i)} y={H - PAD.bottom + 17} fontSize={12} textAnchor="middle" fill="#495057">
            {shortPeriod(t.period)}
          </text>
          <text x={x(i)} y={H - PAD.bottom + 33} fontSize={11} textAnchor="middle" fill="#868e96">
            {t.assessed === 0 ? '—' : otherSet(t) ? 'bộ TC khác' : `${t.assessed} xã`}
            {otherSet(t) && <title>{`${periodLabel(t.period)}: ${t.assessed} xã đánh giá theo bộ ${t.criteriaCount} tiêu chí, bình quân ${formatNumber(t.averageMet ?? 0)}; không so sánh trên cùng trục.`}</title>}
          </text>
        </g>
      ))}
    </svg>
  );
}
