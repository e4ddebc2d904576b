import type { PlanTargetProgress } from '../../../../core/contract/index';
import { PROGRESS_STATUS_LABELS } from '../../../../core/contract/index';

export type ProgressChartProps = { targets: PlanTargetProgress[] };

const W = 720;
const ROW = 34;
const PAD = { left: 250, right: 70, top: 26, bottom: 12 };
const COLOR: Record<PlanTargetProgress['status'], string> = {
  achieved: '#2f9e44',
  on_track: '#1c7ed6',
  behind: '#e8590c',
  missed: '#c92a2a',
  unknown: '#868e96',
};

const fmt = (n: number) => String(Math.round(n * 10) / 10).replace('.', ',');

/**
 * Target against achieved, one bar per target in plain SVG (no chart library): the grey track is the target, the
 * coloured bar what is achieved (colour = status), the dark tick where a steady pace would be today. Each row
 * carries its figures in a <title> for a tooltip and for screen readers.
 */
export function ProgressChart({ targets }: ProgressChartProps) {
  const H = PAD.top + targets.length * ROW + PAD.bottom;
  const innerW = W - PAD.left - PAD.right;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label="Biểu đồ kết quả so với chỉ tiêu" data-testid="plans-progress-chart">
      <text x={PAD.left} y={14} fontSize={11} fill="#495057">
        Chỉ tiêu = 100% · vạch đen: tiến độ đều đến hôm nay
      </text>
      {targets.map((t, i) => {
        const y = PAD.top + i * ROW;
        const share = t.achieved === null || t.target.value === 0 ? 0 : Math.min(1.15, t.achieved / t.target.value);
        const expected = t.expectedByNow === null || t.target.value === 0 ? null : Math.min(1, t.expectedByNow / t.target.value);
        const label = t.target.label.length > 44 ? `${t.target.label.slice(0, 43)}…` : t.target.label;
        return (
          <g key={t.target.id}>
            <title>{`${t.target.label}: ${t.achieved === null ? 'chưa có số liệu' : fmt(t.achieved)} / ${fmt(t.target.value)} — ${PROGRESS_STATUS_LABELS[t.status]}`}</title>
            <text x={PAD.left - 8} y={y + 17} fontSize={12} textAnchor="end" fill="#212529">
              {label}
            </text>
            <rect x={PAD.left} y={y + 5} width={innerW} height={16} rx={3} fill="#e9ecef" />
            <rect x={PAD.left} y={y + 5} width={Math.min(innerW, share * innerW)} height={16} rx={3} fill={COLOR[t.status]} />
            {expected !== null && <line x1={PAD.left + expected * innerW} x2={PAD.left + expected * innerW} y1={y + 2} y2={y + 24} stroke="#212529" strokeWidth={2} />}
            <text x={PAD.left + innerW + 6} y={y + 17} fontSize={12} fill="#212529">
              {t.achieved === null ? '—' : fmt(t.achieved)}/{fmt(t.target.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
