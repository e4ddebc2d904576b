import { Anchor, Card, Group, Table, Text } from '@mantine/core';
import type { NtmAssessmentView } from '../../../../core/contract/index';
import { StatusMark } from './StatusMark';
import { missingText } from './statusStyle';

export type CriteriaSummaryProps = { view: NtmAssessmentView; onOpenCriterion: (no: number) => void };

/** Every criterion of the quarter with its status and what is still missing; a row jumps to its entry block. */
export function CriteriaSummary({ view, onOpenCriterion }: CriteriaSummaryProps) {
  return (
    <Card withBorder padding="sm" radius="md" data-testid="criteria-summary">
      <Group justify="space-between" mb={4}>
        <Text fw={600}>Tiêu chí</Text>
        <Text size="sm" fw={700} data-testid="commune-met">
          Đạt {view.metCount}/{view.criteriaCount} tiêu chí{view.band ? ` · ${view.band}` : ''}
        </Text>
      </Group>
      <Table verticalSpacing={2} horizontalSpacing={6} fz="sm" highlightOnHover>
        <Table.Tbody>
          {view.criteria.map((c) => {
            const missing = missingText(c);
            return (
              <Table.Tr key={c.no} data-testid={`crit-row-${c.no}`} data-status={c.status}>
                <Table.Td w={28} ta="right" fw={700}>
                  <Anchor component="button" type="button" size="sm" fw={700} onClick={() => onOpenCriterion(c.no)} title={`Tiêu chí ${c.no} ở mọi xã`}>
                    {c.no}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Anchor href={`#crit-${c.no}`} size="sm" c="dark" onClick={(e) => {
                    e.preventDefault();
                    document.getElementById(`crit-${c.no}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
                  }}>
                    {c.name}
                  </Anchor>
                  {missing && c.status !== 'met' && (
                    <Text size="xs" c="dimmed" lh={1.2}>
                      {missing}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td w={140} ta="right">
                  <StatusMark status={c.status} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
