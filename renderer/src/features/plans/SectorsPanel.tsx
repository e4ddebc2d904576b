import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { periodLabel } from '../../../../core/ntm/period';
import type { CriterionSectors, SectorDiscrepancy } from '../../../../core/contract/index';
import { useSetSector } from './mutations';
import { useCriterionSectors, useNtmCatalogs, useRounds, useSectorDiscrepancies, useSectorFailing } from './queries';

const vnDate = (iso: string) => iso.split('-').reverse().join('/');
const STATUS: Record<string, { label: string; color: string }> = {
  met: { label: 'Đạt', color: 'green' },
  not_met: { label: 'Không đạt', color: 'red' },
  undetermined: { label: 'Chưa xác định', color: 'gray' },
};

function StatusBadge({ status }: { status: SectorDiscrepancy['self'] }) {
  if (status === null)
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  const s = STATUS[status]!;
  return (
    <Badge color={s.color} variant="light" tt="none" size="sm">
      {s.label}
    </Badge>
  );
}

/** Per sector, every criterion not met in the communes' latest self-assessments, with the open task if any. */
function FailingView() {
  const failing = useSectorFailing();
  if (failing.isPending) return <Loader />;
  if (failing.isError) return <Alert color="red">{failing.error.message}</Alert>;
  const f = failing.data;
  return (
    <Stack data-testid="sector-failing">
      <Text size="sm" c="dimmed">
        Theo kết quả tự đánh giá gần nhất của {f.assessedCount} xã; ngành phụ trách theo phân công của văn phòng (nếu
        có), nếu không theo bộ tiêu chí.
      </Text>
      {f.sectors.length === 0 && (
        <Alert color="gray">Không có tiêu chí nào không đạt trong các kỳ tự đánh giá gần nhất.</Alert>
      )}
      {f.sectors.map((s) => (
        <Card key={s.sector} withBorder data-testid="sector-failing-card">
          <Group justify="space-between" mb="xs">
            <Text fw={600}>{s.sector}</Text>
            <Group gap="xs">
              <Badge color="red" variant="light" tt="none">
                {s.items.length} tiêu chí chưa đạt tại {s.communeCount} xã
              </Badge>
              {s.withoutTask > 0 && (
                <Badge color="orange" variant="light" tt="none">
                  {s.withoutTask} chưa giao nhiệm vụ
                </Badge>
              )}
            </Group>
          </Group>
          <Table verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Tiêu chí</Table.Th>
                <Table.Th>Xã</Table.Th>
                <Table.Th>Kỳ đánh giá</Table.Th>
                <Table.Th>Nhiệm vụ</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.items.map((i) => (
                <Table.Tr key={`${i.unitCode}/${i.catalogId}/${i.criterionNo}`}>
                  <Table.Td>
                    {i.criterionNo}. {i.criterionName}
                  </Table.Td>
                  <Table.Td>{i.communeName}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{periodLabel(i.period)}</Text>
                  </Table.Td>
                  <Table.Td>
                    {i.openTask ? (
                      <Badge color={i.openTask.overdue ? 'red' : 'blue'} variant="light" tt="none">
                        {i.openTask.overdue ? 'Quá hạn' : 'Hạn'} {vnDate(i.openTask.dueOn)}
                      </Badge>
                    ) : (
                      <Text size="xs" c="dimmed">
                        Chưa giao
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      ))}
    </Stack>
  );
}

/** Where the team's or a sector's finding disagrees with the self-assessment, grouped by the responsible sector. */
function DiscrepancyView() {
  const rounds = useRounds();
  const [roundId, setRoundId] = useState<string | null>(null);
  const view = useSectorDiscrepancies(roundId);
  return (
    <Stack data-testid="sector-discrepancies">
      <Select
        label="Đợt rà soát"
        placeholder="Tất cả các đợt của văn phòng"
        clearable
        data={(rounds.data ?? []).map((r) => ({
          value: r.id,
          label: `${r.documentNo} — ${r.title}${r.readOnly ? ` (${r.officeName})` : ''}`,
        }))}
        value={roundId}
        onChange={setRoundId}
        w={520}
        data-testid="sector-discrepancy-round"
      />
      {view.isPending && <Loader />}
      {view.isError && <Alert color="red">{view.error.message}</Alert>}
      {view.data && (
        <>
          <Text size="sm" data-testid="sector-discrepancy-total">
            {view.data.total === 0
              ? 'Chưa có tiêu chí nào mà kết quả kiểm tra khác kết quả tự đánh giá.'
              : `${view.data.total} tiêu chí có kết quả kiểm tra khác tự đánh giá; ${view.data.overstated} tiêu chí xã tự đánh giá đạt nhưng kiểm tra không đạt.`}
          </Text>
          {view.data.sectors.map((s) => (
            <Card key={s.sector} withBorder data-testid="sector-discrepancy-card">
              <Group justify="space-between" mb="xs">
                <Text fw={600}>{s.sector}</Text>
                <Group gap="xs">
                  <Badge color="orange" variant="light" tt="none">
                    {s.count} khác biệt tại {s.communeCount} xã
                  </Badge>
                  {s.overstated > 0 && (
                    <Badge color="red" variant="light" tt="none">
                      {s.overstated} tự đánh giá cao hơn thực tế
                    </Badge>
                  )}
                </Group>
              </Group>
              <Table verticalSpacing={4} fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Xã</Table.Th>
                    <Table.Th>Tiêu chí</Table.Th>
                    <Table.Th>Tự đánh giá</Table.Th>
                    <Table.Th>Đoàn thẩm định</Table.Th>
                    <Table.Th>Ngành</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.rows.map((r) => (
                    <Table.Tr key={`${r.roundId}/${r.unitCode}/${r.criterionNo}`}>
                      <Table.Td>
                        <Text size="sm">{r.communeName}</Text>
                        {roundId === null && (
                          <Text size="xs" c="dimmed">
                            {r.roundTitle}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {r.criterionNo}. {r.criterionName}
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge status={r.self} />
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge status={r.team} />
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge status={r.sectorFinding} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          ))}
        </>
      )}
    </Stack>
  );
}

function SectorInput({ catalogId, criterion }: { catalogId: string; criterion: CriterionSectors['criteria'][number] }) {
  const set = useSetSector();
  const [value, setValue] = useState(criterion.overridden ? (criterion.sector ?? '') : '');
  const commit = () => {
    const next = value.trim();
    if (next === (criterion.overridden ? criterion.sector : '')) return;
    set.mutate({ catalogId, criterionNo: criterion.no, sector: next === '' ? null : next });
  };
  return (
    <TextInput
      size="xs"
      aria-label={`Ngành phụ trách tiêu chí ${criterion.no}`}
      placeholder={criterion.defaultSector ?? 'Chưa ghi trong bộ tiêu chí'}
      value={value}
      onChange={(e) => setValue(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
      data-testid={`sector-input-${criterion.no}`}
    />
  );
}

/** The responsible sector of each criterion of a catalog: the catalog's default, and the office's own where it set one. */
function AssignmentView() {
  const catalogs = useNtmCatalogs();
  const [catalogId, setCatalogId] = useState<string | null>(null);
  const chosen =
    catalogId ??
    catalogs.data?.find((c) => c.level === 'xa_ntm' && c.periodTo >= new Date().getFullYear())?.id ??
    catalogs.data?.[0]?.id ??
    null;
  const sectors = useCriterionSectors(chosen);
  const set = useSetSector();
  return (
    <Stack data-testid="sector-assignment">
      <Group align="flex-end" justify="space-between">
        <Select
          label="Bộ tiêu chí"
          data={(catalogs.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.decision})` }))}
          value={chosen}
          onChange={setCatalogId}
          w={640}
          allowDeselect={false}
          data-testid="sector-catalog"
        />
        <Text size="xs" c="dimmed" maw={420}>
          Bộ tiêu chí ghi ngành phụ trách ở cấp trung ương; văn phòng ghi sở, phòng được giao ở địa phương. Để trống là
          theo bộ tiêu chí.
        </Text>
      </Group>
      {sectors.isPending && <Loader />}
      {sectors.isError && <Alert color="red">{sectors.error.message}</Alert>}
      {sectors.data && (
        <Table striped withTableBorder verticalSpacing={4} fz="sm" data-testid="sector-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Tiêu chí</Table.Th>
              <Table.Th>Theo bộ tiêu chí</Table.Th>
              <Table.Th w={360}>Ngành phụ trách của địa phương</Table.Th>
              <Table.Th w={110} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sectors.data.criteria.map((c) => (
              <Table.Tr key={`${sectors.data.catalog.id}/${c.no}`} data-testid={`sector-row-${c.no}`}>
                <Table.Td>
                  {c.no}. {c.name}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {c.defaultSector ?? 'Chưa ghi'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <SectorInput key={`${c.sector}/${c.overridden}`} catalogId={sectors.data.catalog.id} criterion={c} />
                </Table.Td>
                <Table.Td>
                  {c.overridden && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="gray"
                      loading={set.isPending}
                      onClick={() =>
                        set.mutate({ catalogId: sectors.data.catalog.id, criterionNo: c.no, sector: null })
                      }
                    >
                      Về mặc định
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

type View = 'failing' | 'discrepancies' | 'assignment';

/** Sectors: what each still has to do, where checks disagreed with self-assessments, and who is responsible for what. */
export function SectorsPanel() {
  const [view, setView] = useState<View>('failing');
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={4}>Theo ngành phụ trách</Title>
        <SegmentedControl
          value={view}
          onChange={(v) => setView(v as View)}
          data={[
            { value: 'failing', label: 'Tiêu chí chưa đạt' },
            { value: 'discrepancies', label: 'Khác biệt khi kiểm tra' },
            { value: 'assignment', label: 'Phân công ngành' },
          ]}
          data-testid="sector-view"
        />
      </Group>
      {view === 'failing' && <FailingView />}
      {view === 'discrepancies' && <DiscrepancyView />}
      {view === 'assignment' && <AssignmentView />}
    </Stack>
  );
}
