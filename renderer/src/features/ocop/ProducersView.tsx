import { Button, Card, Group, Modal, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { AppInfo, OcopProducer } from '../../../../core/contract/index';
import { PRODUCER_KINDS } from '../../../../core/ocop';
import { ProducerForm } from './ProducerForm';
import { useProducers } from './queries';

export type ProducersViewProps = { info: AppInfo };

export function ProducersView({ info }: ProducersViewProps) {
  const [query, setQuery] = useState('');
  const producers = useProducers(query);
  const [editing, setEditing] = useState<OcopProducer | 'new' | null>(null);
  return (
    <Card withBorder radius="md" padding="lg">
      <Group justify="space-between" mb="md">
        <TextInput placeholder="Tìm theo tên, mã số thuế, người đại diện…" value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={360} />
        <Button onClick={() => setEditing('new')} data-testid="producer-new">
          + Thêm chủ thể
        </Button>
      </Group>
      {(producers.data ?? []).length === 0 ? (
        <Text c="dimmed">Chưa có chủ thể OCOP nào. Thêm hợp tác xã, doanh nghiệp, hộ sản xuất… trước khi đăng ký sản phẩm.</Text>
      ) : (
        <Table striped highlightOnHover data-testid="producers-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Chủ thể</Table.Th>
              <Table.Th>Loại hình</Table.Th>
              <Table.Th>Người đại diện</Table.Th>
              <Table.Th>Địa bàn</Table.Th>
              <Table.Th>Liên hệ</Table.Th>
              <Table.Th ta="right">Sản phẩm</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(producers.data ?? []).map((p) => (
              <Table.Tr key={p.id} onClick={() => setEditing(p)} style={{ cursor: 'pointer' }}>
                <Table.Td>
                  <Text fw={600}>{p.name}</Text>
                  {p.taxCode && <Text size="xs" c="dimmed">MST/ĐKKD {p.taxCode}</Text>}
                </Table.Td>
                <Table.Td>{PRODUCER_KINDS[p.kind]}</Table.Td>
                <Table.Td>
                  {p.legalRepName}
                  {p.legalRepTitle && <Text size="xs" c="dimmed">{p.legalRepTitle}</Text>}
                </Table.Td>
                <Table.Td>
                  {p.address}, {p.unitName}
                </Table.Td>
                <Table.Td>
                  {p.phone}
                  {p.email && <Text size="xs" c="dimmed">{p.email}</Text>}
                </Table.Td>
                <Table.Td ta="right">{p.productCount}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? 'Thêm chủ thể OCOP' : 'Sửa thông tin chủ thể'} size="xl">
        {editing !== null && <ProducerForm info={info} producer={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Card>
  );
}
