import { Alert, Anchor, Badge, Button, Card, Group, Loader, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { call } from '../../api/client';
import { compareVietnamese } from '../../../../core/text/vietnamese';
import { periodLabel } from '../../../../core/ntm/period';
import { communeSortName } from './matrixFilter';
import { PeriodPicker } from './PeriodPicker';
import { ntmKeys, useNtmCatalog, useNtmMatrix } from './queries';
import { StatusMark } from './StatusMark';
import { ASSESSMENT_STATUS, missingText, statusOfLetter, type CriterionStatus } from './statusStyle';

export type CriterionPageProps = {
  no: number;
  period: string;
  onPeriod: (period: string) => void;
  onBack: () => void;
  onOpenCommune: (unitCode: string) => void;
};

type Filter = CriterionStatus | 'all' | 'unassessed';
type CatalogCriterion = { no: number; name: string; group?: string | null; responsibleSector?: { name: string } | null; indicators?: { code: string; text: string; judgement: string }[] };

const PAGE = 50;
const ORDER: Record<CriterionStatus | 'unassessed', number> = { not_met: 0, undetermined: 1, met: 2, unassessed: 3 };

function criterionOf(document: unknown, no: number): CatalogCriterion | null {
  const criteria = (document as { criteria?: CatalogCriterion[] } | undefined)?.criteria;
  return Array.isArray(criteria) ? (criteria.find((c) => c.no === no) ?? null) : null;
}

/**
 * One criterion across the office's communes: status from the matrix (one call), and what is missing read
 * lazily from each listed commune's assessment (one call per commune, only for the rows on screen that are
 * not met). A service method 'ntm.criterion' { period, no } returning the missing indicators per commune
 * would make this one call.
 */
export function CriterionPage({ no, period, onPeriod, onBack, onOpenCommune }: CriterionPageProps) {
  const matrix = useNtmMatrix(period);
  const catalog = useNtmCatalog(matrix.data?.catalog.id);
  const [filter, setFilter] = useState<Filter>('all');
  const [limit, setLimit] = useState(PAGE);
  const index = matrix.data?.criteria.findIndex((c) => c.no === no) ?? -1;
  const rows = useMemo(() => {
    if (!matrix.data || index < 0) return [];
    return matrix.data.rows
      .map((r) => ({ ...r, status: statusOfLetter(r.statuses[index] ?? '?'), assessed: r.assessmentStatus !== null }))
      // What needs work first: not met, then undecided, then met, then not assessed; by name within each.
      .sort((a, b) => ORDER[a.assessed ? a.status : 'unassessed'] - ORDER[b.assessed ? b.status : 'unassessed'] || compareVietnamese(communeSortName(a.name), communeSortName(b.name)));
  }, [matrix.data, index]);
  const counts = {
    all: rows.length,
    met: rows.filter((r) => r.assessed && r.status === 'met').length,
    not_met: rows.filter((r) => r.assessed && r.status === 'not_met').length,
    undetermined: rows.filter((r) => r.assessed && r.status === 'undetermined').length,
    unassessed: rows.filter((r) => !r.assessed).length,
  };
  const shown = rows.filter((r) => (filter === 'all' ? true : filter === 'unassessed' ? !r.assessed : r.assessed && r.status === filter));
  const page = shown.slice(0, limit);
  const details = useQueries({
    queries: page.map((r) => ({
      queryKey: ntmKeys.assessment(r.unitCode, period),
      queryFn: () => call('ntm.assessment.get', { unitCode: r.unitCode, period }),
      enabled: r.assessed && r.status !== 'met',
    })),
  });
  const source = criterionOf(catalog.data?.document, no);
  const name = matrix.data?.criteria[index]?.name ?? source?.name ?? '';

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Anchor component="button" type="button" size="sm" onClick={onBack} ta="left">
            ← Ma trận xã × tiêu chí
          </Anchor>
          <Title order={2} data-testid="criterion-title">
            Tiêu chí {no}. {name}
          </Title>
        </Stack>
        <PeriodPicker value={period} onChange={onPeriod} />
      </Group>
      {matrix.isPending && <Loader aria-label="Đang tải" />}
      {matrix.isError && <Alert color="red">{matrix.error.message}</Alert>}
      {matrix.data && index < 0 && <Alert color="orange">Bộ tiêu chí áp dụng cho {periodLabel(period)} không có tiêu chí số {no}.</Alert>}
      {matrix.data && index >= 0 && (
        <>
          <Card withBorder padding="sm" radius="md">
            <Text size="sm">
              {matrix.data.catalog.name} ({matrix.data.catalog.decision}){source?.group ? ` · Nhóm: ${source.group}` : ''}
            </Text>
            <Text size="sm" data-testid="criterion-sector">
              Ngành phụ trách: <b>{source?.responsibleSector?.name ?? 'chưa ghi trong bộ tiêu chí'}</b>
            </Text>
            {source?.indicators && (
              <Stack gap={0} mt={4}>
                {source.indicators.map((i) => (
                  <Text key={i.code} size="xs" c="dimmed">
                    {i.code}: {i.text}
                    {i.judgement === 'manual' ? ' (đánh giá thủ công)' : ''}
                  </Text>
                ))}
              </Stack>
            )}
          </Card>
          <SegmentedControl
            value={filter}
            onChange={(v) => {
              setFilter(v as Filter);
              setLimit(PAGE);
            }}
            data={[
              { value: 'all', label: `Tất cả (${counts.all})` },
              { value: 'met', label: `✓ Đạt (${counts.met})` },
              { value: 'not_met', label: `✗ Không đạt (${counts.not_met})` },
              { value: 'undetermined', label: `? Chưa xác định (${counts.undetermined})` },
              { value: 'unassessed', label: `Chưa đánh giá (${counts.unassessed})` },
            ]}
            data-testid="criterion-filter"
          />
          <Table striped highlightOnHover verticalSpacing={4} fz="sm" data-testid="criterion-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Xã</Table.Th>
                <Table.Th w={150}>Tiêu chí {no}</Table.Th>
                <Table.Th>Còn thiếu</Table.Th>
                <Table.Th w={130}>Kỳ đánh giá</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.map((r, i) => {
                const d = details[i];
                const c = d?.data?.criteria.find((x) => x.no === no);
                const st = ASSESSMENT_STATUS[r.assessmentStatus ?? 'none'];
                return (
                  <Table.Tr key={r.unitCode} data-testid={`criterion-row-${r.unitCode}`}>
                    <Table.Td>
                      <Anchor component="button" type="button" size="sm" onClick={() => onOpenCommune(r.unitCode)}>
                        {r.atRisk ? '⚠ ' : ''}
                        {r.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{r.assessed ? <StatusMark status={r.status} /> : <Text size="xs" c="dimmed">—</Text>}</Table.Td>
                    <Table.Td>
                      <Text size="xs">{!r.assessed || r.status === 'met' ? '' : d?.isPending ? '…' : c ? missingText(c) : ''}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge tt="none" size="sm" variant="light" color={st.color}>
                        {st.label}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {shown.length > limit && (
            <Button variant="default" onClick={() => setLimit((l) => l + PAGE)}>
              Xem thêm ({shown.length - limit} xã)
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
