import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { OcopDueKind } from '../../../../core/contract/index';
import { vnDate } from './format';
import { useDueSoon, useRounds } from './queries';

const KIND_LABELS: Record<OcopDueKind, string> = {
  commune_review: 'Xã kiểm tra hồ sơ',
  re_evaluation_window: 'Đánh giá lại',
  certificate_expiry: 'Hết hạn giấy chứng nhận',
  round_deadline: 'Đợt đánh giá',
};

export type DueSoonViewProps = { onOpen: (productId: string) => void };

/** What falls due in the next 180 days, and the year's regular rounds (Điều 5). */
export function DueSoonView({ onOpen }: DueSoonViewProps) {
  const due = useDueSoon(180);
  const year = new Date().getFullYear();
  const rounds = useRounds(year);
  return (
    <Stack>
      <Card withBorder radius="md" padding="lg">
        <Title order={4} mb="sm">
          Việc đến hạn trong 180 ngày
        </Title>
        {(due.data ?? []).length === 0 ? (
          <Text c="dimmed">Không có việc nào đến hạn.</Text>
        ) : (
          <Table data-testid="due-table" verticalSpacing="sm">
            <Table.Tbody>
              {(due.data ?? []).map((d, i) => (
                <Table.Tr key={i} onClick={() => d.productId && onOpen(d.productId)} style={{ cursor: d.productId ? 'pointer' : undefined }}>
                  <Table.Td w={110}>
                    <Text fw={600} c={d.overdue ? 'red' : undefined}>
                      {vnDate(d.dueOn)}
                    </Text>
                  </Table.Td>
                  <Table.Td w={200}>
                    <Badge variant="light" color={d.overdue ? 'red' : d.kind === 'round_deadline' ? 'blue' : 'orange'}>
                      {d.overdue ? 'Quá hạn · ' : ''}
                      {KIND_LABELS[d.kind]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {d.productName && (
                      <Text fw={600} size="sm">
                        {d.productName} <Text span c="dimmed" ff="monospace" size="xs">{d.productCode}</Text>
                      </Text>
                    )}
                    <Text size="sm">{d.message}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Card withBorder radius="md" padding="lg">
        <Title order={4} mb="sm">
          Các đợt đánh giá năm {year} (QĐ 26/2026/QĐ-TTg, Điều 5)
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {(rounds.data ?? []).map((r) => (
            <Card key={`${r.level}-${r.round}`} withBorder padding="sm">
              <Group justify="space-between">
                <Text fw={600}>
                  {r.level === 'province' ? 'Cấp tỉnh' : 'Cấp trung ương'} · đợt {r.round}
                </Text>
                <Badge variant="light">{r.waiting} sản phẩm</Badge>
              </Group>
              <Text size="sm">
                {r.level === 'province' ? 'Xã đề nghị' : 'Tỉnh đề nghị'} trước {vnDate(r.proposeBefore)} · đánh giá trước {vnDate(r.evaluateBefore)}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      </Card>
    </Stack>
  );
}
