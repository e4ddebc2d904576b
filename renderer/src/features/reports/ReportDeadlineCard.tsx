import { Alert, Badge, Card, Group, Loader, Stack, Text } from '@mantine/core';
import { formatVnDate } from '../../../../core/reports/vnFormat';
import { useReportDeadlines } from './queries';

export type ReportDeadlineCardProps = { onOpen?: () => void };

/**
 * The next report due and its date, and any overdue ones (no final report saved by the due date), for the overview
 * page. Deadlines come from the report settings: the quarterly one from the seed directive, the others as entered.
 */
export function ReportDeadlineCard({ onOpen }: ReportDeadlineCardProps) {
  const deadlines = useReportDeadlines();
  if (deadlines.isPending) return <Loader size="sm" aria-label="Đang tải hạn báo cáo" />;
  if (deadlines.isError) return <Alert color="red">{deadlines.error.message}</Alert>;
  const { next, overdue } = deadlines.data;
  return (
    <Card withBorder padding="md" data-testid="report-deadline-card" onClick={onOpen} style={{ cursor: onOpen ? 'pointer' : undefined }}>
      <Stack gap={6}>
        <Text fw={600}>Hạn nộp báo cáo</Text>
        {next ? (
          <Group gap="xs">
            <Text>
              Báo cáo {next.label}: hạn <b>{formatVnDate(next.dueOn)}</b>
            </Text>
            <Badge color={next.daysLeft <= 7 ? 'orange' : 'blue'}>{next.daysLeft === 0 ? 'hôm nay' : `còn ${next.daysLeft} ngày`}</Badge>
          </Group>
        ) : (
          <Text c="dimmed">Chưa đặt hạn nộp báo cáo.</Text>
        )}
        {overdue.map((d) => (
          <Group gap="xs" key={d.period} data-testid="report-overdue">
            <Badge color="red">Quá hạn</Badge>
            <Text size="sm">
              Báo cáo {d.label} (hạn {formatVnDate(d.dueOn)}) chưa lưu phiên bản.
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
