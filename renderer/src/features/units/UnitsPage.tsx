import { Anchor, Badge, Card, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { AdminUnit } from '../../../../core/contract/index';
import { useUnitSearch } from './queries';
import { ReformQueuePanel } from './ReformQueuePanel';
import { UnitPage } from './UnitPage';
import { parseUnitsHash, unitHash, type UnitsView } from './unitsRoute';

const LEVEL_LABELS: Record<AdminUnit['level'], string> = { province: 'Tỉnh', district: 'Huyện', commune: 'Xã' };

/** '#/units': search the units of both maps, then a unit's page with its lineage across the 1 July 2025 reform. */
export function UnitsPage() {
  const [view, setView] = useState<UnitsView>(() => parseUnitsHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setView(parseUnitsHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  if (view.kind === 'unit') return <UnitPage code={view.code} era={view.era} onBack={() => (window.location.hash = '#/units')} />;
  return <UnitSearch />;
}

function UnitSearch() {
  const [query, setQuery] = useState('');
  const results = useUnitSearch(query);
  return (
    <Stack gap="sm">
      <Title order={2}>Đơn vị hành chính</Title>
      <Text size="sm" c="dimmed">
        Tìm theo tên hoặc mã, không cần dấu. Xã mới cũng được tìm thấy qua tên xã cũ đã nhập vào nó (sắp xếp từ 01/7/2025).
      </Text>
      <TextInput
        label="Tên hoặc mã đơn vị"
        placeholder="ví dụ: Nậm Càn, Na Ngoi, 16870"
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        data-testid="units-search"
        autoFocus
      />
      {results.isFetching && <Loader size="sm" aria-label="Đang tìm" />}
      {results.data && (
        <Card withBorder padding={0} radius="md">
          <Table striped highlightOnHover data-testid="units-results">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Mã</Table.Th>
                <Table.Th>Đơn vị</Table.Th>
                <Table.Th>Cấp</Table.Th>
                <Table.Th>Thời kỳ</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {results.data.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text size="sm" c="dimmed">
                      Không tìm thấy đơn vị nào.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {results.data.map((u) => (
                <Table.Tr key={`${u.era}/${u.level}/${u.code}`} data-testid={`unit-result-${u.code}`}>
                  <Table.Td>{u.code}</Table.Td>
                  <Table.Td>
                    <Anchor href={unitHash(u.code, u.era)}>{u.fullName}</Anchor>
                    {u.matchedVia && (
                      <Text size="xs" c="dimmed">
                        trước đây: {u.matchedVia.fullName} ({u.matchedVia.share === 'full' ? 'toàn bộ' : 'một phần'})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{LEVEL_LABELS[u.level]}</Table.Td>
                  <Table.Td>
                    <Badge tt="none" variant="light" color={u.era === 'current' ? 'green' : 'gray'}>
                      {u.era === 'current' ? 'Hiện hành' : 'Trước 01/7/2025'}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <ReformQueuePanel />
    </Stack>
  );
}
