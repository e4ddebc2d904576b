import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import type { PlanTask, TaskStatus } from '../../../../core/contract/index';
import { TASK_STATUSES, TASK_STATUS_LABELS } from '../../../../core/contract/index';
import { useGenerateTasks, useSaveTask } from './mutations';
import { useStaff, useTasks } from './queries';
import { ReminderLetterButton } from './PlanDocuments';
import { TaskForm } from './TaskForm';
import { taskLinks } from './taskText';

const vnDate = (iso: string) => iso.split('-').reverse().join('/');
const ORIGIN: Record<PlanTask['origin'], string> = {
  round: 'từ đợt rà soát',
  roadmap: 'từ lộ trình',
  manual: 'nhập tay',
};

/**
 * Tasks of the sectors and staff: deadline, whom, what it is about and the document that assigned it; overdue first.
 * In province mode the tasks merged from the offices' bundles follow, marked with their office, read-only.
 */
export function TasksPanel() {
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [dueOn, setDueOn] = useState('');
  const [sector, setSector] = useState<string | null>(null);
  const [staffId, setStaffId] = useState<string | null>(null);
  const tasks = useTasks({ overdueOnly, sector: sector ?? undefined, staffId: staffId ?? undefined });
  const all = useTasks({});
  const staff = useStaff();
  const sectors = [...new Set((all.data ?? []).map((t) => t.sector).filter((s): s is string => !!s))].sort((a, b) =>
    a.localeCompare(b, 'vi'),
  );
  const generate = useGenerateTasks();
  const save = useSaveTask();
  const [editing, setEditing] = useState<PlanTask | 'new' | null>(null);
  // The title of the last opened form, kept while the dialog fades out.
  const [creating, setCreating] = useState(true);
  const edit = (t: PlanTask | 'new') => {
    setCreating(t === 'new');
    setEditing(t);
  };
  return (
    <Stack>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={creating ? 'Giao nhiệm vụ' : 'Sửa nhiệm vụ'}
        size="lg"
      >
        {editing !== null && (
          <TaskForm task={editing === 'new' ? undefined : editing} onSaved={() => setEditing(null)} />
        )}
      </Modal>
      <Group align="flex-end" justify="space-between">
        <Group align="flex-end">
          <Select
            label="Ngành phụ trách"
            placeholder="Tất cả các ngành"
            clearable
            data={sectors}
            value={sector}
            onChange={setSector}
            w={240}
            data-testid="tasks-sector"
          />
          <Select
            label="Cán bộ"
            placeholder="Tất cả cán bộ"
            clearable
            data={(staff.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={staffId}
            onChange={setStaffId}
            w={180}
            data-testid="tasks-staff"
          />
          <Checkbox
            label="Chỉ nhiệm vụ quá hạn"
            checked={overdueOnly}
            onChange={(e) => setOverdueOnly(e.currentTarget.checked)}
            mb={8}
            data-testid="tasks-overdue"
          />
          <ReminderLetterButton sector={sector} />
        </Group>
        <Group align="flex-end">
          <TextInput
            label="Thời hạn hoàn thành"
            type="date"
            value={dueOn}
            onChange={(e) => setDueOn(e.currentTarget.value)}
            data-testid="tasks-due"
          />
          <Button
            disabled={!dueOn}
            loading={generate.isPending}
            onClick={() => generate.mutate({ dueOn })}
            data-testid="tasks-generate"
          >
            Giao nhiệm vụ theo lộ trình
          </Button>
          <Button variant="light" onClick={() => edit('new')} data-testid="task-new">
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
              <Table.Th w={130}>Thời hạn</Table.Th>
              <Table.Th w={220}>Giao cho</Table.Th>
              <Table.Th>Nhiệm vụ</Table.Th>
              <Table.Th w={170}>Trạng thái</Table.Th>
              <Table.Th w={60} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tasks.data.map((t) => (
              <Table.Tr key={t.id} data-overdue={t.overdue || undefined} data-testid={`task-row-${t.id}`}>
                <Table.Td>
                  <Text size="sm" c={t.overdue ? 'red.8' : undefined} fw={t.overdue ? 700 : undefined}>
                    {vnDate(t.dueOn)}
                  </Text>
                  {t.overdue && (
                    <Badge color="red" size="xs" tt="none" style={{ overflow: 'visible' }}>
                      quá hạn {-t.daysLeft} ngày
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {t.sector && <Text size="sm">{t.sector}</Text>}
                  {t.staffName && (
                    <Text size="sm" c={t.sector ? 'dimmed' : undefined}>
                      {t.sector ? 'Cán bộ theo dõi: ' : 'Cán bộ: '}
                      {t.staffName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <Text size="sm">{t.title}</Text>
                    {t.readOnly && (
                      <Badge
                        color="gray"
                        variant="outline"
                        tt="none"
                        size="sm"
                        style={{ flexShrink: 0 }}
                        data-testid="task-office"
                      >
                        {t.officeName}
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {[taskLinks(t), ORIGIN[t.origin]].filter(Boolean).join(' · ')}
                  </Text>
                  {t.document && (
                    <Text size="xs" c="dimmed">
                      Văn bản giao: {t.document.no} ngày {vnDate(t.document.date)}
                      {t.document.issuer ? ` của ${t.document.issuer}` : ''}
                    </Text>
                  )}
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
                    disabled={t.readOnly}
                    onChange={(v) => v && save.mutate({ id: t.id, status: v as TaskStatus })}
                    allowDeselect={false}
                    w={160}
                  />
                </Table.Td>
                <Table.Td>
                  {!t.readOnly && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => edit(t)}
                      data-testid={`task-edit-${t.criterionNo ?? t.id}`}
                    >
                      Sửa
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
