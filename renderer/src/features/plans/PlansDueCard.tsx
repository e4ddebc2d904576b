import { Alert, Anchor, Badge, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { usePlanProgress, useTasks } from './queries';

/** Days ahead that count as "sắp đến hạn" on the overview. */
export const DUE_SOON_DAYS = 30;

const vnDate = (iso: string) => iso.split('-').reverse().join('/');

export type PlansDueCardProps = { onOpen?: () => void };

/**
 * For the overview: the sectors' tasks overdue and due within 30 days, and the targets of this year's plans that
 * are behind or missed, each with what it is about; a click opens "Kế hoạch và kiểm tra".
 */
export function PlansDueCard({ onOpen = () => (window.location.hash = '#/plans') }: PlansDueCardProps) {
  const tasks = useTasks({});
  const progress = usePlanProgress({ year: new Date().getFullYear() });
  if (tasks.isPending || progress.isPending) return <Loader size="sm" />;
  if (tasks.isError) return <Alert color="red">{tasks.error.message}</Alert>;
  if (progress.isError) return <Alert color="red">{progress.error.message}</Alert>;
  // The office's own tasks (a province's list also holds the offices' merged ones, read-only).
  const open = tasks.data.filter((t) => !t.readOnly && (t.status === 'open' || t.status === 'in_progress'));
  const overdue = open.filter((t) => t.overdue);
  const soon = open.filter((t) => !t.overdue && t.daysLeft <= DUE_SOON_DAYS);
  const behind = progress.data.flatMap((p) => p.targets.filter((t) => t.status === 'behind' || t.status === 'missed').map((t) => ({ plan: p.plan, t })));
  return (
    <Card withBorder data-testid="plans-due-card">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Kế hoạch và nhiệm vụ các ngành</Title>
        <Anchor size="sm" onClick={onOpen}>
          Mở
        </Anchor>
      </Group>
      <Stack gap={6}>
        <Group gap="xs">
          <Badge color={overdue.length ? 'red' : 'gray'} variant="light" data-testid="plans-due-overdue">
            {overdue.length} nhiệm vụ quá hạn
          </Badge>
          <Badge color={soon.length ? 'orange' : 'gray'} variant="light">
            {soon.length} nhiệm vụ đến hạn trong {DUE_SOON_DAYS} ngày
          </Badge>
          <Badge color={behind.length ? 'orange' : 'gray'} variant="light">
            {behind.length} chỉ tiêu chậm tiến độ
          </Badge>
        </Group>
        {[...overdue, ...soon].slice(0, 5).map((t) => (
          <Text key={t.id} size="sm" c={t.overdue ? 'red.8' : undefined}>
            {vnDate(t.dueOn)} · {t.assignee}: {t.title}
            {t.overdue ? ` (quá hạn ${-t.daysLeft} ngày)` : ''}
          </Text>
        ))}
        {behind.slice(0, 5).map(({ plan, t }) => (
          <Text key={`${plan.id}/${t.target.id}`} size="sm">
            {t.target.label} — {t.statusText}
            <Text span size="xs" c="dimmed">
              {' '}
              ({plan.documentNo})
            </Text>
          </Text>
        ))}
        {overdue.length + soon.length + behind.length === 0 && (
          <Text size="sm" c="dimmed">
            Không có nhiệm vụ quá hạn hay chỉ tiêu chậm tiến độ.
          </Text>
        )}
      </Stack>
    </Card>
  );
}
