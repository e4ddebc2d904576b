import { Alert, Badge, Button, Checkbox, Group, Loader, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { PlanTask, TaskStatus } from '../../../../core/contract/index';
import { TASK_STATUSES, TASK_STATUS_LABELS } from '../../../../core/contract/index';
import { useGenerateTasks, useSaveTask } from './mutations';
import { useTasks } from './queries';
import { TaskForm } from './TaskForm';

const vnDate = (iso: string) => iso.split('-').reverse().join('/');

/** Tasks of the sectors per criterion not met: deadline, status, overdue first. */
export function TasksPanel() {
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [dueOn, setDueOn] = useState('');
  const [sector, setSector] = useState<string | null>(null);
  const tasks = useTasks({ overdueOnly, sector: sector ?? undefined });
  const all = useTasks({});
  const sectors = [...new Set((all.data ?? []).map((t) => t.sector))].sort((a, b) => a.localeCompare(b, 'vi'));
  const generate = useGenerateTasks();
  const save = useSaveTask();
  const [editing, setEditing] = useState<PlanTask | 'new' | null>(null);
  return (
    <Stack>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? 'Giao nhiệm vụ cho ngành' : 'Sửa nhiệm vụ'} size="lg">
        {editing !== null && <TaskForm task={editing === 'new' ? undefined : editing} onSaved={() => setEditing(null)} />}
      </Modal>
      <Group align="flex-end" justify="space-between">
        <Group align="flex-end">
          <Select label="Ngành phụ trách" placeholder="Tất cả các ngành" clearable data={sectors} value={sector} onChange={setSector} w={260} data-testid="tasks-sector" />
          <Checkbox label="Chỉ nhiệm vụ quá hạn" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.currentTarget.checked)} mb={8} data-testid="tasks-overdue" />
        </Group>
        <Group align="flex-end">
          <TextInput label="Thời hạn hoàn thành" type="date" value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} data-testid="tasks-due" />
          <Button disabled={!dueOn} loading={generate.isPending} onClick={() => generate.mutate({ dueOn })} data-testid="tasks-generate">
            Giao nhiệm vụ theo lộ trình
          </Button>
          <Button variant="light" onClick={() => setEditing('new')} data-testid="task-new">
            Thêm nhiệm vụ
          </Button>
        </Group>
      </Group>
      {tasks.isPending && <Loader />}
      {tasks.isError && <Alert color="red">{tasks.error.message}</Alert>}
      {tasks.data?.length === 0 && <Alert color="gray">Không có nhiệm vụ nào.</Alert>}
      {tasks.data && tasks.data.length > 0 && (
        <Table withTableBorder striped data-testid="tasks-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Thời hạn</Table.Th>
              <Table.Th>Ngành phụ trách</Table.Th>
              <Table.Th>Nhiệm vụ</Table.Th>
              <Table.Th>Trạng thái</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tasks.data.map((t) => (
              <Table.Tr key={t.id} data-overdue={t.overdue || undefined}>
                <Table.Td>
                  <Text size="sm" c={t.overdue ? 'red.8' : undefined} fw={t.overdue ? 700 : undefined}>
                    {vnDate(t.dueOn)}
                  </Text>
                  {t.overdue && (
                    <Badge color="red" size="xs">
                      quá hạn {-t.daysLeft} ngày
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{t.sector}</Table.Td>
                <Table.Td>
                  <Text size="sm">{t.title}</Text>
                  <Text size="xs" c="dimmed">
                    {t.communeName} · tiêu chí {t.criterionNo} · {t.origin === 'round' ? 'từ đợt rà soát' : t.origin === 'roadmap' ? 'từ lộ trình' : 'nhập tay'}
                  </Text>
                  {t.note && (
                    <Text size="xs" c="dimmed" fs="italic">
                      {t.note}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label="Trạng thái nhiệm vụ"
                    data={TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] }))}
                    value={t.status}
                    onChange={(v) => v && save.mutate({ id: t.id, status: v as TaskStatus })}
                    allowDeselect={false}
                    w={160}
                  />
                </Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="subtle" onClick={() => setEditing(t)} data-testid={`task-edit-${t.criterionNo}`}>
                    Sửa
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
