import { Alert, Badge, Button, Checkbox, Group, Loader, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { TaskStatus } from '../../../../core/contract/index';
import { TASK_STATUSES, TASK_STATUS_LABELS } from '../../../../core/contract/index';
import { useGenerateTasks, useSaveTask } from './mutations';
import { useTasks } from './queries';

const vnDate = (iso: string) => iso.split('-').reverse().join('/');

/** Tasks of the sectors per criterion not met: deadline, status, overdue first. */
export function TasksPanel() {
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [dueOn, setDueOn] = useState('');
  const tasks = useTasks({ overdueOnly });
  const generate = useGenerateTasks();
  const save = useSaveTask();
  return (
    <Stack>
      <Group align="flex-end" justify="space-between">
        <Checkbox label="Chỉ nhiệm vụ quá hạn" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.currentTarget.checked)} data-testid="tasks-overdue" />
        <Group align="flex-end">
          <TextInput label="Thời hạn hoàn thành" type="date" value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} data-testid="tasks-due" />
          <Button disabled={!dueOn} loading={generate.isPending} onClick={() => generate.mutate({ dueOn })} data-testid="tasks-generate">
            Giao nhiệm vụ theo lộ trình
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
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
