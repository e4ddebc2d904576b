import { Alert, Badge, Button, Group, Loader, NumberInput, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { NtmLevel } from '../../../../core/contract/index';
import { NTM_LEVEL_LABELS } from '../../../../core/contract/index';
import { useSetRoadmap } from './mutations';
import { useRoadmaps } from './queries';

const LEVELS = Object.keys(NTM_LEVEL_LABELS) as NtmLevel[];

/** Each commune: the year it registered for each level, what still fails, months left; and upkeep under the newer catalog. */
export function RoadmapPanel() {
  const roadmaps = useRoadmaps();
  const set = useSetRoadmap();
  const [unitCode, setUnitCode] = useState<string | null>(null);
  const [level, setLevel] = useState<NtmLevel>('xa_ntm');
  const [year, setYear] = useState<number>(new Date().getFullYear());
  if (roadmaps.isPending) return <Loader />;
  if (roadmaps.isError) return <Alert color="red">{roadmaps.error.message}</Alert>;
  const rows = roadmaps.data.filter((r) => r.goals.length > 0 || r.maintenance.length > 0);
  return (
    <Stack>
      <Group align="flex-end">
        <Select
          label="Xã"
          searchable
          data={roadmaps.data.map((r) => ({ value: r.unitCode, label: r.name }))}
          value={unitCode}
          onChange={setUnitCode}
          w={260}
          data-testid="roadmap-commune"
        />
        <Select label="Mức" data={LEVELS.map((l) => ({ value: l, label: NTM_LEVEL_LABELS[l] }))} value={level} onChange={(v) => v && setLevel(v as NtmLevel)} allowDeselect={false} w={200} />
        <NumberInput label="Năm đăng ký đạt" value={year} onChange={(v) => setYear(Number(v))} min={2010} max={2100} w={140} data-testid="roadmap-year" />
        <Button disabled={!unitCode} loading={set.isPending} onClick={() => unitCode && set.mutate({ unitCode, level, targetYear: year })} data-testid="roadmap-save">
          Ghi lộ trình
        </Button>
      </Group>
      {rows.length === 0 ? (
        <Alert color="gray">Chưa có xã nào đăng ký lộ trình, và chưa có xã được công nhận theo bộ tiêu chí cũ.</Alert>
      ) : (
        <Table withTableBorder striped data-testid="roadmap-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Xã</Table.Th>
              <Table.Th>Hiện đạt</Table.Th>
              <Table.Th>Lộ trình và tiêu chí còn thiếu</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.unitCode}>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td>{r.level ? NTM_LEVEL_LABELS[r.level] : 'Chưa đạt chuẩn'}</Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    {r.goals.map((g) => (
                      <div key={g.id}>
                        <Group gap={6}>
                          <Badge variant="light" color={g.achieved ? 'green' : g.overdue ? 'red' : 'blue'}>
                            {NTM_LEVEL_LABELS[g.level]} năm {g.targetYear}
                          </Badge>
                          {!g.achieved && <Text size="xs">{g.overdue ? `quá ${-g.monthsLeft} tháng` : `còn ${g.monthsLeft} tháng`}</Text>}
                          {g.failing.length > 0 && <Text size="xs" c="orange.8">{g.failing.length} tiêu chí chưa đạt</Text>}
                        </Group>
                        <Text size="xs" c="dimmed">
                          {g.message}
                        </Text>
                      </div>
                    ))}
                    {r.maintenance.map((m) => (
                      <div key={m.level}>
                        <Badge variant="outline" color={m.failing.length ? 'orange' : 'gray'}>
                          Duy trì theo {m.currentCatalog.name}
                        </Badge>
                        <Text size="xs" c="dimmed">
                          {m.message}
                        </Text>
                      </div>
                    ))}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
