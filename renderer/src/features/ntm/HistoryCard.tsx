import { Anchor, Card, Table, Text } from '@mantine/core';
import { periodLabel, periodsEndingAt } from '../../../../core/ntm/period';
import { useNtmAssessmentHistory } from './queries';
import { ASSESSMENT_STATUS } from './statusStyle';

export type HistoryCardProps = { unitCode: string; period: string; onOpenPeriod: (period: string) => void };

/** Criteria met in this quarter and the four before it (one assessment.get per quarter). */
export function HistoryCard({ unitCode, period, onOpenPeriod }: HistoryCardProps) {
  const periods = periodsEndingAt(period, 5).reverse();
  const results = useNtmAssessmentHistory(unitCode, periods);
  return (
    <Card withBorder padding="sm" radius="md" data-testid="commune-history">
      <Text fw={600} mb={4}>
        Các quý gần đây
      </Text>
      <Table verticalSpacing={3} horizontalSpacing="xs" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Quý</Table.Th>
            <Table.Th ta="right">Tiêu chí đạt</Table.Th>
            <Table.Th>Trạng thái</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {periods.map((p, i) => {
            const r = results[i];
            const v = r?.data;
            const status = ASSESSMENT_STATUS[v?.assessment?.status ?? 'none'];
            return (
              <Table.Tr key={p} data-testid={`history-${p}`} fw={p === period ? 700 : undefined}>
                <Table.Td>
                  {p === period ? (
                    periodLabel(p)
                  ) : (
                    <Anchor component="button" type="button" size="sm" onClick={() => onOpenPeriod(p)}>
                      {periodLabel(p)}
                    </Anchor>
                  )}
                </Table.Td>
                <Table.Td ta="right">{v?.assessment ? `${v.metCount}/${v.criteriaCount}` : r?.isPending ? '…' : '—'}</Table.Td>
                <Table.Td>
                  <Text size="xs" c={`${status.color}.7`}>
                    {r?.isError ? 'Không có bộ tiêu chí' : status.label}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
