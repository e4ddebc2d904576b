import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useDueSoon } from '../ocop/queries';

function vnDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** OCOP work falling due soon (commune reviews, re-evaluation windows, expiring certificates, rounds). */
export function OcopDueCard() {
  const due = useDueSoon(180);
  const items = due.data ?? [];
  const overdue = items.filter((d) => d.overdue).length;
  return (
    <Card withBorder padding="lg" radius="md" data-testid="overview-ocop-due">
      <Group justify="space-between" mb="xs">
        <Text fw={700}>OCOP: việc sắp đến hạn</Text>
        {overdue > 0 && <Badge color="red">{overdue} việc quá hạn</Badge>}
      </Group>
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          Không có việc nào đến hạn trong 180 ngày tới.
        </Text>
      ) : (
        <Stack gap={6}>
          {items.slice(0, 6).map((d, i) => (
            <Group key={i} gap="xs" wrap="nowrap" align="baseline">
              <Text size="sm" fw={600} c={d.overdue ? 'red' : undefined} w={90} style={{ flexShrink: 0 }}>
                {vnDate(d.dueOn)}
              </Text>
              <Text size="sm" lineClamp={2}>
                {d.productId ? <Anchor href={`#/ocop/product/${d.productId}/info`}>{d.productName}</Anchor> : null} {d.message}
              </Text>
            </Group>
          ))}
          {items.length > 6 && (
            <Anchor href="#/ocop/due" size="sm">
              Xem tất cả {items.length} việc
            </Anchor>
          )}
        </Stack>
      )}
    </Card>
  );
}
