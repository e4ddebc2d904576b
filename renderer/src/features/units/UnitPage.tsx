import { Alert, Anchor, Badge, Card, Group, Loader, Spoiler, Stack, Table, Text, Title } from '@mantine/core';
import type { LineageLink, UnitEra } from '../../../../core/contract/index';
import { useUnitLineage } from './queries';
import { unitHash } from './unitsRoute';

export type UnitPageProps = { code: string; era: UnitEra | undefined; onBack: () => void };

/**
 * One administrative unit with its place in the 1 July 2025 reform: a new commune's predecessors or an old one's
 * successors, each with full/partial and the resolution clause verbatim; a province's merged provinces.
 */
export function UnitPage({ code, era, onBack }: UnitPageProps) {
  const lineage = useUnitLineage(code, era);
  return (
    <Stack gap="sm">
      <Anchor component="button" type="button" size="sm" onClick={onBack} ta="left" data-testid="unit-back">
        ← Tìm đơn vị hành chính
      </Anchor>
      {lineage.isPending && <Loader aria-label="Đang tải" />}
      {lineage.isError && (
        <Alert color="red" title="Không tải được đơn vị">
          {lineage.error.message}
        </Alert>
      )}
      {lineage.data && (
        <>
          <Group gap="xs" align="baseline">
            <Title order={2} data-testid="unit-title">
              {lineage.data.unit.fullName}
            </Title>
            <Badge tt="none" variant="light" color={lineage.data.unit.era === 'current' ? 'green' : 'gray'}>
              {lineage.data.unit.era === 'current' ? 'Hiện hành (từ 01/7/2025)' : 'Trước 01/7/2025'}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            Mã {lineage.data.unit.code}
            {lineage.data.unit.level === 'commune' && lineage.data.unit.era === 'current' ? (
              <>
                {' · '}
                <Anchor href={`#/ntm/commune/${lineage.data.unit.code}`} size="sm">
                  Hồ sơ NTM của xã
                </Anchor>
              </>
            ) : null}
          </Text>
          {lineage.data.predecessors.length > 0 && (
            <LinksCard title="Hình thành từ (trước 01/7/2025)" links={lineage.data.predecessors} testId="unit-predecessors" />
          )}
          {lineage.data.successors.length > 0 && <LinksCard title="Từ 01/7/2025 thuộc" links={lineage.data.successors} testId="unit-successors" />}
          {lineage.data.provinces.length > 0 && (
            <Card withBorder padding="sm" radius="md">
              <Text fw={600} mb={4}>
                {lineage.data.unit.era === 'current' ? 'Các tỉnh hợp nhất (Nghị quyết 202/2025/QH15)' : 'Nay thuộc tỉnh'}
              </Text>
              <Group gap="xs">
                {lineage.data.provinces.map((p) => (
                  <Anchor key={p.code} href={unitHash(p.code, lineage.data.unit.era === 'current' ? 'before-2025-07' : 'current')}>
                    {p.name} ({p.code})
                  </Anchor>
                ))}
              </Group>
            </Card>
          )}
          {lineage.data.predecessors.length + lineage.data.successors.length + lineage.data.provinces.length === 0 && (
            <Text size="sm" c="dimmed">
              Không có thông tin sắp xếp cho đơn vị này.
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}

function LinksCard({ title, links, testId }: { title: string; links: LineageLink[]; testId: string }) {
  return (
    <Card withBorder padding={0} radius="md" data-testid={testId}>
      <Text fw={600} p="sm" pb={0}>
        {title}
      </Text>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Đơn vị</Table.Th>
            <Table.Th>Phần</Table.Th>
            <Table.Th>Căn cứ</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {links.map((l) => (
            <Table.Tr key={l.unit.code} data-testid={`lineage-${l.unit.code}`}>
              <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                <Anchor href={unitHash(l.unit.code, l.unit.era)}>{l.unit.fullName}</Anchor>
                <Text size="xs" c="dimmed">
                  Mã {l.unit.code}
                </Text>
              </Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>
                <Badge tt="none" variant="light" color={l.share === 'full' ? 'blue' : 'orange'}>
                  {l.share === 'full' ? 'Toàn bộ' : 'Một phần'}
                </Badge>
              </Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>
                <Text size="sm" fw={600}>
                  Nghị quyết {l.resolution}
                  {l.confidence && l.confidence !== 'high' ? ` (độ tin cậy: ${l.confidence})` : ''}
                </Text>
                <Spoiler maxHeight={44} showLabel="Xem đủ điều khoản" hideLabel="Thu gọn">
                  <Text size="xs" c="dimmed">
                    {l.clauseText.replace(/\*\*/g, '')}
                  </Text>
                </Spoiler>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
