import { Alert, Badge, Card, List, Stack, Table, Text, Title } from '@mantine/core';
import type { ProgressStatus } from '../../../../core/contract/index';
import { noPlanSentence, planGapSentence, planReportCells } from '../../../../core/plans/reportSection';
import type { ReportModel } from '../../../../core/reports/model';
import { formatVnDate } from '../../../../core/reports/vnFormat';

const STATUS_COLOR: Record<ProgressStatus, string> = { achieved: 'green', on_track: 'blue', behind: 'orange', missed: 'red', unknown: 'gray' };

export type PlanResultsCardProps = { model: ReportModel };

/**
 * "Kết quả so với kế hoạch" as the report prints it: per plan covering the year, the table of the DOCX (same
 * cells, core/plans/reportSection.ts) and a line for each target not yet achieved with the communes or products
 * of its gap. Says so when no plan covers the year, and when a saved report predates the section.
 */
export function PlanResultsCard({ model }: PlanResultsCardProps) {
  const section = model.planResults;
  return (
    <Card withBorder data-testid="report-plan-results">
      <Title order={4} mb="xs">
        Kết quả thực hiện so với kế hoạch
      </Title>
      {section === null && (
        <Alert color="gray">Báo cáo này được lưu bằng phiên bản ứng dụng trước khi có phần kết quả so với kế hoạch; văn bản của nó không có phần này.</Alert>
      )}
      {section !== null && section.plans.length === 0 && (
        <Alert color="yellow" title={noPlanSentence(section.year)}>
          Nhập kế hoạch cùng số, ngày văn bản giao chỉ tiêu ở trang “Kế hoạch và kiểm tra”; báo cáo sẽ so sánh với các chỉ tiêu đó.
        </Alert>
      )}
      {section !== null && section.plans.length > 0 && (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Tính đến ngày {formatVnDate(section.asOf)}; tiến độ so với mức phấn đấu đều từ đầu đến cuối kỳ kế hoạch.
          </Text>
          {section.plans.map((plan, k) => (
            <Stack key={k} gap="xs" data-testid="report-plan">
              <div>
                <Text fw={600}>{plan.title}</Text>
                <Text size="sm" c="dimmed">
                  {plan.document} · {plan.periodLabel}
                </Text>
              </div>
              <Table withTableBorder striped data-testid="report-plan-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Chỉ tiêu</Table.Th>
                    <Table.Th>Kế hoạch</Table.Th>
                    <Table.Th>Đạt trong kỳ</Table.Th>
                    <Table.Th>Lũy kế</Table.Th>
                    <Table.Th>Đánh giá</Table.Th>
                    <Table.Th>Còn thiếu</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {plan.rows.map((row, i) => {
                    const c = planReportCells(row);
                    return (
                      <Table.Tr key={i}>
                        <Table.Td>{c.indicator}</Table.Td>
                        <Table.Td>{c.target}</Table.Td>
                        <Table.Td>{c.inPeriod}</Table.Td>
                        <Table.Td>{c.cumulative}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={STATUS_COLOR[row.status]}>
                            {c.status}
                          </Badge>
                        </Table.Td>
                        <Table.Td>{c.remaining}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
              <List size="sm" spacing={4}>
                {plan.rows
                  .filter((r) => r.status !== 'achieved')
                  .map((r, i) => (
                    <List.Item key={i}>{planGapSentence(r, 'Biểu 09')}</List.Item>
                  ))}
              </List>
            </Stack>
          ))}
        </Stack>
      )}
    </Card>
  );
}
