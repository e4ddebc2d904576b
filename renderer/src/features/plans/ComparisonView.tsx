import { Alert, Badge, Group, Loader, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ComparisonIndicator, SourceCell } from '../../../../core/contract/index';
import { useSetFinding } from './mutations';
import { useComparison } from './queries';

const STATUS: Record<SourceCell['status'], { label: string; color: string }> = {
  met: { label: 'Đạt', color: 'green' },
  not_met: { label: 'Không đạt', color: 'red' },
  needs_manual: { label: 'Cần minh chứng', color: 'yellow' },
  missing_value: { label: 'Chưa có', color: 'gray' },
};

function Cell({ cell }: { cell: SourceCell | null }) {
  if (!cell) return <Text size="xs" c="dimmed">—</Text>;
  return (
    <Stack gap={2}>
      <Badge size="sm" variant="light" color={STATUS[cell.status].color}>
        {STATUS[cell.status].label}
      </Badge>
      {cell.sector && <Text size="xs">{cell.sector}</Text>}
      {cell.evidence && (
        <Text size="xs" c="dimmed" lineClamp={2}>
          {cell.evidence}
        </Text>
      )}
      {cell.files.length > 0 && <Text size="xs">📎 {cell.files.map((f) => f.fileName).join(', ')}</Text>}
    </Stack>
  );
}

function TeamEntry({ roundId, unitCode, indicator, disabled }: { roundId: string; unitCode: string; indicator: ComparisonIndicator; disabled: boolean }) {
  const set = useSetFinding();
  const [evidence, setEvidence] = useState(indicator.team?.evidence ?? '');
  const met = indicator.team?.manualMet;
  return (
    <Group gap={4} wrap="nowrap">
      <Select
        aria-label={`Kết luận của đoàn, chỉ tiêu ${indicator.code}`}
        data={[
          { value: 'met', label: 'Đạt' },
          { value: 'not_met', label: 'Không đạt' },
        ]}
        value={met === undefined || met === null ? null : met ? 'met' : 'not_met'}
        onChange={(v) => v && set.mutate({ roundId, unitCode, source: 'doan_tham_dinh', indicatorCode: indicator.code, manualMet: v === 'met', evidence: evidence || null })}
        w={110}
        size="xs"
        disabled={disabled}
        data-testid={`team-met-${indicator.code}`}
      />
      <TextInput
        aria-label={`Minh chứng của đoàn, chỉ tiêu ${indicator.code}`}
        placeholder="Minh chứng, biên bản"
        size="xs"
        value={evidence}
        onChange={(e) => setEvidence(e.currentTarget.value)}
        onBlur={() => evidence !== (indicator.team?.evidence ?? '') && set.mutate({ roundId, unitCode, source: 'doan_tham_dinh', indicatorCode: indicator.code, evidence: evidence || null })}
        disabled={disabled}
        data-testid={`team-evidence-${indicator.code}`}
      />
    </Group>
  );
}

export type ComparisonViewProps = { roundId: string; unitCode: string; reported: boolean };

/**
 * The commune's self-assessment, the sectors' and the inter-sector team's findings side by side; rows where the
 * team's conclusion differs are highlighted, criteria self-assessed met but found not met are flagged.
 */
export function ComparisonView({ roundId, unitCode, reported }: ComparisonViewProps) {
  const view = useComparison(roundId, unitCode);
  if (view.isPending) return <Loader />;
  if (view.isError) return <Alert color="red">{view.error.message}</Alert>;
  const v = view.data;
  return (
    <Stack gap="sm" data-testid="comparison">
      <Group gap="lg">
        <Text fw={600}>{v.communeName}</Text>
        <Text size="sm">Bộ tiêu chí: {v.catalog.name}</Text>
        <Text size="sm">Tự đánh giá: {v.selfAssessment ? `${v.selfAssessment.period}, đạt ${v.selfMetCount}/${v.criteria.length}` : 'chưa có'}</Text>
        <Text size="sm">Đoàn thẩm định: {v.teamMetCount === null ? 'chưa nhập' : `đạt ${v.teamMetCount}/${v.criteria.length}`}</Text>
        <Badge color={v.differences ? 'red' : 'gray'} data-testid="comparison-differences">
          {v.differences} chỉ tiêu khác biệt
        </Badge>
        {v.overstated > 0 && (
          <Badge color="red" variant="filled">
            {v.overstated} tiêu chí tự đánh giá đạt nhưng đoàn kết luận không đạt
          </Badge>
        )}
      </Group>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Chỉ tiêu</Table.Th>
            <Table.Th>Xã tự đánh giá</Table.Th>
            <Table.Th>Ngành</Table.Th>
            <Table.Th>Đoàn thẩm định</Table.Th>
            <Table.Th>Nhập kết quả của đoàn</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {v.indicators.map((i) => {
            const criterion = v.criteria.find((c) => c.no === i.criterionNo)!;
            return (
              <Table.Tr key={i.code} bg={i.differs ? 'red.0' : undefined} data-differs={i.differs || undefined} data-testid={`cmp-row-${i.code}`}>
                <Table.Td maw={320}>
                  <Text size="xs" fw={600}>
                    {i.code} {criterion.overstated ? '⚠' : ''}
                  </Text>
                  <Text size="xs" lineClamp={2}>
                    {i.text}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Cell cell={i.self} />
                </Table.Td>
                <Table.Td>
                  <Cell cell={i.sector} />
                </Table.Td>
                <Table.Td>
                  <Cell cell={i.team} />
                </Table.Td>
                <Table.Td>
                  <TeamEntry roundId={roundId} unitCode={unitCode} indicator={i} disabled={reported} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
