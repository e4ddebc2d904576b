import { Badge, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import type { ReportSummary } from '../../../../core/contract/reports';
import { useDownloadReport } from './mutations';
import { useReportList } from './queries';

export type SavedReportsProps = { onView: (report: ReportSummary) => void };

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('vi-VN') : '—');

/** Every saved report, newest first: open a final one exactly as saved, or download it again. */
export function SavedReports({ onView }: SavedReportsProps) {
  const list = useReportList();
  const download = useDownloadReport();
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        Báo cáo đã lưu
      </Title>
      {list.data?.length === 0 && <Text c="dimmed">Chưa có báo cáo nào.</Text>}
      {list.data && list.data.length > 0 && (
        <Table data-testid="saved-reports">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Kỳ</Table.Th>
              <Table.Th>Phiên bản</Table.Th>
              <Table.Th>Trạng thái</Table.Th>
              <Table.Th>Lưu lúc</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.periodLabel}</Table.Td>
                <Table.Td>{r.revision}</Table.Td>
                <Table.Td>{r.status === 'final' ? <Badge color="green">Đã lưu phiên bản</Badge> : <Badge color="gray">Nháp</Badge>}</Table.Td>
                <Table.Td>{when(r.finalizedAt ?? r.updatedAt)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end">
                    {r.status === 'final' && (
                      <Button size="compact-sm" variant="light" onClick={() => onView(r)}>
                        Mở
                      </Button>
                    )}
                    <Button size="compact-sm" variant="default" onClick={() => download.mutate({ kind: 'docx', target: { id: r.id } })}>
                      DOCX
                    </Button>
                    <Button size="compact-sm" variant="default" onClick={() => download.mutate({ kind: 'xlsx', target: { id: r.id } })}>
                      XLSX
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
