import { Alert, Badge, Button, Card, Group, Loader, Modal, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { PlanProgress, ProgressStatus } from '../../../../core/contract/index';
import { PROGRESS_STATUS_LABELS } from '../../../../core/contract/index';
import { PlanForm } from './PlanForm';
import { ProgressChart } from './ProgressChart';
import { usePlanProgress, usePlans } from './queries';

const STATUS_COLOR: Record<ProgressStatus, string> = { achieved: 'green', on_track: 'blue', behind: 'orange', missed: 'red', unknown: 'gray' };
const num = (n: number | null) => (n === null ? '—' : String(n).replace('.', ','));
const vnDate = (iso: string) => iso.split('-').reverse().join('/');

function PlanProgressCard({ p, year, onDeleted }: { p: PlanProgress; year: number; onDeleted: () => void }) {
  const [open, setOpen] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  return (
    <Card withBorder data-testid="plan-progress">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Group gap="xs">
              <Title order={4}>{p.plan.title}</Title>
              {p.plan.readOnly && (
                <Badge color="gray" variant="outline" tt="none" data-testid="plan-readonly">
                  {p.plan.officeName} · chỉ xem
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {p.plan.documentNo} ngày {vnDate(p.plan.documentDate)} của {p.plan.issuer} · {p.plan.periodLabel} · tính đến {vnDate(p.asOf)} ({Math.round(p.elapsed * 100)}% thời gian)
            </Text>
          </div>
          {!p.plan.readOnly && (
            <Button variant="light" size="xs" onClick={() => setEditing(true)} data-testid="plan-edit">
              Sửa kế hoạch
            </Button>
          )}
        </Group>
        <Modal opened={editing} onClose={() => setEditing(false)} title="Sửa kế hoạch, chỉ tiêu" size="xl">
          <PlanForm
            year={year}
            plan={p.plan}
            onSaved={() => setEditing(false)}
            onDeleted={() => {
              setEditing(false);
              onDeleted();
            }}
          />
        </Modal>
        <ProgressChart targets={p.targets} />
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Chỉ tiêu</Table.Th>
              <Table.Th>Kế hoạch</Table.Th>
              <Table.Th>Đạt trong kỳ</Table.Th>
              <Table.Th>Lũy kế</Table.Th>
              <Table.Th>Tiến độ</Table.Th>
              <Table.Th>Chưa đạt</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.targets.map((t) => (
              <Table.Tr key={t.target.id}>
                <Table.Td>
                  <Text size="sm">{t.target.label}</Text>
                  <Text size="xs" c="dimmed">
                    {t.statusText}
                  </Text>
                </Table.Td>
                <Table.Td>{num(t.target.value)}</Table.Td>
                <Table.Td>{num(t.achievedInPeriod)}</Table.Td>
                <Table.Td>{num(t.cumulative)}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[t.status]} variant="light">
                    {PROGRESS_STATUS_LABELS[t.status]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {t.gap.length > 0 ? (
                    <Button size="compact-xs" variant="subtle" onClick={() => setOpen(open === t.target.id ? null : t.target.id)} data-testid="gap-toggle">
                      {t.gap.length} {t.gap[0]!.kind === 'commune' ? 'xã' : 'sản phẩm'}
                    </Button>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {p.targets
          .filter((t) => t.target.id === open)
          .map((t) => (
            <Card key={t.target.id} withBorder bg="gray.0" data-testid="gap-list">
              <Text fw={600} size="sm" mb={4}>
                Còn thiếu để đạt "{t.target.label}"
              </Text>
              <Table>
                <Table.Tbody>
                  {t.gap.slice(0, 40).map((g) => (
                    <Table.Tr key={g.code}>
                      <Table.Td>{g.name}</Table.Td>
                      <Table.Td>{g.roadmapYear ? <Badge variant="outline">lộ trình {g.roadmapYear}</Badge> : null}</Table.Td>
                      <Table.Td>{g.metCount !== null ? `${g.metCount}/${g.criteriaCount}` : ''}</Table.Td>
                      <Table.Td>
                        <Text size="xs">{g.detail}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          ))}
      </Stack>
    </Card>
  );
}

export type ProgressPanelProps = { year: number };

/** Plans of the year with target against achieved, pace, and the communes or products of each gap. */
export function ProgressPanel({ year }: ProgressPanelProps) {
  const plans = usePlans();
  const [planId, setPlanId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const progress = usePlanProgress(planId ? { planId } : { year });
  return (
    <Stack>
      <Group justify="space-between">
        <Select
          placeholder={`Các kế hoạch năm ${year}`}
          clearable
          data={(plans.data ?? []).map((p) => ({ value: p.id, label: `${p.title} (${p.periodLabel})${p.readOnly ? ` — ${p.officeName}` : ''}` }))}
          value={planId}
          onChange={setPlanId}
          w={420}
          aria-label="Chọn kế hoạch"
        />
        <Button onClick={() => setCreating(true)} data-testid="plan-new">
          Nhập kế hoạch mới
        </Button>
      </Group>
      <Modal opened={creating} onClose={() => setCreating(false)} title="Kế hoạch, chỉ tiêu theo văn bản giao" size="xl">
        <PlanForm
          year={year}
          onSaved={(id) => {
            setCreating(false);
            setPlanId(id);
          }}
        />
      </Modal>
      {progress.isPending && <Loader />}
      {progress.isError && <Alert color="red">{progress.error.message}</Alert>}
      {progress.data?.length === 0 && <Alert color="gray">Chưa có kế hoạch nào cho năm {year}. Nhập kế hoạch cùng số, ngày văn bản giao chỉ tiêu.</Alert>}
      {progress.data?.map((p) => <PlanProgressCard key={p.plan.id} p={p} year={year} onDeleted={() => setPlanId(null)} />)}
    </Stack>
  );
}
