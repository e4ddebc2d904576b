import { Badge, Group, Text, VisuallyHidden } from '@mantine/core';
import { CRITERION_STATUS, type CriterionStatus } from './statusStyle';

export type StatusMarkProps = { status: CriterionStatus; withLabel?: boolean };

/** A criterion status as glyph + word + colour. */
export function StatusMark({ status, withLabel = true }: StatusMarkProps) {
  const s = CRITERION_STATUS[status];
  return (
    <Badge tt="none" color={s.color} variant="light" radius="sm" leftSection={<span aria-hidden>{s.glyph}</span>} data-status={status}>
      {withLabel ? s.label : <VisuallyHidden>{s.label}</VisuallyHidden>}
    </Badge>
  );
}

export type StatusLegendProps = Record<string, never>;

export function StatusLegend(_props: StatusLegendProps) {
  return (
    <Group gap="md" aria-label="Chú giải trạng thái">
      {(Object.keys(CRITERION_STATUS) as CriterionStatus[]).map((k) => (
        <Group key={k} gap={4}>
          <span
            aria-hidden
            style={{ display: 'inline-flex', width: 20, height: 20, alignItems: 'center', justifyContent: 'center', borderRadius: 3, background: CRITERION_STATUS[k].bg, color: CRITERION_STATUS[k].fg, fontWeight: 700, fontSize: 13 }}
          >
            {CRITERION_STATUS[k].glyph}
          </span>
          <Text size="xs">{CRITERION_STATUS[k].label}</Text>
        </Group>
      ))}
    </Group>
  );
}
