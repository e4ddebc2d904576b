import { layoutBarChart, type BarChartSpec } from '../../../../core/reports/chartLayout';

export type BarChartProps = { spec: BarChartSpec; testId?: string; onBarClick?: (seriesIndex: number, categoryIndex: number) => void };

/**
 * A grouped bar chart in plain SVG from the same layout as the DOCX images (core/reports/chartLayout.ts). Each bar
 * has its figures in a <title>; clicking a bar opens what it counts when the page passes onBarClick.
 */
export function BarChart({ spec, testId, onBarClick }: BarChartProps) {
  const layout = layoutBarChart(spec);
  const { plot } = layout;
  const summary = spec.series.map((s) => `${s.name}: ${s.values.join(', ')}`).join('; ');
  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${layout.width} ${layout.height}`} width="100%" role="img" aria-label={`${spec.title}. ${summary}`} data-testid={testId} style={{ maxHeight: 280, display: 'block' }}>
        {layout.yTicks.map((t) => (
          <g key={t.value}>
            <line x1={plot.x} x2={plot.x + plot.w} y1={t.y} y2={t.y} stroke="#e9ecef" />
            <text x={plot.x - 6} y={t.y + 4} fontSize={12} textAnchor="end" fill="#868e96">
              {t.value}
            </text>
          </g>
        ))}
        {layout.bars.map((b) => (
          <g key={`${b.seriesIndex}-${b.categoryIndex}`} style={{ cursor: onBarClick ? 'pointer' : undefined }} onClick={() => onBarClick?.(b.seriesIndex, b.categoryIndex)}>
            <rect x={b.x} y={b.y} width={b.w} height={Math.max(b.h, 0)} fill={b.color}>
              <title>{`${spec.categories[b.categoryIndex]} — ${spec.series[b.seriesIndex]!.name}: ${b.value}`}</title>
            </rect>
            <text x={b.x + b.w / 2} y={b.y - 4} fontSize={12} textAnchor="middle" fill="#212529">
              {b.value}
            </text>
          </g>
        ))}
        <line x1={plot.x} x2={plot.x + plot.w} y1={plot.y + plot.h} y2={plot.y + plot.h} stroke="#495057" />
        {layout.categoryLabels.map((l) => (
          <text key={l.text} x={l.x} y={l.y} fontSize={13} textAnchor="middle" fill="#495057">
            {l.text}
          </text>
        ))}
      </svg>
      <figcaption style={{ display: 'flex', gap: 16, justifyContent: 'center', fontSize: 13, flexWrap: 'wrap' }}>
        {spec.series.map((s) => (
          <span key={s.name}>
            <span style={{ display: 'inline-block', width: 10, height: 10, background: s.color, marginRight: 6 }} />
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
